/** The API is down or refused: say what failed and offer a retry, never a blank page. */
import './state-screen.css';

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry: () => void }) {
  return (
    <main className="state-screen">
      <div role="alert" className="state-screen__box state-screen__box--error">
        <h1>{title}</h1>
        <p>{message}</p>
        <button type="button" className="primary-button" onClick={onRetry}>
          Retry
        </button>
      </div>
    </main>
  );
}
