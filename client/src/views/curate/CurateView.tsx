/**
 * Curator mode: sign in with the server's curator token, add an article (it then opens in
 * the reader, where a selected passage can be cited), and the history of changes, newest
 * first, each with who made it and when, and an undo for each that stands (an undo included).
 * A change drops the cached answers and loads the graph again: the page is not reloaded.
 */
import { useState, type FormEvent } from 'react';

import { RevertChangeDocument } from '../../api/generated/graphql';
import { useApiReset } from '../../api/api-provider';
import {
  uploadArticle,
  useChangeLog,
  useChangeSender,
  useCuratorSession,
  type CuratorSession,
} from '../../api/curation';
import { useGraphRefresh } from '../../bindings/loaded-graph';
import { useNavigation } from '../../bindings/use-navigation';
import { QueryState } from '../../components/QueryState';
import { PageLayout } from '../../components/PageLayout';
import { readerHref } from '../../core/routing';
import './curate.css';

export function CurateView() {
  const { session, signIn, signOut } = useCuratorSession();
  return (
    <PageLayout title="Curate" className="curate">
      {session === null && <p>Asking the server whether it accepts changes…</p>}
      {session && !session.enabled && (
        <p className="note">
          This server is read-only: it accepts changes only when started with a curator token (see the README,
          “Curating”).
        </p>
      )}
      {session?.enabled && !session.curator && <SignInForm onSignIn={signIn} />}
      {session?.curator && (
        <>
          <p>
            Signed in as <strong>{session.curator}</strong>.{' '}
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </p>
          <p className="hint">To cite a passage, open a source in the reader and select the passage.</p>
          <AddArticleForm session={session} />
        </>
      )}
      <History session={session} />
    </PageLayout>
  );
}

function SignInForm({ onSignIn }: { onSignIn: (token: string, name: string) => Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSignIn(String(form.get('token')), String(form.get('name'))).catch((error: Error) => setProblem(error.message));
  };
  return (
    <form className="curate__form" aria-label="Sign in as a curator" onSubmit={submit}>
      <label>
        Your name <input name="name" required maxLength={80} autoComplete="name" />
      </label>
      <label>
        Curator token <input name="token" type="password" required autoComplete="current-password" />
      </label>
      <button type="submit" className="primary-button">
        Sign in
      </button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}

function AddArticleForm({ session }: { session: CuratorSession }) {
  const log = useChangeLog();
  const resetApi = useApiReset();
  const { navigate } = useNavigation();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    setSaving(true);
    setProblem(null);
    try {
      const sourceId = await uploadArticle(
        {
          baseVersion: log.data?.dataVersion ?? '',
          title: field('title').trim(),
          publisher: field('publisher').trim(),
          author: field('author').trim(),
          published: field('published').trim(),
          url: field('url').trim(),
          // Verbatim: only the line endings a textarea changes are put back to "\n".
          text: field('text').replace(/\r\n?/g, '\n'),
        },
        session.csrfToken,
      );
      // Sent outside GraphQL, the article cannot drop urql's cache: every answer is asked afresh.
      resetApi();
      navigate(readerHref(sourceId));
    } catch (error) {
      setProblem((error as Error).message);
      setSaving(false);
    }
  };
  return (
    <form className="curate__form" aria-label="Add an article" onSubmit={(event) => void submit(event)}>
      <h2>Add an article</h2>
      <label>
        Title <input name="title" required maxLength={300} />
      </label>
      <label>
        Publisher <input name="publisher" maxLength={300} />
      </label>
      <label>
        Author <input name="author" maxLength={300} />
      </label>
      <label>
        Published (YYYY-MM-DD or YYYY-MM) <input name="published" pattern="\d{4}-\d{2}(-\d{2})?" />
      </label>
      <label>
        Address (URL) <input name="url" type="url" maxLength={2000} />
      </label>
      <label>
        Full text, as published <textarea name="text" required rows={12} />
      </label>
      <button type="submit" className="primary-button" disabled={saving}>
        {saving ? 'Adding…' : 'Add the article'}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}

function History({ session }: { session: CuratorSession | null }) {
  const log = useChangeLog();
  const send = useChangeSender(session?.csrfToken ?? null);
  const refreshGraph = useGraphRefresh();
  const [problem, setProblem] = useState<string | null>(null);
  const changes = log.data?.changes ?? [];
  const undo = async (id: number) => {
    setProblem(null);
    try {
      await send(RevertChangeDocument, {
        baseVersion: log.data?.dataVersion ?? '',
        change: id,
        reason: 'undone from the history',
      });
      refreshGraph();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <section aria-labelledby="curate-history">
      <h2 id="curate-history">History</h2>
      <QueryState
        query={log}
        action="load the change log"
        found={Boolean(log.data)}
        loading="Loading the change log…"
        missing=""
      />
      {problem && <p role="alert">{problem}</p>}
      {log.data && changes.length === 0 && <p className="empty-note">No change has been made through the API yet.</p>}
      <ol className="curate__history" reversed>
        {changes.map((change) => (
          <li key={change.id}>
            <span className="curate__change-summary">{change.summary}</span>{' '}
            <span className="curate__change-meta">
              — {change.by}, <time dateTime={change.at}>{new Date(change.at).toLocaleString()}</time>
            </span>
            {change.undoneBy != null && (
              <span className="curate__change-meta"> (undone by change {change.undoneBy})</span>
            )}
            {session?.curator && change.undoneBy == null && (
              <button
                type="button"
                className="link-button"
                aria-label={`Undo change ${change.id}`}
                onClick={() => void undo(change.id)}
              >
                Undo
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
