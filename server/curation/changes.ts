/**
 * Curation changes
 * ================
 *
 * What each kind of change does to graph-data's files, as plain functions from the current
 * files (and the loaded graph, to check references) to the would-be files. Nothing here
 * writes: curation.ts validates the would-be files with the loader and writes them.
 *
 * A citation comes in as a source id and a selection (start and end offsets into the stored
 * text): the quote is taken from the text and its `occurrence` computed here, so a curator
 * never types a quote.
 */
import { createHash } from 'node:crypto';

import { GRAPH_DATA_FILES } from '../data/load-graph-data';
import type { KnowledgeGraph } from '../data/model';
import { findOccurrences } from '../data/resolve-quote';
import { type ChangeEntry } from './change-log';
import { blockersOf, effectsOf, listBlockers } from './dependants';
import { applyEffect, describeEffect, type Effect, inverseOf, type RecordKind } from './effects';
import { appendRecord, appendToRecordList, recordIds } from './yaml-edit';

/** Longest article text accepted, in characters: ten times the longest article shipped. */
export const MAX_SOURCE_TEXT_LENGTH = 200_000;
/** Most citations in one change. */
export const MAX_CITATIONS_PER_CHANGE = 20;

export class CurationError extends Error {
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'CONFLICT' | 'DATA_INVALID',
    readonly argument?: string,
  ) {
    super(message);
  }
}

const badInput = (argument: string, message: string) => new CurationError(message, 'BAD_USER_INPUT', argument);

export interface Selection {
  source: string;
  start: number;
  end: number;
  /** The text the reader saw selected; when given it must equal the stored text at the offsets. */
  quote?: string | null;
  /** An entity id, or a speaker the article only describes. */
  attributedToEntity?: string | null;
  attributedToDescribed?: string | null;
  hedge?: string | null;
}

export interface EntityDraft {
  id?: string | null;
  type: string;
  name: string;
  aliases?: string[] | null;
  description: string;
}

/** What a citation can be added to. */
export type CitedKind = 'relation' | 'claim';
export type { RecordKind };

export type Change =
  | {
      kind: 'addSource';
      source: {
        id?: string | null;
        title: string;
        publisher?: string | null;
        author?: string | null;
        published?: string | null;
        url?: string | null;
        text: string;
      };
    }
  | { kind: 'addEntity'; entity: EntityDraft }
  | { kind: 'addAlias'; entity: string; alias: string }
  | {
      kind: 'addRelation';
      relation: { subject: string; type: string; object: string; note?: string | null; citations: Selection[] };
      newEntities?: EntityDraft[] | null;
    }
  | {
      kind: 'addClaim';
      claim: {
        entity: string;
        attribute: string;
        value: string;
        normalized?: string | null;
        note?: string | null;
        citations: Selection[];
      };
    }
  | { kind: 'addCitation'; target: CitedKind; id: string; citation: Selection }
  | { kind: 'retire'; target: RecordKind; id: string; reason: string }
  | { kind: 'revert'; change: number; reason: string };

/** What a change would write, before it is validated. */
export interface PlannedChange {
  /** Record files by name, with their would-be text (only those that change). */
  records: Map<string, string>;
  /** New source texts, by path relative to graph-data. */
  texts: Map<string, string>;
  touched: string[];
  added: string[];
  /** What it does, step by step: what its undo takes back (effects.ts). */
  effects: Effect[];
  summary: string;
}

export interface ChangeContext {
  graph: KnowledgeGraph;
  /** The record files' current texts. */
  files: ReadonlyMap<string, string>;
  log: readonly ChangeEntry[];
  by: string;
  at: string;
  /** The id the change will have in the log. */
  changeId: number;
}

const F = GRAPH_DATA_FILES;

