/**
 * The loaded app: the view the URL names. The graph is always mounted (hidden under the
 * other views) so that Back from the reader returns to it exactly as it was.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';

import { LoadedGraphContext } from '../bindings/loaded-graph';
import { ExpansionContext, useExpansions } from '../bindings/use-expansions';
import { useNavigation } from '../bindings/use-navigation';
import type { RenderGraph } from '../core/graph-building';
import { entityTypeColors } from '../core/graph-building';
import type { GraphData } from '../core/graph-data';
import { parseRoute, type Route } from '../core/routing';
import { LoadingState } from '../components/LoadingState';
import { ExplorerView } from './explorer/ExplorerView';
import { NotFoundView } from './NotFoundView';

// The other views load when first shown: the explorer's first frame does not wait for their code.
const BetweenView = lazy(() => import('./between/BetweenView').then((module) => ({ default: module.BetweenView })));
const CurateView = lazy(() => import('./curate/CurateView').then((module) => ({ default: module.CurateView })));
const DisagreementsView = lazy(() =>
  import('./disagreements/DisagreementsView').then((module) => ({ default: module.DisagreementsView })),
);
const SourceReaderView = lazy(() =>
  import('./reader/SourceReaderView').then((module) => ({ default: module.SourceReaderView })),
);
const SourcesView = lazy(() => import('./sources/SourcesView').then((module) => ({ default: module.SourcesView })));
const TableView = lazy(() => import('./table/TableView').then((module) => ({ default: module.TableView })));
const TimelineView = lazy(() => import('./timeline/TimelineView').then((module) => ({ default: module.TimelineView })));

function documentTitle(route: Route, data: GraphData, datasetTitle: string): string {
  const APP_TITLE = `${datasetTitle} explorer`;
  switch (route.view) {
    case 'graph':
      return APP_TITLE;
    case 'sources':
      return `Sources · ${APP_TITLE}`;
    case 'reader': {
      const source = data.sourceById.get(route.sourceId);
      const name = source ? source.title : data.sourcesComplete ? 'Unknown source' : 'Source';
      return `${name} · Source reader · ${APP_TITLE}`;
    }
    case 'disagreements':
      return `Where the sources disagree · ${APP_TITLE}`;
    case 'curate':
      return `Curate · ${APP_TITLE}`;
    case 'between': {
      const name = (id: string | null) => (id ? (data.entityById.get(id)?.name ?? id) : '…');
      return `Between ${name(route.a)} and ${name(route.b)} · ${APP_TITLE}`;
    }
    case 'timeline':
      return `Timeline · ${APP_TITLE}`;
    case 'table':
      return `Table · ${APP_TITLE}`;
    case 'not-found':
      return `Page not found · ${APP_TITLE}`;
  }
}

export function AppShell({ data: loaded, graph }: { data: GraphData; graph: RenderGraph }) {
  // In a bounded view, what is shown is the loaded overview plus what the user expanded.
  const { view: data, controls: expansions } = useExpansions(loaded, graph);
  const { location } = useNavigation();
  const route = useMemo(() => parseRoute(location.pathname, location.search), [location.pathname, location.search]);
  const context = useMemo(() => ({ data, colors: entityTypeColors(data.entityTypes) }), [data]);
  const title = documentTitle(route, data, data.title);

  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <LoadedGraphContext.Provider value={context}>
      <ExpansionContext.Provider value={expansions}>
        <ExplorerView data={data} graph={graph} active={route.view === 'graph'} />
      </ExpansionContext.Provider>
      <Suspense fallback={<LoadingState progress={null} what="the page" />}>
        {route.view === 'sources' && <SourcesView />}
        {route.view === 'reader' && <SourceReaderView key={route.sourceId} route={route} />}
        {route.view === 'disagreements' && <DisagreementsView route={route} />}
        {route.view === 'curate' && <CurateView />}
        {route.view === 'between' && <BetweenView key={`${route.a},${route.b}`} route={route} />}
        {route.view === 'timeline' && <TimelineView />}
        {route.view === 'table' && <TableView />}
      </Suspense>
      {route.view === 'not-found' && <NotFoundView pathname={route.pathname} />}
    </LoadedGraphContext.Provider>
  );
}
