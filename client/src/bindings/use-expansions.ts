/**
 * Binding: the bounded view's expansions. What is expanded is the URL's (the explorer state's
 * `expanded`, core/bounded-view/expanded), so a reload, a shared link, Back and Forward
 * restore it; this fetches the pages it names, one at a time in the URL's order, keeps every
 * page fetched (Back to fewer pages asks nothing), composes the view and keeps the render
 * graph in step with it (new entities placed around the entity they came from). A focus brings
 * its neighbourhood in the same way while it lasts (core/bounded-view/focus-layer). Given to
 * the panels as context.
 */
import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useClient, type Client } from 'urql';

import { fetchNeighbourPage } from '../api/expand-entity';
import { fetchFocusLayer } from '../api/focus-layer';
import { fetchShownRelations } from '../api/shown-relations';
import { EXPANDED_PARAM, readExpandedValue, type ExpandedState } from '../core/bounded-view/expanded';
import {
  composeView,
  expansionsFor,
  nextPageToLoad,
  withLoadedPage,
  type Expansions,
  type LoadedPages,
  type ViewLayer,
} from '../core/bounded-view/expansion';
import { focusLayerKey, layerOfFocus, type FocusLayer } from '../core/bounded-view/focus-layer';
import { missingRelations, shownRelationsAnchor, type ShownRelations } from '../core/bounded-view/shown-relations';
import { syncRenderGraph } from '../core/bounded-view/placement';
import { readFocusParams } from '../core/focus';
import type { RenderGraph } from '../core/graph-building';
import type { GraphData } from '../core/graph-data';
import { NavigatorContext } from './use-navigation';

export interface ExpansionControls {
  /** False when the whole graph is loaded: nothing to expand. */
  bounded: boolean;
  /** What the URL expands, with the pages loaded so far. */
  expansions: Expansions;
  /** Entities the URL asks more pages of than are loaded yet. */
  pending: ReadonlySet<string>;
  /** Why pages asked for could not be had, one sentence per entity (tried again when the expansions change). */
  errors: readonly string[];
  /** The focus's neighbourhood in the view (null without a focus, or until it is in). */
  focusLayer: FocusLayer | null;
  /** True while the focus's neighbourhood is being fetched. */
  focusLayerPending: boolean;
  /** The relations shown by name (the path finder's paths, the selected relation; null for none): what of them the view lacks joins it. */
  showRelations: (shown: ShownRelations | null) => void;
  /** The shown relations and their ends the view lacked, now in it (null when none). */
  shownRelationsLayer: ViewLayer | null;
}

export const ExpansionContext = createContext<ExpansionControls | null>(null);

export function useExpansionControls(): ExpansionControls | null {
  return useContext(ExpansionContext);
}

function pendingOf(wanted: ExpandedState, loaded: LoadedPages): ReadonlySet<string> {
  const pending = new Set<string>();
  for (const { entityId, pages } of wanted) {
    const have = loaded.get(entityId) ?? [];
    if (have.length < pages && (have.length === 0 || have.at(-1)!.next !== null)) pending.add(entityId);
  }
  return pending;
}

export function useExpansions(base: GraphData, graph: RenderGraph): { view: GraphData; controls: ExpansionControls } {
  const client = useClient();
  const navigator = useContext(NavigatorContext);
  if (!navigator) throw new Error('useExpansions must be used inside <NavigatorContext.Provider>.');
  const graphSearch = useSyncExternalStore(navigator.subscribe, () => navigator.getLocation().graphSearch);
  const bounded = Boolean(base.bounded);
  // The parameter's text keys the memo: other changes to the URL (a selection) keep `wanted`.
  const wantedText = bounded ? new URLSearchParams(graphSearch).get(EXPANDED_PARAM) : null;
  const wanted = useMemo(() => readExpandedValue(wantedText).expanded, [wantedText]);

  const [loaded, setLoaded] = useState<LoadedPages>(() => new Map());
  // Failures belong to the expansions they happened under: a change of them tries again.
  const [failures, setFailures] = useState<{ wanted: string | null; byEntity: ReadonlyMap<string, string> }>({
    wanted: null,
    byEntity: new Map(),
  });
  const failed = useMemo(
    () => (failures.wanted === wantedText ? failures.byEntity : new Map<string, string>()),
    [failures, wantedText],
  );

  const next = useMemo(() => nextPageToLoad(wanted, loaded, new Set(failed.keys())), [wanted, loaded, failed]);
  const nextEntity = next?.entityId ?? null;
  const nextAfter = next?.after ?? null;
  const inFlight = useRef(new Set<string>());
  useEffect(() => {
    if (nextEntity === null) return;
    const key = `${nextEntity}\n${nextAfter ?? ''}`;
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    fetchNeighbourPage(client, nextEntity, nextAfter).then(
      (page) => {
        inFlight.current.delete(key);
        setLoaded((latest) => withLoadedPage(latest, nextEntity, nextAfter, page));
      },
      (error: unknown) => {
        inFlight.current.delete(key);
        const message = error instanceof Error ? error.message : String(error);
        setFailures((latest) => {
          const byEntity = new Map(latest.wanted === wantedText ? latest.byEntity : []);
          byEntity.set(nextEntity, message);
          return { wanted: wantedText, byEntity };
        });
      },
    );
  }, [client, nextEntity, nextAfter, wantedText]);

  const focusLayer = useFocusLayer(bounded ? graphSearch : null);

  const expansions = useMemo(() => expansionsFor(wanted, loaded), [wanted, loaded]);
  const layersBeforeShown = useMemo(
    () => [...expansions.values(), ...(focusLayer.layer ? [focusLayer.layer] : [])],
    [expansions, focusLayer.layer],
  );
  const viewBeforeShown = useMemo(() => composeView(base, layersBeforeShown), [base, layersBeforeShown]);
  const [shown, showRelations] = useState<ShownRelations | null>(null);
  const { layer: shownLayer, error: shownLayerError } = useShownRelationsLayer(bounded ? shown : null, viewBeforeShown);
  const layers = useMemo(
    () => (shownLayer ? [...layersBeforeShown, shownLayer] : layersBeforeShown),
    [layersBeforeShown, shownLayer],
  );
  const view = useMemo(
    () => (shownLayer ? composeView(base, layers) : viewBeforeShown),
    [base, layers, shownLayer, viewBeforeShown],
  );

  // A render graph is built from `base`: until something is expanded it draws the view already,
  // and its first frame need not wait for a pass over every entity and relation.
  const synced = useRef<RenderGraph | null>(null);
  useLayoutEffect(() => {
    const fresh = synced.current !== graph;
    synced.current = graph;
    if (fresh && view === base) return;
    syncRenderGraph(graph, view, layers);
  }, [graph, base, view, layers]);

  const pending = useMemo(() => {
    const waiting = new Set(pendingOf(wanted, loaded));
    for (const entityId of failed.keys()) waiting.delete(entityId);
    return waiting;
  }, [failed, wanted, loaded]);
  const errors = useMemo(
    () => [...failed.values(), ...[focusLayer.error, shownLayerError].filter((error) => error !== null)],
    [failed, focusLayer.error, shownLayerError],
  );
  const controls = useMemo(
    () => ({
      bounded,
      expansions,
      pending,
      errors,
      focusLayer: focusLayer.layer,
      focusLayerPending: focusLayer.pending,
      showRelations,
      shownRelationsLayer: shownLayer,
    }),
    [bounded, expansions, pending, errors, focusLayer.layer, focusLayer.pending, shownLayer],
  );
  return { view, controls };
}

