import { useExplorerState } from '../bindings/use-explorer-state';
import { useNavigation } from '../bindings/use-navigation';
import { parseRoute } from '../core/routing';
import { AppLink } from './AppLink';

/**
 * "Back" above a page: a real Back (which restores the page left, camera included) when the
 * page was opened from inside the app, named after where it leads; else a link to the graph.
 */
export function BackLink() {
  const { location, back } = useNavigation();
  const graphHref = useExplorerState().href();
  const from = location.back ? new URL(location.back, window.location.origin) : null;
  const fromRoute = from ? parseRoute(from.pathname, from.search) : null;
  const label =
    fromRoute?.view === 'sources'
      ? 'Back to the sources'
      : fromRoute?.view === 'disagreements'
        ? 'Back to the disagreements'
        : fromRoute?.view === 'reader'
          ? 'Back to the previous source'
          : 'Back to the graph';
  return (
    <p className="page__back">
      <AppLink
        href={location.back ?? graphHref}
        onClick={(event) => {
          if (!location.back) return;
          event.preventDefault();
          back();
        }}
      >
        <span aria-hidden="true">← </span>
        {label}
      </AppLink>
    </p>
  );
}