export function planChange(change: Change, context: ChangeContext): PlannedChange {
  const plan: PlannedChange = {
    records: new Map(),
    texts: new Map(),
    touched: [],
    added: [],
    effects: [],
    summary: '',
  };
  const file = (name: string) => plan.records.get(name) ?? context.files.get(name) ?? '';
  const edit = (name: string, transform: (text: string) => string) => plan.records.set(name, transform(file(name)));

  switch (change.kind) {
    case 'addSource': {
      const { source } = change;
      if (source.text.length > MAX_SOURCE_TEXT_LENGTH) {
        throw badInput(
          'source.text',
          `the text is ${source.text.length} characters long, over the maximum of ${MAX_SOURCE_TEXT_LENGTH}`,
        );
      }
      if (source.text.trim().length === 0) throw badInput('source.text', 'the text is empty');
      const id = freshId(source.id || slugOf(source.title), idsIn(file(F.sources)), 'source.id', !!source.id);
      const path = `sources/${id}.txt`;
      const record: Record<string, unknown> = {
        id,
        title: source.title,
        publisher: source.publisher || null,
        author: source.author || null,
        published: source.published || null,
        kind: 'news_article',
        file: path,
        sha256: createHash('sha256').update(source.text, 'utf8').digest('hex'),
      };
      if (source.url) record.url = source.url;
      record.note = `Added through the API by ${context.by} on ${context.at.slice(0, 10)}.`;
      edit(F.sources, (text) => appendRecord(text, record));
      plan.texts.set(path, source.text);
      plan.touched.push(`source:${id}`);
      plan.added.push(`source:${id}`);
      plan.effects.push({ do: 'add', record: `source:${id}` });
      plan.summary = `New source ${id}: ${source.title}`;
      break;
    }
    case 'addEntity': {
      const id = addEntity(change.entity, 'entity', plan, file, edit);
      plan.summary = `New entity ${id}: ${change.entity.name}`;
      break;
    }
    case 'addAlias': {
      if (!context.graph.graph.hasNode(change.entity)) throw badInput('entity', `no entity "${change.entity}"`);
      const entity = context.graph.graph.getNodeAttributes(change.entity);
      if (entity.name === change.alias || entity.aliases.includes(change.alias)) {
        throw badInput('alias', `"${change.alias}" is already a name of "${change.entity}"`);
      }
      edit(F.entities, (text) => appendToRecordList(text, change.entity, 'aliases', change.alias));
      plan.touched.push(`entity:${change.entity}`);
      plan.effects.push({ do: 'add', alias: change.alias, of: `entity:${change.entity}` });
      plan.summary = `Alias "${change.alias}" for ${change.entity}`;
      break;
    }
    case 'addRelation': {
      const newIds = (change.newEntities ?? []).map((draft, position) =>
        addEntity(draft, `newEntities.${position}`, plan, file, edit),
      );
      const { relation } = change;
      const known = (id: string) => context.graph.graph.hasNode(id) || newIds.includes(id);
      for (const end of ['subject', 'object'] as const) {
        if (!known(relation[end])) throw badInput(`relation.${end}`, `no entity "${relation[end]}"`);
      }
      const id = freshId(
        `${relation.subject}--${relation.type}--${relation.object}`,
        idsIn(file(F.relations)),
        'relation',
        false,
      );
      const record: Record<string, unknown> = {
        id,
        subject: relation.subject,
        type: relation.type,
        object: relation.object,
      };
      if (relation.note) record.note = relation.note;
      record.citations = citationsOf(context.graph, relation.citations, 'relation.citations');
      edit(F.relations, (text) => appendRecord(text, record));
      plan.touched.push(`relation:${id}`);
      plan.added.push(`relation:${id}`);
      plan.effects.push({ do: 'add', record: `relation:${id}` });
      plan.summary = `New relation ${id}`;
      break;
    }
    case 'addClaim': {
      const { claim } = change;
      if (!context.graph.graph.hasNode(claim.entity)) throw badInput('claim.entity', `no entity "${claim.entity}"`);
      const citations = citationsOf(context.graph, claim.citations, 'claim.citations');
      const id = freshId(
        `${claim.entity}--${claim.attribute}--${claim.citations[0]?.source ?? 'claim'}`,
        idsIn(file(F.claims)),
        'claim',
        false,
      );
      const record: Record<string, unknown> = {
        id,
        entity: claim.entity,
        attribute: claim.attribute,
        value: claim.value,
      };
      if (claim.normalized) record.normalized = claim.normalized;
      if (claim.note) record.note = claim.note;
      record.citations = citations;
      edit(F.claims, (text) => appendRecord(text, record));
      plan.touched.push(`claim:${id}`);
      plan.added.push(`claim:${id}`);
      plan.effects.push({ do: 'add', record: `claim:${id}` });
      plan.summary = `New claim ${id}`;
      break;
    }
    case 'addCitation': {
      assertLive(context.graph, change.target, change.id);
      const [citation] = citationsOf(context.graph, [change.citation], 'citation');
      const name = change.target === 'relation' ? F.relations : F.claims;
      edit(name, (text) => appendToRecordList(text, change.id, 'citations', citation));
      plan.touched.push(`${change.target}:${change.id}`);
      plan.effects.push({
        do: 'add',
        citation: {
          source: citation!.source as string,
          quote: citation!.quote as string,
          ...(citation!.occurrence ? { occurrence: citation!.occurrence as number } : {}),
        },
        of: `${change.target}:${change.id}`,
      });
      plan.summary = `New citation for ${change.target} ${change.id} from ${change.citation.source}`;
      break;
    }
    case 'retire': {
      assertLive(context.graph, change.target, change.id);
      const effect: Effect = { do: 'retire', record: `${change.target}:${change.id}` };
      // A retired relation or claim takes its citations with it; what refers to an entity or a source does not go.
      const refersToIt = change.target === 'entity' || change.target === 'source';
      const blockers = refersToIt ? blockersOf([effect], { graph: context.graph, log: context.log, file }) : [];
      if (blockers.length > 0) {
        throw new CurationError(
          `${change.target} "${change.id}" cannot be retired while live records refer to it: ${listBlockers(blockers)}; retire them first`,
          'CONFLICT',
        );
      }
      applyEffect(effect, file, edit, retirementOf(change.reason, context));
      plan.touched.push(effect.record);
      plan.effects.push(effect);
      plan.summary = `Retired ${change.target} ${change.id}: ${change.reason}`;
      break;
    }
    case 'revert': {
      const original = context.log.find((entry) => entry.id === change.change);
      if (!original) throw badInput('change', `no change ${change.change} in the change log`);
      const undoneBy = undoneByOf(context.log).get(change.change);
      if (undoneBy !== undefined) {
        throw badInput('change', `change ${change.change} was already reverted (by change ${undoneBy})`);
      }
      if (change.reason.trim().length < 5) throw badInput('reason', 'give the reason in words');
      const retirement = retirementOf(`undo of change ${change.change}: ${change.reason}`, context);
      const undo = effectsOf(original).map(inverseOf).reverse();
      if (undo.length === 0) {
        throw badInput('change', `change ${change.change} was logged without its effects, so it cannot be undone here`);
      }
      const blockers = blockersOf(undo, { graph: context.graph, log: context.log, file });
      if (blockers.length > 0) {
        throw new CurationError(
          `change ${change.change} cannot be undone: later changes depend on it: ${listBlockers(blockers)}; undo those first`,
          'CONFLICT',
        );
      }
      for (const effect of undo) {
        if (!applyEffect(effect, file, edit, retirement)) continue; // already so, on its own
        plan.effects.push(effect);
        const touched = 'record' in effect ? effect.record : effect.of;
        if (!plan.touched.includes(touched)) plan.touched.push(touched);
      }
      if (plan.effects.length === 0) {
        throw badInput(
          'change',
          `nothing of change ${change.change} is left to undo: ${undo.map(describeEffect).join('; ')} is already so`,
        );
      }
      plan.summary = `Undo of change ${change.change} (${original.summary})`;
      break;
    }
  }
  return plan;
}

