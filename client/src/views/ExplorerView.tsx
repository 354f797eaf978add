/**
 * The explorer: plain React state at the root (the view state the URL carries), producers
 * to change it, and panels beside the canvas.
 */
import { useCallback, useMemo, useState } from 'react';

import { EntityCombobox } from '../components/EntityCombobox';
import { StatusLine } from '../components/StatusLine';
import { Tabs } from '../components/Tabs';
import { cameraFit, cameraToEntity, type CameraRequest } from '../core/camera';
import { all, on, type ExplorerProducer, type ExplorerState } from '../core/explorer-state';
import { computeVisibility, isFiltered, type FilterState } from '../core/filters';
import { focusOn, leaveFocus, setFocusDepth } from '../core/focus';
import { useNeighborhood } from '../core/focus/use-neighborhood';
import { entityTypeColors, type RenderGraph } from '../core/graph-building';
import type { GraphData } from '../core/graph-data';
import { withPath } from '../core/highlight';
import { pathHighlight, setPathEnd, type PathState } from '../core/paths';
import { usePaths } from '../core/paths/use-paths';
import { clearSelection, selectEntity, selectRelation } from '../core/selection';
import { parseExplorerUrl, sanitizeExplorerState } from '../core/url-state';
import { useUrlSync } from '../core/url-state/use-url-sync';
import { EntityPanel } from './EntityPanel';
import { EvidencePanel } from './EvidencePanel';
import { ExplorerContext } from './explorer-context';
import { FilterPanel } from './FilterPanel';
import { FocusBanner } from './FocusBanner';
import { GraphStage } from './GraphStage';
import { ListView } from './ListView';
import { PathFinderPanel } from './PathFinderPanel';

type SidebarTab = 'filters' | 'paths' | 'list';

