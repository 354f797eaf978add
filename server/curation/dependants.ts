/**
 * What stands in the way of retiring or restoring
 * ================================================
 *
 * An entity cannot be retired while a live relation, claim or citation refers to it, nor a
 * source while a live citation cites it, nor (on undo) a relation or claim while a later
 * change's citation of it is live, nor an entity while a later change's alias of it stands. A
 * restored record needs what it refers to to be live. Each blocker is named with the change
 * that made it (from the change log), or as hand-written in the files.
 *
 * Cost: retiring an entity or a source looks at every live citation (one pass over the graph,
 * once per such change, never per request); the rest are lookups.
 */
import { findOccurrences } from '../data/resolve-quote';
import type { CitationRecord, KnowledgeGraph } from '../data/model';
import type { ChangeEntry } from './change-log';
import { type CitationKey, type Effect, FILE_OF_KIND, parseRef } from './effects';
import { recordValue } from './yaml-edit';

export interface DependencyContext {
  graph: KnowledgeGraph;
  log: readonly ChangeEntry[];
  /** The record files' texts as the change would leave them so far. */
  file: (name: string) => string;
}

const citationIndexKey = (of: string, key: CitationKey) => `${of}\0${key.source}\0${key.quote}\0${key.occurrence ?? 1}`;
const aliasIndexKey = (of: string, alias: string) => `${of}\0alias\0${alias}`;

/** Which change last added (or restored) each record, citation and alias, from the log. */
function makersOf(log: readonly ChangeEntry[]): Map<string, number> {
  const makers = new Map<string, number>();
  for (const entry of log) {
    for (const effect of effectsOf(entry)) {
      if (effect.do === 'add' || effect.do === 'restore') {
        if ('alias' in effect) makers.set(aliasIndexKey(effect.of, effect.alias), entry.id);
        else if ('citation' in effect) makers.set(citationIndexKey(effect.of, effect.citation), entry.id);
        else makers.set(effect.record, entry.id);
      }
    }
  }
  return makers;
}

/** A change's effects; entries written before effects were logged name only the records they added or retired. */
export function effectsOf(entry: ChangeEntry): Effect[] {
  if (entry.effects) return entry.effects;
  if (entry.reverts !== undefined) return entry.touched.map((record) => ({ do: 'retire', record }));
  return entry.added.map((record) => ({ do: 'add', record }));
}

/** Every live citation of the graph: relations' and claims', and those that date entities, relations and sources. */
function* liveCitations(graph: KnowledgeGraph): Generator<CitationRecord> {
  for (const relation of graph.graph.edgeEntries()) {
    yield* relation.attributes.citations;
    for (const time of relation.attributes.time ?? []) yield* time.citations;
  }
  for (const claim of graph.claims.values()) yield* claim.citations;
  for (const entity of graph.graph.nodeEntries())
    for (const time of entity.attributes.time ?? []) yield* time.citations;
  for (const source of graph.sources.values()) yield* source.publishedEvidence?.citations ?? [];
}

/**
 * Why `effects` cannot be applied as one change: each blocker as a phrase naming the live
 * record and the change that made it. Empty when nothing stands in the way.
 */
