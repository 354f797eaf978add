/**
 * The explorer: its view state is the URL's query string (core/url-state), read through the
 * navigator; producers change it by navigating. Panels sit beside the canvas. It stays
 * mounted (hidden) while another view is shown, so coming back finds the camera, the open
 * tab and the scroll positions as they were.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';

import { AppHeader } from '../../components/AppHeader';
import { EntityCombobox } from '../../components/EntityCombobox';
import { StatusLine } from '../../components/StatusLine';
import { Tabs } from '../../components/Tabs';
import { cameraFit, cameraToEntity, type CameraRequest } from '../../core/camera';
import type { CompareState } from '../../core/comparison';
import { useComparison } from '../../api/use-comparison';
import { all, on, shareUnchanged, type ExplorerProducer } from '../../core/explorer-state';
import { computeVisibility, isFiltered, type FilterState } from '../../core/filters';
import { focusOn, leaveFocus, setFocusDepth } from '../../core/focus';
import { useNeighborhood } from '../../api/use-neighborhood';
import type { RenderGraph } from '../../core/graph-building';
import type { GraphData } from '../../core/graph-data';
import { withPath } from '../../core/highlight';
import { pathHighlight, setPathEnd, type PathState } from '../../core/paths';
import { usePaths } from '../../api/use-paths';
import { useNavigation } from '../../bindings/use-navigation';
import { clearSelection, selectEntity, selectRelation, type Selection } from '../../core/selection';
import {
  explorerHref,
  isNavigation,
  parseExplorerUrl,
  sanitizeExplorerState,
  serializeExplorerState,
} from '../../core/url-state';
import { ComparePanel } from './ComparePanel';
import { EntityPanel } from './EntityPanel';
import { EvidencePanel } from '../../components/EvidencePanel';
import { FilterPanel } from './FilterPanel';
import { FocusBanner } from './FocusBanner';
import { GraphStage } from './GraphStage';
import { ListPanel } from './ListPanel';
import { PathFinderPanel } from './PathFinderPanel';

type SidebarTab = 'filters' | 'paths' | 'list' | 'compare';

const selectionKey = (selection: Selection) => (selection ? `${selection.kind}:${selection.id}` : '');

/** Where the camera goes to show a selection made in another view. */
function cameraForSelection(selection: NonNullable<Selection>, data: GraphData): CameraRequest {
  if (selection.kind === 'entity') return cameraToEntity(selection.id);
  const relation = data.relationById.get(selection.id);
  return cameraFit(relation ? [relation.subjectId, relation.objectId] : null);
}

export function ExplorerView({ data, graph, active }: { data: GraphData; graph: RenderGraph; active: boolean }) {
  const { location, navigate, navigator } = useNavigation();
  const parsed = useMemo(
    () => sanitizeExplorerState(parseExplorerUrl(location.graphSearch), data),
    [location.graphSearch, data],
  );
  // Parts that did not change keep their identity across URL changes (see shareUnchanged).
  const [stable, setStable] = useState(parsed.state);
  const state = shareUnchanged(stable, parsed.state);
  if (state !== stable) setStable(state);
  const [problems, setProblems] = useState(parsed.problems);
  const [camera, setCamera] = useState<CameraRequest | null>(() =>
    state.selection?.kind === 'entity' && !state.focus ? cameraToEntity(state.selection.id) : null,
  );
  const [tab, setTab] = useState<SidebarTab>(state.compare ? 'compare' : state.path ? 'paths' : 'filters');

  // Coming back from another view that changed the selection (such as "Show on the graph"
  // in the reader): move the camera to it, and open the comparison it asked for. Compared
  // with what the explorer showed when it was last active (React's "previous render" pattern).
  const key = selectionKey(state.selection);
  const [shown, setShown] = useState({ active, key, compare: state.compare !== null });
  if (active !== shown.active || (active && (key !== shown.key || (state.compare !== null) !== shown.compare))) {
    if (active && !shown.active) {
      if (key !== shown.key && state.selection) setCamera(cameraForSelection(state.selection, data));
      if (state.compare && !shown.compare) setTab('compare');
    }
    setShown({ active, key, compare: state.compare !== null });
  }

  // Links can name what the graph does not hold: once shown, the address says what is shown.
  useEffect(() => {
    if (!active) return;
    const search = serializeExplorerState(state);
    if (search !== location.search) navigate(explorerHref(state), { replace: true });
  }, [active, state, location.search, navigate]);

  /**
   * Applies a producer to the newest state (read from the navigator, so two updates in one
   * event compose) and writes it to the URL: a history entry for navigation, a replacement
   * for filter tweaks.
   */
  const update = useCallback(
    (producer: ExplorerProducer) => {
      const current = sanitizeExplorerState(parseExplorerUrl(navigator.getLocation().graphSearch), data).state;
      const next = producer(current);
      if (next === current) return;
      navigate(explorerHref(next), { replace: !isNavigation(current, next) });
    },
    [navigator, navigate, data],
  );

  const neighborhood = useNeighborhood(state.focus, state.filters);
  const pathsResult = usePaths(state.path, state.filters);
  const comparison = useComparison(state.compare, data);
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
  const changeCompare = useCallback(
    (producer: (compare: CompareState | null) => CompareState | null) => update(on('compare', producer)),
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
    <div className="explorer" hidden={!active}>
      <AppHeader
        titleIsHeading={active}
        className="explorer__header"
        subtitle={`${data.sources.length} articles · every relation traced to its sentence`}
      >
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
      </AppHeader>

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

      {/* Tools that change what the graph shows: complementary to the canvas, not site navigation. */}
      <aside className="explorer__sidebar" aria-label="Explore the graph">
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
              id: 'compare',
              label: 'Compare',
              render: () => (
                <ComparePanel
                  compare={state.compare}
                  result={comparison}
                  onChange={changeCompare}
                  onSelectRelation={chooseRelation}
                />
              ),
            },
            {
              id: 'list',
              label: 'List',
              render: () => (
                <ListPanel
                  visibility={visibility}
                  selection={selection}
                  onSelectEntity={chooseEntity}
                  onSelectRelation={chooseRelation}
                />
              ),
            },
          ]}
        />
      </aside>

      <main className="explorer__stage">
        <GraphStage
          graph={graph}
          visibility={visibility}
          selection={selection}
          path={pathSets}
          comparison={state.compare ? comparison.highlight : null}
          compare={state.compare}
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
  );
}
