/**
 * The view state in the URL's query string, so that reloading or sharing a link restores
 * the view. Only what differs from the defaults is written, in a fixed order:
 *
 *   entity=<id> | relation=<id>          selection
 *   types=a,b  rels=a,b  sources=a,b     the filters, each writing its own part (core/filters):
 *   min=2  connected=1                   sets ("" means "none chosen"), minimum sources, hide isolated
 *   focus=<id>  depth=2                  focus mode
 *   from=a  to=b  hops=3  path=1         path finder (path is 1-based in the URL)
 *   compare=a,b                          source comparison ("a," or ",b" while one is unchosen)
 *   q=text                               full-text search (Search tab)
 *   expand=a:3,b                         bounded view: entities expanded, with their page counts
 *                                        when above 1 (core/bounded-view/expanded)
 *   only=a,b,c                           "show only these" entities (chosen on the canvas)
 *
 * This is the query string of the root path; other views (such as the source reader) own
 * paths of their own (core/routing).
 */
import { BOUNDED_VIEW_THRESHOLD } from '../bounded-view';
import { NOT_EXPANDED, readExpanded, writeExpanded } from '../bounded-view/expanded';
import type { ExplorerState } from '../explorer-state';
import { cleanFilters, misreadFilters, readFilters, writeFilters } from '../filters';
import { unreadableParam } from '../filters/definition';
import { FOCUS_DEPTHS, FOCUS_PARAMS, readFocusParams } from '../focus';
import type { GraphData } from '../graph-data';
import { DEFAULT_PATH_MAX_LENGTH, PATH_MAX_LENGTHS, toPathMaxLength, type PathState } from '../paths';

function readId(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value === null || value === '' ? null : value;
}

/** Reads the view state from a query string ("?entity=acme&min=2" or without the "?"). */
export function parseExplorerUrl(search: string): ExplorerState {
  return readExplorerUrl(search).state;
}

/** A number-valued part outside its choices: the problem naming it (none when absent or fine). */
function misreadChoice(params: URLSearchParams, name: string, choices: readonly number[]): string[] {
  const text = params.get(name);
  if (text === null || text === '' || choices.includes(Number(text))) return [];
  return [unreadableParam(name, text, `one of ${choices.join(', ')}`)];
}

/**
 * The view state a query string names, and what of it could not be read (a value that is no
 * number, no date, too many expansions), said for the user: those parts fall back to defaults.
 */
export function readExplorerUrl(search: string): { state: ExplorerState; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems = [
    ...misreadFilters(params),
    ...(params.has(FOCUS_PARAMS.entity) ? misreadChoice(params, FOCUS_PARAMS.depth, FOCUS_DEPTHS) : []),
    ...misreadChoice(params, 'hops', PATH_MAX_LENGTHS),
  ];

  const entity = readId(params, 'entity');
  const relation = readId(params, 'relation');
  const selection: ExplorerState['selection'] = entity
    ? { kind: 'entity', id: entity }
    : relation
      ? { kind: 'relation', id: relation }
      : null;

  const filters = readFilters(params);

  const focus = readFocusParams(params);

  const from = readId(params, 'from');
  const to = readId(params, 'to');
  const pathNumber = Number(params.get('path'));
  const path: PathState | null =
    from || to
      ? {
          from,
          to,
          maxLength: toPathMaxLength(params.get('hops') ?? DEFAULT_PATH_MAX_LENGTH),
          index: Number.isInteger(pathNumber) && pathNumber >= 1 ? pathNumber - 1 : null,
        }
      : null;

  const compareValue = params.get('compare');
  let compare: ExplorerState['compare'] = null;
  if (compareValue !== null) {
    const [a = '', b = ''] = compareValue.split(',');
    compare = a || b ? { a: a || null, b: b || null } : null;
  }

  const searched = params.get('q')?.trim() ?? '';
  const named = (params.get('only') ?? '').split(',').filter((id) => id !== '');
  // No more than the explorer ever draws: a longer list cannot have been chosen on its canvas.
  const only = named.slice(0, BOUNDED_VIEW_THRESHOLD.entities);
  if (named.length > only.length) {
    problems.push(
      `The link shows only ${named.length} entities; at most ${only.length} are kept, so the last ${named.length - only.length} were left out.`,
    );
  }

  const { expanded, problems: expandProblems } = readExpanded(params);
  problems.push(...expandProblems);

  return {
    state: {
      selection,
      filters,
      focus,
      path,
      compare,
      search: searched === '' ? null : searched,
      expanded,
      only: only.length > 0 ? only : null,
    },
    problems,
  };
}

