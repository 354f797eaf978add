/**
 * The explorer: its view state is the URL's query string, read and changed through
 * useExplorerState (producers navigate); camera moves are intents sent to one controller
 * (canvas/camera-director.ts). Panels sit beside the canvas. It stays
 * mounted (hidden) while another view is shown, so coming back finds the camera, the open
 * tab and the scroll positions as they were.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { useComparison } from '../../api/use-comparison';
import { firstFrameDrawn } from '../../api/graph-load';
import { useNeighborhood } from '../../api/use-neighborhood';
import { useSourceSupport } from '../../api/use-source-support';
import { usePaths } from '../../api/use-paths';
import { useExpansionControls } from '../../bindings/use-expansions';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { useNavigation } from '../../bindings/use-navigation';
import { AppHeader } from '../../components/AppHeader';
import { EntityCombobox } from '../../components/EntityCombobox';
import { EvidencePanel } from '../../components/EvidencePanel';
import { SkipLinks } from '../../components/SkipLinks';
import { StatusLine } from '../../components/StatusLine';
import { Tabs } from '../../components/Tabs';
import { describeBoundedView } from '../../core/bounded-view';
import { expandEntity } from '../../core/bounded-view/expanded';
import { shownRelations } from '../../core/bounded-view/shown-relations';
import { fitAll, showEntity, type CameraIntent } from '../../core/camera';
import type { CompareState } from '../../core/comparison';
import { all, on } from '../../core/explorer-state';
import { computeVisibility, isFiltered, setTimeRange, type FilterState } from '../../core/filters';
import { focusOn, leaveFocus, neighbourhoodInView, setFocusDepth } from '../../core/focus';
import { intersectScopes, onlyScope } from '../../core/manipulation';
import type { RenderGraph } from '../../core/graph-building';
import type { GraphData } from '../../core/graph-data';
import { withPath } from '../../core/highlight';
import { pathHighlight, setPathEnd, type PathState } from '../../core/paths';
import { clearSelection, selectEntity, selectRelation, type Selection } from '../../core/selection';
import { explorerHref, serializeExplorerState } from '../../core/url-state';
import { createCameraDirector } from './canvas/camera-director';
import { ComparePanel } from './ComparePanel';
import { ENTITY_RELATIONS_ID, EntityPanel } from './EntityPanel';
import { FilterPanel } from './FilterPanel';
import { FocusBanner } from './FocusBanner';
import { GraphStage } from './GraphStage';
import { TimeBar } from './TimeBar';
import { useExpansionCamera } from './use-expansion-camera';
import { ListPanel } from './ListPanel';
import { PathFinderPanel } from './PathFinderPanel';
import { SearchPanel } from './SearchPanel';
import './explorer.css';

type SidebarTab = 'filters' | 'search' | 'paths' | 'list' | 'compare';

/** Skip links' targets. */
const DETAILS_ID = 'explorer-details';
const TOOLS_ID = 'explorer-tools';

const selectionKey = (selection: Selection) => (selection ? `${selection.kind}:${selection.id}` : '');
const compareKey = (compare: CompareState | null) => (compare ? `${compare.a ?? ''},${compare.b ?? ''}` : '');

/** Where the camera goes to show a selection made in another view. */
function intentForSelection(selection: NonNullable<Selection>, data: GraphData): CameraIntent {
  if (selection.kind === 'entity') return showEntity(selection.id);
  const relation = data.relationById.get(selection.id);
  return relation ? { kind: 'fit-selection', ids: [relation.subjectId, relation.objectId] } : fitAll();
}

