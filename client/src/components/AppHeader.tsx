/**
 * The header every view shares: the app's name, the main navigation between the views, and
 * whatever the view adds (the graph's search and counts).
 */
import type { ReactNode } from 'react';

import { useLoadedGraph } from '../bindings/loaded-graph';
import { useExplorerState } from '../bindings/use-explorer-state';
import { useNavigation } from '../bindings/use-navigation';
import { navigationSection, parseRoute, routeHref } from '../core/routing';
import { tableHref } from '../core/table';
import { AppLink } from './AppLink';
import './app-header.css';

interface AppHeaderProps {
  /** The graph view's header holds the page's h1; other views have their own. */
  titleIsHeading: boolean;
  subtitle: string;
  className?: string;
  children?: ReactNode;
}

export function AppHeader({ titleIsHeading, subtitle, className = '', children }: AppHeaderProps) {
  const Title = titleIsHeading ? 'h1' : 'p';
  const datasetTitle = useLoadedGraph().data.title;
  return (
    <header className={`app-header ${className}`}>
      <Title className="app-header__title">
        {/* A dataset's title is free text: a long one is cut on screen, not in the page's text. */}
        <span className="app-header__name" title={datasetTitle}>
          {datasetTitle}
        </span>
        <span className="app-header__subtitle">{subtitle}</span>
      </Title>
      <AppNav />
      {children}
    </header>
  );
}

const SECTIONS = [
  { id: 'graph', label: 'Graph' },
  { id: 'table', label: 'Table' },
  { id: 'sources', label: 'Sources' },
  { id: 'disagreements', label: 'Disagreements' },
  { id: 'timeline', label: 'Timeline' },
] as const;

/** Links to the views; the graph link returns to the graph as it was last shown, the table shows its filters. */
export function AppNav() {
  const { location } = useNavigation();
  const graph = useExplorerState();
  const route = parseRoute(location.pathname, location.search);
  const section = navigationSection(route);
  return (
    <nav className="app-nav" aria-label="Views">
      <ul>
        {SECTIONS.map(({ id, label }) => {
          const href =
            id === 'graph'
              ? graph.href()
              : id === 'table'
                ? tableHref(graph.state)
                : routeHref(
                    id === 'sources'
                      ? { view: 'sources' }
                      : id === 'timeline'
                        ? { view: 'timeline' }
                        : { view: 'disagreements', entityId: null, attribute: null },
                  );
          // On the reader, Sources is the section, not the page itself.
          const current = section === id ? (route.view === 'reader' ? 'true' : 'page') : undefined;
          return (
            <li key={id}>
              <AppLink className="app-nav__link" href={href} aria-current={current}>
                {label}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