export function blockersOf(effects: readonly Effect[], context: DependencyContext): string[] {
  const { graph, log, file } = context;
  const makers = makersOf(log);
  const madeBy = (key: string, record: string) => {
    const change = makers.get(key) ?? makers.get(record);
    return change === undefined ? 'in the files' : `change ${change}`;
  };
  const retiring = new Set(
    effects.flatMap((effect) => ('record' in effect && effect.do === 'retire' ? [effect.record] : [])),
  );
  const restoring = new Set(
    effects.flatMap((effect) => ('record' in effect && effect.do === 'restore' ? [effect.record] : [])),
  );
  const retiringCitations = new Set(
    effects.flatMap((effect) =>
      'citation' in effect && effect.do === 'retire' ? [citationIndexKey(effect.of, effect.citation)] : [],
    ),
  );
  const removingAliases = new Set(
    effects.flatMap((effect) =>
      'alias' in effect && effect.do === 'remove' ? [aliasIndexKey(effect.of, effect.alias)] : [],
    ),
  );
  const blockers: string[] = [];
  const citationBlocker = (citation: CitationRecord, why: string) => {
    const target = `${citation.target.kind}:${citation.target.id}`;
    if (retiring.has(target)) return;
    const source = graph.sources.get(citation.sourceId);
    const occurrence = source ? findOccurrences(source.text, citation.quote).indexOf(citation.start) + 1 : 1;
    const key = citationIndexKey(target, { source: citation.sourceId, quote: citation.quote, occurrence });
    if (retiringCitations.has(key)) return;
    blockers.push(`a citation of ${target} (${madeBy(key, target)}) ${why}`);
  };

  for (const effect of effects) {
    if (!('record' in effect)) continue;
    const { kind, id } = parseRef(effect.record);
    if (effect.do === 'retire' && kind === 'entity') {
      if (graph.graph.hasNode(id)) {
        graph.graph.forEachEdge(id, (edge, relation) => {
          const ref = `relation:${edge}`;
          if (!retiring.has(ref))
            blockers.push(`${ref} (${madeBy(ref, ref)}) has it as ${relation.subject === id ? 'subject' : 'object'}`);
        });
      }
      for (const claim of graph.claims.values()) {
        const ref = `claim:${claim.id}`;
        if (claim.entity === id && !retiring.has(ref)) blockers.push(`${ref} (${madeBy(ref, ref)}) is about it`);
      }
      for (const citation of liveCitations(graph)) {
        if (citation.attributedTo && 'entity' in citation.attributedTo && citation.attributedTo.entity === id) {
          citationBlocker(citation, `is attributed to it`);
        }
      }
      const aliases = recordValue(file(FILE_OF_KIND.entity), id)?.aliases;
      for (const alias of Array.isArray(aliases) ? (aliases as string[]) : []) {
        const key = aliasIndexKey(effect.record, alias);
        const maker = makers.get(key);
        if (maker !== undefined && maker !== makers.get(effect.record) && !removingAliases.has(key)) {
          blockers.push(`the alias "${alias}" (change ${maker}) names it`);
        }
      }
    } else if (effect.do === 'retire' && kind === 'source') {
      for (const citation of liveCitations(graph)) {
        // Its own dating quotes (publishedEvidence) go with it.
        const own = citation.target.kind === 'source' && citation.target.id === id;
        if (citation.sourceId === id && !own) citationBlocker(citation, 'cites it');
      }
    } else if (effect.do === 'retire' && (kind === 'relation' || kind === 'claim')) {
      const record = recordValue(file(FILE_OF_KIND[kind]), id);
      const maker = makers.get(effect.record);
      for (const citation of Array.isArray(record?.citations) ? (record.citations as CitationKeyed[]) : []) {
        const key = citationIndexKey(effect.record, citation);
        const citationMaker = makers.get(key);
        if (citation.retired === undefined && citationMaker !== undefined && citationMaker !== maker) {
          if (!retiringCitations.has(key))
            blockers.push(
              `a citation of ${effect.record} from ${citation.source} (change ${citationMaker}) stands on it`,
            );
        }
      }
    } else if (effect.do === 'restore' && (kind === 'relation' || kind === 'claim')) {
      const record = recordValue(file(FILE_OF_KIND[kind]), id) ?? {};
      const ends = kind === 'relation' ? [record.subject, record.object] : [record.entity];
      for (const end of ends) {
        const ref = `entity:${String(end)}`;
        if (!graph.graph.hasNode(String(end)) && !restoring.has(ref)) {
          blockers.push(`${ref}, which it refers to, is retired (${retiredBy(file, ref)})`);
        }
      }
    }
  }
  return [...new Set(blockers)];
}

type CitationKeyed = CitationKey & { retired?: unknown };

function retiredBy(file: (name: string) => string, ref: string): string {
  const { kind, id } = parseRef(ref);
  const retired = recordValue(file(FILE_OF_KIND[kind]), id)?.retired as { change?: number } | undefined;
  return retired?.change ? `by change ${retired.change}` : 'in the files';
}

/** The blockers as one sentence part: the first few, and how many more. */
export function listBlockers(blockers: readonly string[], shown = 5): string {
  const more = blockers.length > shown ? `, and ${blockers.length - shown} more` : '';
  return `${blockers.slice(0, shown).join('; ')}${more}`;
}