/**
 * The API's answer to a request, asked when the request's key changes (null: nothing to ask);
 * an answer or failure for an earlier key is not this one's. The one request-per-key state the
 * focus's and the shown relations' layers share. `ask` is a module function (the same each render).
 */
function useAnswerFor<A, T>(
  request: { key: string; arg: A } | null,
  ask: (client: Client, arg: A) => Promise<T>,
): { answer: T | null; error: string | null; settled: boolean } {
  const client = useClient();
  const [fetched, setFetched] = useState<{ key: string; answer: T | null; error: string | null } | null>(null);
  useEffect(() => {
    if (request === null) return;
    let current = true;
    ask(client, request.arg).then(
      (answer) => current && setFetched({ key: request.key, answer, error: null }),
      (error: unknown) =>
        current &&
        setFetched({ key: request.key, answer: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, request, ask]);
  const settled = request !== null && fetched?.key === request.key;
  return { answer: settled ? fetched.answer : null, error: settled ? fetched.error : null, settled };
}

/**
 * The neighbourhood of the focus a query string names, fetched when the focus or its depth
 * changes; none for a null query string (a whole graph, which holds every neighbourhood).
 */
function useFocusLayer(graphSearch: string | null): {
  layer: FocusLayer | null;
  error: string | null;
  pending: boolean;
} {
  const named = graphSearch === null ? null : readFocusParams(new URLSearchParams(graphSearch));
  const entityId = named?.entityId ?? null;
  const depth = named?.depth ?? 1;
  // Primitives key the memo: other changes to the URL keep the focus, and so its request.
  const focus = useMemo(() => (entityId === null ? null : { entityId, depth }), [entityId, depth]);
  const request = useMemo(() => (focus ? { key: focusLayerKey(focus), arg: focus } : null), [focus]);
  const { answer, error, settled } = useAnswerFor(request, fetchFocusLayer);
  return { layer: layerOfFocus(focus, answer), error, pending: request !== null && !settled };
}

/**
 * What the view (before this layer) lacks of the relations shown by name, fetched when that
 * changes, and placed around an entity of theirs the view holds; no layer while nothing is
 * lacking or until the answer is in. A failure is said (the panels still show them whole).
 */
function useShownRelationsLayer(
  shown: ShownRelations | null,
  view: GraphData,
): { layer: ViewLayer | null; error: string | null } {
  const key = missingRelations(shown, view).join('\n');
  // The key (the missing ids, sorted) says when to ask again: a new view lacking the same ones does not.
  const request = useMemo(() => (key === '' ? null : { key, arg: key.split('\n') }), [key]);
  const { answer: fetchedLayer, error } = useAnswerFor(request, fetchShownRelations);
  const anchor =
    shown && fetchedLayer && fetchedLayer.relations.length > 0
      ? shownRelationsAnchor(shown, fetchedLayer.relations, view)
      : null;
  // Kept while its answer and anchor are: an expansion landing (a new view) does not make a new
  // layer, which would refit the camera to the shown relations again.
  const layer = useMemo(
    () => (fetchedLayer && anchor !== null ? { entityId: anchor, ...fetchedLayer } : null),
    [fetchedLayer, anchor],
  );
  return { layer, error };
}
