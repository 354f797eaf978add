/**
 * The source reader's logic, pure: what a cited span supports, how the reader says it, and
 * which keys step through the citations.
 */
import type { ReaderCitationFragment, SourceReaderQuery } from '../../api/generated/graphql';
import { attributeLabel } from '../entity-details';
import type { ReaderItem } from '../routing';
import type { CitedSpan } from '../source-text';

export type ReaderSource = NonNullable<SourceReaderQuery['source']>;
export type ReaderCitation = ReaderCitationFragment;
export type ReaderSpan = CitedSpan<ReaderCitation>;

export type SupportedItem =
  | { kind: 'relation'; id: string; relation: NonNullable<ReaderCitation['relation']> }
  | { kind: 'claim'; id: string; claim: NonNullable<ReaderCitation['claim']> };

/** The relations and claims one span supports, each once, relations first. */
export function itemsOfSpan(span: ReaderSpan | null | undefined): SupportedItem[] {
  if (!span) return [];
  const relations = new Map<string, SupportedItem>();
  const claims = new Map<string, SupportedItem>();
  for (const { relation, claim } of span.citations) {
    if (relation && !relations.has(relation.id))
      relations.set(relation.id, { kind: 'relation', id: relation.id, relation });
    if (claim && !claims.has(claim.id)) claims.set(claim.id, { kind: 'claim', id: claim.id, claim });
  }
  return [...relations.values(), ...claims.values()];
}

export const toReaderItem = (item: SupportedItem): ReaderItem => ({ kind: item.kind, id: item.id }) as ReaderItem;

export const sameItem = (a: ReaderItem | null, b: ReaderItem | null): boolean =>
  a !== null && b !== null && a.kind === b.kind && a.id === b.id;

/** "Acme enemy of Globex", "Acme · Fighter strength: about 3,000". */
export function describeItem(item: SupportedItem): string {
  if (item.kind === 'relation') {
    const { subject, label, object } = item.relation;
    return `${subject.name} ${label} ${object.name}`;
  }
  const { entity, attribute, value } = item.claim;
  return `${entity.name} · ${attributeLabel(attribute)}: ${value}`;
}

/** The first span (in reading order) that supports an item: where a link naming only the item opens. */
export function firstSpanOf(spans: readonly ReaderSpan[], item: ReaderItem): number {
  return spans.findIndex((span) =>
    span.citations.some((citation) =>
      item.kind === 'relation' ? citation.relation?.id === item.id : citation.claim?.id === item.id,
    ),
  );
}

/** What the live region says after a step: the position, the quote, and what it supports. */
export function announceSpan(index: number, count: number, span: ReaderSpan, quote: string): string {
  const items = itemsOfSpan(span).map(describeItem);
  const supports = items.length > 0 ? ` Supports: ${items.join('; ')}.` : '';
  return `Citation ${index + 1} of ${count}: “${quote}”.${supports}`;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element accepts typing (input, textarea, select, contenteditable). */
  typing: boolean;
}

/** n or j: next citation; p or k: previous; anything else (or while typing, or with a modifier): none. */
export function citationStepForKey(press: KeyPress): 1 | -1 | null {
  if (press.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'n':
    case 'j':
      return 1;
    case 'p':
    case 'k':
      return -1;
    default:
      return null;
  }
}