/** Writes the view state as a query string, "" for the default view, else starting with "?". */
export function serializeExplorerState(state: ExplorerState): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${value}`);
  const id = (value: string) => encodeURIComponent(value);

  if (state.selection) add(state.selection.kind, id(state.selection.id));
  for (const [name, value] of writeFilters(state.filters)) add(name, value);
  if (state.focus) {
    add(FOCUS_PARAMS.entity, id(state.focus.entityId));
    if (state.focus.depth !== 1) add(FOCUS_PARAMS.depth, String(state.focus.depth));
  }
  if (state.path) {
    if (state.path.from) add('from', id(state.path.from));
    if (state.path.to) add('to', id(state.path.to));
    if (state.path.maxLength !== DEFAULT_PATH_MAX_LENGTH) add('hops', String(state.path.maxLength));
    if (state.path.index !== null) add('path', String(state.path.index + 1));
  }
  if (state.compare) add('compare', `${id(state.compare.a ?? '')},${id(state.compare.b ?? '')}`);
  if (state.search) add('q', encodeURIComponent(state.search));
  for (const [name, value] of writeExpanded(state.expanded)) add(name, value);
  if (state.only) add('only', state.only.map(id).join(','));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Drops from a state (typically read from a shared link) what the loaded graph does not
 * contain, and says what was dropped, so a stale link degrades into a working view.
 */
export function sanitizeExplorerState(
  state: ExplorerState,
  data: GraphData,
): { state: ExplorerState; problems: string[] } {
  const problems: string[] = [];
  // A bounded view (core/bounded-view) holds part of the graph: what it lacks, the API may
  // know, and the explorer brings it in (ExpandControls); the panels say when the API does not.
  const partial = Boolean(data.bounded);
  const knownEntity = (id: string | null, role: string): string | null => {
    if (id === null || partial || data.entityById.has(id)) return id;
    problems.push(`The link names ${role} "${id}", which is not in the graph; it was ignored.`);
    return null;
  };

  let selection = state.selection;
  if (selection?.kind === 'entity' && !knownEntity(selection.id, 'the entity')) selection = null;
  if (selection?.kind === 'relation' && !partial && !data.relationById.has(selection.id)) {
    problems.push(`The link names the relation "${selection.id}", which is not in the graph; it was ignored.`);
    selection = null;
  }

  const cleaned = cleanFilters(state.filters, data);
  problems.push(...cleaned.problems);
  const filters = cleaned.filters;

  const focusId = state.focus ? knownEntity(state.focus.entityId, 'the focus entity') : null;
  const focus = state.focus && focusId ? state.focus : null;

  let path = state.path;
  if (path) {
    const from = knownEntity(path.from, 'the path start');
    const to = knownEntity(path.to, 'the path end');
    path = from || to ? { ...path, from, to } : null;
  }

  let compare = state.compare;
  if (compare) {
    const knownSource = (id: string | null, role: string): string | null => {
      // Until every source is in (GraphData.sourcesComplete), an id not among them may still be one.
      if (id === null || !data.sourcesComplete || data.sourceById.has(id)) return id;
      problems.push(`The link compares ${role} "${id}", which is not one of the sources; it was ignored.`);
      return null;
    };
    const a = knownSource(compare.a, 'the source');
    const b = knownSource(compare.b, 'the source');
    compare = a || b ? { a, b } : null;
  }

  // Only a bounded view expands: the whole graph is already drawn.
  let expanded = state.expanded;
  if (!partial && expanded.length > 0) {
    problems.push('The link expands entities, but the whole graph is shown already; the expansions were ignored.');
    expanded = NOT_EXPANDED;
  }

  let only = state.only;
  if (only && !partial) {
    const unknown = only.filter((id) => !data.entityById.has(id));
    if (unknown.length > 0) {
      problems.push(`The link shows only entities not in the graph (${unknown.join(', ')}); they were ignored.`);
      only = only.filter((id) => data.entityById.has(id));
      if (only.length === 0) only = null;
    }
  }

  return { state: { selection, filters, focus, path, compare, search: state.search, expanded, only }, problems };
}

/** The URL of the graph view showing a state. */
export function explorerHref(state: ExplorerState): string {
  return `/${serializeExplorerState(state)}`;
}

/**
 * True when going from one state to the other is a step worth a history entry (selection,
 * filters, focus or path changed), so Back returns to it. Only showing one of the listed
 * paths alone replaces the current entry: it is a way of looking at the same answer.
 */
export function isNavigation(from: ExplorerState, to: ExplorerState): boolean {
  const key = (state: ExplorerState) =>
    serializeExplorerState({ ...state, path: state.path && { ...state.path, index: null } });
  return key(from) !== key(to);
}