function addEntity(
  draft: EntityDraft,
  argument: string,
  plan: PlannedChange,
  file: (name: string) => string,
  edit: (name: string, transform: (text: string) => string) => void,
): string {
  const id = freshId(draft.id || slugOf(draft.name), idsIn(file(F.entities)), `${argument}.id`, !!draft.id);
  const record: Record<string, unknown> = { id, type: draft.type, name: draft.name };
  if (draft.aliases && draft.aliases.length > 0) record.aliases = draft.aliases;
  record.description = draft.description;
  edit(F.entities, (text) => appendRecord(text, record));
  plan.touched.push(`entity:${id}`);
  plan.added.push(`entity:${id}`);
  plan.effects.push({ do: 'add', record: `entity:${id}` });
  return id;
}

function retirementOf(reason: string, context: ChangeContext) {
  if (reason.trim().length < 5) throw badInput('reason', 'give the reason in words');
  return { at: context.at, by: context.by, change: context.changeId, reason };
}

function isLive(graph: KnowledgeGraph, kind: RecordKind, id: string): boolean {
  switch (kind) {
    case 'source':
      return graph.sources.has(id);
    case 'entity':
      return graph.graph.hasNode(id);
    case 'relation':
      return graph.graph.hasEdge(id);
    case 'claim':
      return graph.claims.has(id);
  }
}

