/**
 * What the user expanded in a bounded view, as the explorer state (and so the URL) carries
 * it: each expanded entity and how many pages of its neighbours are in, in the order they
 * were expanded ("expand=acme:3,bolt"). The pages themselves are the API's (expansion.ts);
 * a reload or a shared link asks for them again. Bounded, so a link cannot make the view
 * (or the requests behind it) grow without end. Pure.
 */
import { formatCount } from '../counts';
import { EXPAND_PAGE_SIZE } from './expansion';

/** One expansion: the entity and how many pages of its neighbours (EXPAND_PAGE_SIZE each) are in. */
export interface ExpandedEntity {
  entityId: string;
  pages: number;
}

export type ExpandedState = readonly ExpandedEntity[];

export const NOT_EXPANDED: ExpandedState = [];

/**
 * At most this many expanded entities, each with at most MAX_EXPANSION_PAGES pages: the view
 * then holds at most the overview plus 20 × 1,000 relations, which sigma still draws
 * interactively, and a link restores it in at most 400 small requests.
 */
export const MAX_EXPANSIONS = 20;
export const MAX_EXPANSION_PAGES = 20;

/** The most relations one expansion brings into the view. */
export const MAX_EXPANDED_RELATIONS = MAX_EXPANSION_PAGES * EXPAND_PAGE_SIZE;

/** The query string's name for the expansions. */
export const EXPANDED_PARAM = 'expand';
const PARAM = EXPANDED_PARAM;

/**
 * The expansions a query string names, and what was cut or could not be read, said for the
 * user. An entity named twice keeps its first place and its larger page count.
 */
export function readExpanded(params: URLSearchParams): { expanded: ExpandedState; problems: string[] } {
  return readExpandedValue(params.get(PARAM));
}

/** The same, from the parameter's (decoded) value. */
export function readExpandedValue(raw: string | null): { expanded: ExpandedState; problems: string[] } {
  if (raw === null || raw === '') return { expanded: NOT_EXPANDED, problems: [] };
  const problems: string[] = [];
  const byId = new Map<string, ExpandedEntity>();
  for (const item of raw.split(',')) {
    if (item === '') continue;
    const colon = item.lastIndexOf(':');
    const entityId = colon === -1 ? item : item.slice(0, colon);
    const pageText = colon === -1 ? '1' : item.slice(colon + 1);
    const pages = Number(pageText);
    if (entityId === '' || !Number.isInteger(pages) || pages < 1) {
      problems.push(
        `The link's "${PARAM}" names "${item}", which is not an entity id with a page count (such as "acme:2"); it was ignored.`,
      );
      continue;
    }
    const kept = Math.min(pages, MAX_EXPANSION_PAGES);
    if (kept < pages) {
      problems.push(
        `The link expands "${entityId}" by ${pages} pages; at most ${MAX_EXPANSION_PAGES} (${formatCount(MAX_EXPANDED_RELATIONS)} relations) join the view, so it shows ${kept}.`,
      );
    }
    const previous = byId.get(entityId);
    byId.set(entityId, { entityId, pages: Math.max(previous?.pages ?? 0, kept) });
  }
  const expanded = [...byId.values()];
  if (expanded.length > MAX_EXPANSIONS) {
    problems.push(
      `The link expands ${expanded.length} entities; the view holds at most ${MAX_EXPANSIONS}, so the last ${expanded.length - MAX_EXPANSIONS} were left out.`,
    );
  }
  return { expanded: expanded.slice(0, MAX_EXPANSIONS), problems };
}

/** The query-string part for the expansions; none when nothing is expanded. */
export function writeExpanded(expanded: ExpandedState): [string, string][] {
  if (expanded.length === 0) return [];
  const items = expanded.map(({ entityId, pages }) =>
    pages === 1 ? encodeURIComponent(entityId) : `${encodeURIComponent(entityId)}:${pages}`,
  );
  return [[PARAM, items.join(',')]];
}

export type ExpandedProducer = (expanded: ExpandedState) => ExpandedState;

/** How many pages of an entity's neighbours are in the view (0 when it is not expanded). */
export function expandedPages(expanded: ExpandedState, entityId: string): number {
  return expanded.find((item) => item.entityId === entityId)?.pages ?? 0;
}

/** The entity a step from `previous` to `next` gave more pages (expanded, or its next page), or null. */
export function grownExpansion(previous: ExpandedState, next: ExpandedState): string | null {
  return next.find(({ entityId, pages }) => pages > expandedPages(previous, entityId))?.entityId ?? null;
}

/** Why an entity cannot take one more page: the view is full, or its expansion is. Null when it can. */
export function expandLimit(expanded: ExpandedState, entityId: string): string | null {
  const pages = expandedPages(expanded, entityId);
  if (pages === 0 && expanded.length >= MAX_EXPANSIONS) {
    return `The view holds at most ${MAX_EXPANSIONS} expanded entities: collapse one to expand another.`;
  }
  if (pages >= MAX_EXPANSION_PAGES) {
    return `At most ${formatCount(MAX_EXPANDED_RELATIONS)} of one entity's relations join the view; the panel lists them all.`;
  }
  return null;
}

/**
 * One more page of an entity's neighbours: its first (it joins the end of the list) or its
 * next. Unchanged when a limit stops it (expandLimit says why).
 */
export const expandEntity =
  (entityId: string): ExpandedProducer =>
  (expanded) => {
    if (expandLimit(expanded, entityId) !== null) return expanded;
    const pages = expandedPages(expanded, entityId);
    return pages === 0
      ? [...expanded, { entityId, pages: 1 }]
      : expanded.map((item) => (item.entityId === entityId ? { entityId, pages: pages + 1 } : item));
  };

/** Takes an entity's expansion out (what only it brought in leaves the view). */
export const collapseEntity =
  (entityId: string): ExpandedProducer =>
  (expanded) =>
    expanded.some((item) => item.entityId === entityId)
      ? expanded.filter((item) => item.entityId !== entityId)
      : expanded;
