/**
 * What a change did, step by step
 * ===============================
 *
 * Every change records its effects in the change log: a record added, retired or restored; an
 * alias added or removed; a citation added to a record, retired or restored. Each effect has
 * an inverse, so an undo is the inverses of a change's effects, in reverse order, applied as a
 * new change, and the undo records its own effects, so it can be undone in turn. Nothing is
 * deleted from a record file but the aliases an undo takes back (a name, not evidence; the log
 * keeps it): an added record or citation is retired (marked, kept) and a restore removes the mark.
 */
import { z } from 'zod';

import { GRAPH_DATA_FILES } from '../data/load-graph-data';
import {
  addListItemField,
  addRecordField,
  appendToRecordList,
  recordValue,
  removeFromRecordList,
  YamlEditError,
  removeListItemField,
  removeRecordField,
} from './yaml-edit';

/** A record a change touched or added, as `kind:id`, such as `relation:a--allied_with--b`. */
export const recordRefSchema = z.string().regex(/^(source|entity|relation|claim):[^\s]+$/);

/** A citation as its record keeps it: which source, which words, which occurrence of them (1 when left out). */
export const citationKeySchema = z.strictObject({
  source: z.string(),
  quote: z.string(),
  occurrence: z.number().int().positive().optional(),
});
export type CitationKey = z.infer<typeof citationKeySchema>;

export const effectSchema = z.union([
  z.strictObject({ do: z.enum(['add', 'retire', 'restore']), record: recordRefSchema }),
  z.strictObject({ do: z.enum(['add', 'remove']), alias: z.string(), of: recordRefSchema }),
  z.strictObject({ do: z.enum(['add', 'retire', 'restore']), citation: citationKeySchema, of: recordRefSchema }),
]);
export type Effect = z.infer<typeof effectSchema>;

export type RecordKind = 'source' | 'entity' | 'relation' | 'claim';

export const FILE_OF_KIND: Record<RecordKind, string> = {
  source: GRAPH_DATA_FILES.sources,
  entity: GRAPH_DATA_FILES.entities,
  relation: GRAPH_DATA_FILES.relations,
  claim: GRAPH_DATA_FILES.claims,
};

export function parseRef(ref: string): { kind: RecordKind; id: string } {
  const [kind, id] = ref.split(/:(.*)/s) as [RecordKind, string];
  return { kind, id };
}

/** The effect that takes `effect` back. */
export function inverseOf(effect: Effect): Effect {
  if ('alias' in effect) return { ...effect, do: effect.do === 'add' ? 'remove' : 'add' };
  return { ...effect, do: effect.do === 'retire' ? 'restore' : 'retire' } as Effect;
}

/** One line about an effect, for messages: "retire entity:x", "add alias "X" to entity:x". */
export function describeEffect(effect: Effect): string {
  if ('alias' in effect)
    return `${effect.do} alias "${effect.alias}" ${effect.do === 'add' ? 'to' : 'of'} ${effect.of}`;
  if ('citation' in effect) return `${effect.do} the citation of ${effect.of} from ${effect.citation.source}`;
  return `${effect.do} ${effect.record}`;
}

export interface Retirement {
  at: string;
  by: string;
  change: number;
  reason: string;
}

/**
 * Applies an undo's effect to the files through `edit`. Returns false, changing nothing, when
 * the files are already in the state the effect leads to (a record retired on its own since).
 */
export function applyEffect(
  effect: Effect,
  file: (name: string) => string,
  edit: (name: string, transform: (text: string) => string) => void,
  retirement: Retirement,
): boolean {
  if ('alias' in effect) {
    const { id } = parseRef(effect.of);
    const entity = recordValue(file(GRAPH_DATA_FILES.entities), id);
    const present = Array.isArray(entity?.aliases) && entity.aliases.includes(effect.alias);
    if (present === (effect.do === 'add')) return false;
    edit(GRAPH_DATA_FILES.entities, (text) =>
      effect.do === 'add'
        ? appendToRecordList(text, id, 'aliases', effect.alias)
        : removeFromRecordList(text, id, 'aliases', effect.alias),
    );
    return true;
  }
  if ('citation' in effect) {
    const { kind, id } = parseRef(effect.of);
    const name = FILE_OF_KIND[kind];
    const retire = effect.do === 'retire';
    const position = citationPosition(recordValue(file(name), id), effect.citation, !retire);
    if (position === -1) return false;
    edit(name, (text) =>
      retire
        ? addListItemField(text, id, 'citations', position, 'retired', retirement)
        : removeListItemField(text, id, 'citations', position, 'retired'),
    );
    return true;
  }
  const { kind, id } = parseRef(effect.record);
  const name = FILE_OF_KIND[kind];
  const record = recordValue(file(name), id);
  if (!record) throw new YamlEditError(`no record with id "${id}" in ${name}`);
  const retired = record.retired !== undefined;
  if (effect.do === 'retire') {
    if (retired) return false;
    edit(name, (text) => addRecordField(text, id, 'retired', retirement));
  } else {
    if (!retired) return false;
    edit(name, (text) => removeRecordField(text, id, 'retired'));
  }
  return true;
}

/** Where the citation `key` sits in the record's citations, among those retired or not as asked; -1 when none. */
function citationPosition(record: Record<string, unknown> | undefined, key: CitationKey, retired: boolean): number {
  const citations = Array.isArray(record?.citations) ? (record.citations as Record<string, unknown>[]) : [];
  for (let position = citations.length - 1; position >= 0; position--) {
    const citation = citations[position]!;
    if (
      citation.source === key.source &&
      citation.quote === key.quote &&
      ((citation.occurrence as number | undefined) ?? 1) === (key.occurrence ?? 1) &&
      (citation.retired !== undefined) === retired
    ) {
      return position;
    }
  }
  return -1;
}