function assertLive(graph: KnowledgeGraph, kind: RecordKind, id: string): void {
  if (!isLive(graph, kind, id)) throw badInput('id', `no ${kind} "${id}" (or it is retired)`);
}

/**
 * Which change undid each change, for the changes that stand undone: an undo counts only
 * while it is not undone itself (the log is in order, and an undo names an earlier change).
 */
export function undoneByOf(log: readonly ChangeEntry[]): Map<number, number> {
  const undoneBy = new Map<number, number>();
  for (let position = log.length - 1; position >= 0; position--) {
    const entry = log[position]!;
    if (entry.reverts !== undefined && !undoneBy.has(entry.id)) undoneBy.set(entry.reverts, entry.id);
  }
  return undoneBy;
}

/**
 * The citation records for selections. Each selection must lie within its source's text, on
 * one line, without surrounding blanks, and (when the reader sent what it saw) equal it.
 */
export function citationsOf(graph: KnowledgeGraph, selections: Selection[], argument: string) {
  if (selections.length === 0) throw badInput(argument, 'give at least one citation');
  if (selections.length > MAX_CITATIONS_PER_CHANGE) {
    throw badInput(argument, `${selections.length} citations, over the maximum of ${MAX_CITATIONS_PER_CHANGE}`);
  }
  return selections.map((selection, position) => {
    const at = `${argument}.${position}`;
    const source = graph.sources.get(selection.source);
    if (!source) throw badInput(`${at}.source`, `no source "${selection.source}"`);
    const { start, end } = selection;
    const where = `source "${source.id}", offsets ${start} to ${end}`;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > source.text.length) {
      throw badInput(at, `${where}: not a selection in its text of ${source.text.length} characters`);
    }
    const quote = source.text.slice(start, end);
    if (selection.quote != null && selection.quote !== quote) {
      throw badInput(
        at,
        `${where}: the stored text there is "${abbreviated(quote)}", not the selected "${abbreviated(selection.quote)}"`,
      );
    }
    if (/[\n\r]/.test(quote)) throw badInput(at, `${where}: a quote stays on one line; select within a paragraph`);
    if (quote.trim() !== quote) throw badInput(at, `${where}: the selection begins or ends with a blank`);
    if (/[\uD800-\uDBFF]$/.test(quote) || /^[\uDC00-\uDFFF]/.test(quote)) {
      throw badInput(at, `${where}: the selection cuts a character in two`);
    }
    const starts = findOccurrences(source.text, quote);
    const citation: Record<string, unknown> = { source: source.id, quote };
    if (starts.length > 1) citation.occurrence = starts.indexOf(start) + 1;
    if (selection.attributedToEntity && selection.attributedToDescribed) {
      throw badInput(at, 'give the speaker as an entity or in the article’s words, not both');
    }
    if (selection.attributedToEntity) citation.attributedTo = selection.attributedToEntity;
    if (selection.attributedToDescribed) citation.attributedTo = { described: selection.attributedToDescribed };
    if (selection.hedge) citation.hedge = selection.hedge;
    return citation;
  });
}

function abbreviated(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Ids of a file's records, retired ones included (an id is never reused). */
const idsIn = recordIds;

/** `wanted` if free; otherwise, when the id was derived (not chosen), the first free `wanted-N`. */
function freshId(wanted: string, taken: Set<string>, argument: string, chosen: boolean): string {
  if (!wanted) throw badInput(argument, 'cannot make an id from an empty name');
  if (!taken.has(wanted)) return wanted;
  if (chosen) throw badInput(argument, `the id "${wanted}" is already taken`);
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** A lowercase slug from a name: "Mullah Omar" → "mullah-omar". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