export function ExplorerView({ data, graph, active }: { data: GraphData; graph: RenderGraph; active: boolean }) {
  const { location, navigate } = useNavigation();
  const { state, problems, update } = useExplorerState();
  const [dismissedProblems, setDismissedProblems] = useState<readonly string[] | null>(null);

  // The camera's first view: every entity, clear of the legend and toolbars (sigma's own
  // home camera fits the graph to the whole canvas, under them), instant; then a linked
  // entity, reached from there.
  const [camera] = useState(() =>
    createCameraDirector([
      fitAll({ instant: true }),
      ...(state.selection?.kind === 'entity' && !state.focus ? [showEntity(state.selection.id)] : []),
    ]),
  );

  // The open tab: the one the user chose, unless a comparison appeared since (a "Compare"
  // link from another view), which opens the Compare tab.
  const [chosenTab, setChosenTab] = useState<{ tab: SidebarTab; compare: string }>(() => ({
    tab: state.compare ? 'compare' : state.path ? 'paths' : state.search ? 'search' : 'filters',
    compare: compareKey(state.compare),
  }));
  const tab = state.compare && compareKey(state.compare) !== chosenTab.compare ? 'compare' : chosenTab.tab;
  const chooseTab = useCallback(
    (next: SidebarTab) => setChosenTab({ tab: next, compare: compareKey(state.compare) }),
    [state.compare],
  );

  // Coming back from another view that changed the selection (such as "Show on the graph"
  // in the reader): the camera goes to it. Clicks on the canvas itself leave the camera be.
  const shown = useRef({ active, selection: selectionKey(state.selection) });
  useEffect(() => {
    const key = selectionKey(state.selection);
    if (active && !shown.current.active && key !== shown.current.selection && state.selection) {
      camera.request(intentForSelection(state.selection, data));
    }
    shown.current = { active, selection: key };
  }, [active, state.selection, camera, data]);

  // Links can name what the graph does not hold: once shown, the address says what is shown.
  useEffect(() => {
    if (!active) return;
    if (serializeExplorerState(state) !== location.search) navigate(explorerHref(state), { replace: true });
  }, [active, state, location.search, navigate]);

  const neighborhood = useNeighborhood(state.focus, state.filters);
  const pathsResult = usePaths(state.path, state.filters);
  const comparison = useComparison(state.compare, data);
  const pathIndex = state.path?.index ?? null;
  const pathSets = useMemo(() => {
    const sets = pathHighlight(pathsResult.paths, pathIndex);
    return sets.entities.size > 0 ? sets : null;
  }, [pathsResult.paths, pathIndex]);

  const sourceSupport = useSourceSupport(data, state.filters.sources);
  const onlyVisible = useMemo(() => (state.only ? onlyScope(data, state.only) : null), [data, state.only]);
  const filtered = useMemo(
    () =>
      computeVisibility(
        data,
        state.filters,
        intersectScopes(intersectScopes(state.focus ? neighborhood.scope : null, onlyVisible), sourceSupport.scope),
      ),
    [data, state.filters, state.focus, neighborhood.scope, onlyVisible, sourceSupport.scope],
  );
  const visibility = useMemo(() => withPath(filtered, pathSets), [filtered, pathSets]);
  const focusInView = useMemo(
    () => neighborhood.scope && neighbourhoodInView(neighborhood.scope.entities, data.entityById),
    [neighborhood.scope, data.entityById],
  );

  // The camera fits a focus once its neighbourhood arrives (and again when a bounded view has
  // brought it in: bindings/use-expansions), and the paths once they arrive.
  const expansionControls = useExpansionControls();
  const focusLayer = expansionControls?.focusLayer ?? null;
  useEffect(() => {
    if (state.focus && neighborhood.scope) camera.request({ kind: 'fit-focus', ids: [...neighborhood.scope.entities] });
  }, [camera, state.focus, neighborhood.scope, focusLayer]);
  // In a bounded view the paths and a selected relation bring in what the view lacks of them
  // (bindings/use-expansions): the camera fits the paths again once that is in.
  const showRelations = expansionControls?.showRelations;
  const shownRelationsLayer = expansionControls?.shownRelationsLayer ?? null;
  // A relation brought in stays while the selection is it or one of its ends (a click on an end
  // brought in with it would otherwise take that end out of the view as it is selected).
  const selectedRelation = state.selection?.kind === 'relation' ? state.selection.id : null;
  const keptRelation =
    selectedRelation ??
    shownRelationsLayer?.relations.find(
      ({ subjectId, objectId }) => state.selection?.id === subjectId || state.selection?.id === objectId,
    )?.id ??
    null;
  useEffect(() => showRelations?.(shownRelations(pathSets, keptRelation)), [showRelations, pathSets, keptRelation]);
  useEffect(() => {
    if (pathSets) camera.request({ kind: 'fit-path', ids: [...pathSets.entities] });
  }, [camera, pathSets, shownRelationsLayer]);
  const inView = useCallback((id: string) => data.entityById.has(id), [data.entityById]);
  useExpansionCamera(camera, state.expanded, expansionControls, inView, active);
  // A selected relation the view lacked: the camera goes to it once it is in, as to a linked entity.
  useEffect(() => {
    const relation = shownRelationsLayer?.relations.find(({ id }) => id === selectedRelation);
    if (relation) camera.request({ kind: 'fit-selection', ids: [relation.subjectId, relation.objectId] });
  }, [camera, shownRelationsLayer, selectedRelation]);
  // New filters refit the view to what they keep (a focus refits itself when its
  // neighbourhood arrives); the first filters are the first view's, already fitted.
  const fittedFilters = useRef(state.filters);
  useEffect(() => {
    if (fittedFilters.current === state.filters) return;
    fittedFilters.current = state.filters;
    if (state.focus || filtered.entities.size === 0) return;
    camera.request(
      filtered.entities.size === data.entities.length ? fitAll() : { kind: 'fit-visible', ids: [...filtered.entities] },
    );
  }, [camera, data, state.filters, state.focus, filtered]);

  const chooseEntity = useCallback(
    (id: string) => {
      update(on('selection', selectEntity(id)));
      camera.request(showEntity(id));
    },
    [update, camera],
  );
  const clickEntity = useCallback((id: string) => update(on('selection', selectEntity(id))), [update]);
  // In a bounded view a double-click expands the entity (its panel's button does the same for
  // the keyboard); on the whole graph it keeps sigma's zoom.
  const bounded = Boolean(data.bounded);
  const doubleClickEntity = useCallback(
    (id: string) => {
      if (!bounded) return false;
      update(all(on('selection', selectEntity(id)), on('expanded', expandEntity(id))));
      return true;
    },
    [bounded, update],
  );
  const chooseRelation = useCallback((id: string) => update(on('selection', selectRelation(id))), [update]);
  // A relation opened from an entity's panel: coming back to that entity (Back, or closing
  // the evidence) puts keyboard focus on the relation's row again.
  const [openedFrom, setOpenedFrom] = useState<{ entityId: string; relationId: string } | null>(null);
  const openRelationFrom = useCallback(
    (entityId: string, relationId: string) => {
      setOpenedFrom({ entityId, relationId });
      chooseRelation(relationId);
    },
    [chooseRelation],
  );
  const closeEvidence = useCallback(() => {
    if (openedFrom && state.selection?.kind === 'relation' && state.selection.id === openedFrom.relationId)
      update(on('selection', selectEntity(openedFrom.entityId)));
    else update(on('selection', clearSelection()));
  }, [openedFrom, state.selection, update]);
  const clickStage = useCallback(() => update(on('selection', clearSelection())), [update]);
  const changeFilters = useCallback(
    (producer: (filters: FilterState) => FilterState) => update(on('filters', producer)),
    [update],
  );
  const changeTimeRange = useCallback(
    (range: FilterState['during']) => changeFilters(setTimeRange(range)),
    [changeFilters],
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
    camera.request(fitAll());
  }, [update, camera]);

  // The tools and the details mount once the graph is drawn: the canvas is what the page opens
  // for, and their first render (over a hundred elements, code run for the first time) would
  // otherwise come before it. Their columns keep their size meanwhile, so the canvas does not move.
  const [graphDrawn, setGraphDrawn] = useState(false);
  const markGraphDrawn = useCallback(() => {
    setGraphDrawn(true);
    firstFrameDrawn();
  }, []);

  const selection = state.selection;
  // Why the selection is not on the canvas: not in a bounded view yet (it is being brought in,
  // or the API does not know it, which its panel says), out of the focus, or filtered out.
  const hiddenReason = (visible: boolean, inView: boolean) =>
    visible || (!inView && data.bounded)
      ? null
      : state.focus
        ? 'Not in the current focus: use “Show whole graph” to see it on the canvas.'
        : 'Hidden by the current filters: reset them to see it on the canvas.';

  // What the link asked to expand and the API could not give is said with the link's problems.
  const expansionErrors = expansionControls?.errors;
  const allProblems = useMemo(
    () => (expansionErrors && expansionErrors.length > 0 ? [...problems, ...expansionErrors] : problems),
    [problems, expansionErrors],
  );
  const shownProblems = allProblems !== dismissedProblems ? allProblems : [];

  return (
    <div className="explorer" hidden={!active}>
      <SkipLinks
        targets={[
          ...(selection?.kind === 'entity' ? [{ label: 'Skip to relations', targetId: ENTITY_RELATIONS_ID }] : []),
          { label: 'Skip to details', targetId: DETAILS_ID },
          { label: 'Skip to the graph tools', targetId: TOOLS_ID },
        ]}
      />
      <AppHeader
        titleIsHeading={active}
        className="explorer__header"
        subtitle={`${data.stats.sourceCount} articles · every relation traced to its sentence`}
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
          scopeNote={
            data.bounded &&
            describeBoundedView(
              { entities: visibility.entities.size, relations: visibility.relations.size },
              data.bounded,
            )
          }
          checking={sourceSupport.checking ? 'Checking which entities the chosen sources support…' : null}
        />
      </AppHeader>

      {sourceSupport.error && (
        <div className="explorer__problems note note--error" role="alert">
          Could not check which entities the chosen sources support: {sourceSupport.error.message}{' '}
          <button type="button" className="link-button" onClick={sourceSupport.retry}>
            Retry
          </button>
        </div>
      )}
      {shownProblems.length > 0 && (
        <div className="explorer__problems note note--warning" role="alert">
          <ul>
            {shownProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setDismissedProblems(allProblems)}>
            Dismiss
          </button>
        </div>
      )}

      {/* Tools that change what the graph shows: complementary to the canvas, not site navigation. */}
      <aside className="explorer__sidebar" aria-label="Explore the graph" id={TOOLS_ID}>
        {graphDrawn && (
          <Tabs<SidebarTab>
            label="Explore"
            selected={tab}
            onSelect={chooseTab}
            tabs={[
              {
                id: 'filters',
                label: 'Filters',
                note: isFiltered(state.filters) ? 'some on' : null,
                render: () => <FilterPanel filters={state.filters} onChange={changeFilters} />,
              },
              {
                id: 'search',
                label: 'Search',
                render: () => (
                  <SearchPanel
                    search={state.search}
                    onSearch={(text) => update(on('search', () => text))}
                    onSelectEntity={chooseEntity}
                    onSelectRelation={chooseRelation}
                  />
                ),
              },
              {
                id: 'paths',
                label: 'Paths',
                render: () => (
                  <PathFinderPanel
                    path={state.path}
                    paths={pathsResult.paths}
                    total={pathsResult.total}
                    hasMore={pathsResult.hasMore}
                    onMore={pathsResult.more}
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
        )}
      </aside>

      <main className="explorer__stage">
        <div className="explorer__canvas">
          <GraphStage
            graph={graph}
            visibility={visibility}
            selection={selection}
            path={pathSets}
            comparison={state.compare ? comparison.highlight : null}
            compare={state.compare}
            camera={camera}
            onClickEntity={clickEntity}
            onClickRelation={chooseRelation}
            onClickStage={clickStage}
            onDoubleClickEntity={doubleClickEntity}
            only={state.only}
            onShowOnly={(ids) => update(on('only', () => ids))}
            onFirstFrame={markGraphDrawn}
            overlay={
              state.focus && (
                <FocusBanner
                  focus={state.focus}
                  name={data.entityById.get(state.focus.entityId)?.name ?? state.focus.entityId}
                  neighborhood={neighborhood}
                  inView={focusInView}
                  bringingIn={expansionControls?.focusLayerPending ?? false}
                  onDepth={(depth) => update(on('focus', setFocusDepth(depth)))}
                  onLeave={unfocus}
                />
              )
            }
          />
        </div>
        <TimeBar range={state.filters.during} onChange={changeTimeRange} graphDrawn={graphDrawn} />
      </main>

      <aside className="explorer__details" aria-label="Details" id={DETAILS_ID}>
        {graphDrawn && (
          <>
            {selection?.kind === 'entity' && (
              <EntityPanel
                key={selection.id}
                entityId={selection.id}
                hiddenReason={hiddenReason(visibility.entities.has(selection.id), data.entityById.has(selection.id))}
                focus={state.focus}
                onSelectEntity={chooseEntity}
                onSelectRelation={(relationId) => openRelationFrom(selection.id, relationId)}
                returnFocusTo={openedFrom?.entityId === selection.id ? openedFrom.relationId : null}
                onFocus={enterFocus}
                onPathEnd={(end, id) => {
                  update(on('path', setPathEnd(end, id)));
                  chooseTab('paths');
                }}
                onClose={clickStage}
              />
            )}
            {selection?.kind === 'relation' && (
              <EvidencePanel
                key={selection.id}
                relationId={selection.id}
                hiddenReason={hiddenReason(visibility.relations.has(selection.id), data.relationById.has(selection.id))}
                onSelectEntity={chooseEntity}
                onClose={closeEvidence}
                focusOnOpen
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
                  Hover a node to see its neighbours. Use Filters to keep what one article supports, Paths to see how
                  two entities connect, and List for a keyboard-friendly view.
                </p>
              </div>
            )}
          </>
        )}
      </aside>
    </div>
  );
}