export function ExplorerView({ data, graph }: { data: GraphData; graph: RenderGraph }) {
  const colors = useMemo(() => entityTypeColors(data.entityTypes), [data]);
  const [initial] = useState(() => sanitizeExplorerState(parseExplorerUrl(window.location.search), data));
  const [state, setState] = useState<ExplorerState>(initial.state);
  const [problems, setProblems] = useState(initial.problems);
  const [camera, setCamera] = useState<CameraRequest | null>(() =>
    initial.state.selection?.kind === 'entity' && !initial.state.focus
      ? cameraToEntity(initial.state.selection.id)
      : null,
  );
  const [tab, setTab] = useState<SidebarTab>(initial.state.path ? 'paths' : 'filters');
  const update = useCallback((producer: ExplorerProducer) => setState(producer), []);
  useUrlSync(state, setState, data);

  const neighborhood = useNeighborhood(state.focus, state.filters);
  const pathsResult = usePaths(state.path, state.filters);
  const pathIndex = state.path?.index ?? null;
  const pathSets = useMemo(() => {
    const sets = pathHighlight(pathsResult.paths, pathIndex);
    return sets.entities.size > 0 ? sets : null;
  }, [pathsResult.paths, pathIndex]);

  const filtered = useMemo(
    () => computeVisibility(data, state.filters, state.focus ? neighborhood.scope : null),
    [data, state.filters, state.focus, neighborhood.scope],
  );
  const visibility = useMemo(() => withPath(filtered, pathSets), [filtered, pathSets]);

  // Camera: fit the focus once its neighbourhood arrives, and the paths once they arrive.
  const focusFit = useMemo(
    () => (state.focus && neighborhood.scope ? cameraFit([...neighborhood.scope.entities]) : null),
    [state.focus, neighborhood.scope],
  );
  const pathFit = useMemo(() => (pathSets ? cameraFit([...pathSets.entities]) : null), [pathSets]);

  const chooseEntity = useCallback(
    (id: string) => {
      update(on('selection', selectEntity(id)));
      setCamera(cameraToEntity(id));
    },
    [update],
  );
  const clickEntity = useCallback((id: string) => update(on('selection', selectEntity(id))), [update]);
  const chooseRelation = useCallback((id: string) => update(on('selection', selectRelation(id))), [update]);
  const clickStage = useCallback(() => update(on('selection', clearSelection())), [update]);
  const changeFilters = useCallback(
    (producer: (filters: FilterState) => FilterState) => update(on('filters', producer)),
    [update],
  );
  const changePath = useCallback(
    (producer: (path: PathState | null) => PathState | null) => update(on('path', producer)),
    [update],
  );
  const enterFocus = useCallback(
    (id: string, depth: number) => update(all(on('focus', focusOn(id, depth)), on('selection', selectEntity(id)))),
    [update],
  );
  const unfocus = useCallback(() => {
    update(on('focus', leaveFocus()));
    setCamera(cameraFit(null));
  }, [update]);

  const selection = state.selection;
  const hiddenReason = (visible: boolean) =>
    visible
      ? null
      : state.focus
        ? 'Not in the current focus: use “Show whole graph” to see it on the canvas.'
        : 'Hidden by the current filters: reset them to see it on the canvas.';

  const cameraRequests = useMemo(() => [camera, focusFit, pathFit], [camera, focusFit, pathFit]);

  return (
    <ExplorerContext.Provider value={{ data, colors }}>
      <div className="explorer">
        <header className="explorer__header">
          <h1 className="explorer__title">
            ISIS-K knowledge graph
            <span className="explorer__subtitle">
              {data.sources.length} articles · every relation traced to its sentence
            </span>
          </h1>
          <EntityCombobox
            label="Search entities"
            placeholder="Search entities and aliases…"
            className="explorer__search"
            onChoose={(hit) => chooseEntity(hit.id)}
          />
          <StatusLine
            entities={visibility.entities.size}
            relations={visibility.relations.size}
            totalEntities={data.entities.length}
            totalRelations={data.relations.length}
          />
        </header>

        {problems.length > 0 && (
          <div className="explorer__problems note note--warning" role="alert">
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
            <button type="button" className="link-button" onClick={() => setProblems([])}>
              Dismiss
            </button>
          </div>
        )}

        <nav className="explorer__sidebar" aria-label="Explore">
          <Tabs<SidebarTab>
            label="Explore"
            selected={tab}
            onSelect={setTab}
            tabs={[
              {
                id: 'filters',
                label: 'Filters',
                note: isFiltered(state.filters) ? 'some on' : null,
                render: () => <FilterPanel filters={state.filters} onChange={changeFilters} />,
              },
              {
                id: 'paths',
                label: 'Paths',
                render: () => (
                  <PathFinderPanel
                    path={state.path}
                    paths={pathsResult.paths}
                    fetching={pathsResult.fetching}
                    error={pathsResult.error}
                    filtered={isFiltered(state.filters)}
                    onChange={changePath}
                    onRetry={pathsResult.retry}
                    onSelectEntity={chooseEntity}
                    onSelectRelation={chooseRelation}
                  />
                ),
              },
              {
                id: 'list',
                label: 'List',
                render: () => (
                  <ListView
                    visibility={visibility}
                    selection={selection}
                    onSelectEntity={chooseEntity}
                    onSelectRelation={chooseRelation}
                  />
                ),
              },
            ]}
          />
        </nav>

        <main className="explorer__stage">
          <GraphStage
            graph={graph}
            visibility={visibility}
            selection={selection}
            path={pathSets}
            cameraRequests={cameraRequests}
            onClickEntity={clickEntity}
            onClickRelation={chooseRelation}
            onClickStage={clickStage}
            overlay={
              state.focus && (
                <FocusBanner
                  focus={state.focus}
                  name={data.entityById.get(state.focus.entityId)?.name ?? state.focus.entityId}
                  neighborhood={neighborhood}
                  onDepth={(depth) => update(on('focus', setFocusDepth(depth)))}
                  onLeave={unfocus}
                />
              )
            }
          />
        </main>

        <aside className="explorer__details" aria-label="Details">
          {selection?.kind === 'entity' && (
            <EntityPanel
              key={selection.id}
              entityId={selection.id}
              hiddenReason={hiddenReason(visibility.entities.has(selection.id))}
              focus={state.focus}
              onSelectEntity={chooseEntity}
              onSelectRelation={chooseRelation}
              onFocus={enterFocus}
              onPathEnd={(end, id) => {
                update(on('path', setPathEnd(end, id)));
                setTab('paths');
              }}
              onClose={clickStage}
            />
          )}
          {selection?.kind === 'relation' && (
            <EvidencePanel
              key={selection.id}
              relationId={selection.id}
              hiddenReason={hiddenReason(visibility.relations.has(selection.id))}
              onSelectEntity={chooseEntity}
              onClose={clickStage}
            />
          )}
          {!selection && (
            <div className="panel panel--empty">
              <h2 className="panel__title">Every edge has a source</h2>
              <p>
                Search for an entity, or click a node or an edge, to see what the articles say about it and the exact
                sentences behind each relation.
              </p>
              <p className="hint">
                Hover a node to see its neighbours. Use Filters to keep what one article supports, Paths to see how two
                entities connect, and List for a keyboard-friendly view.
              </p>
            </div>
          )}
        </aside>
      </div>
    </ExplorerContext.Provider>
  );
}
