/**
 * Attribution and hedges
 * ======================
 *
 * A quote can be the article's own statement, or words it puts in someone's mouth ("…,
 * Clarke said"), or a statement it hedges ("reportedly", "may"). A citation says which with
 * `attributedTo` and `hedge`, and these checks keep that true: they look for reporting verbs
 * and hedge words in the sentence a quote stands in (a quote that stops before "Kumar said"
 * still stands in Kumar's sentence), and for quotes that carry no statement at all (a bare
 * name, or only "said Abdul Sayed, …"). A check that is wrong for one citation is silenced
 * there with `silence: { <check>: <reason> }`; a silence with nothing to silence is itself a
 * problem, so stale reasons do not pile up.
 *
 * The words are data (vocabulary.yaml, `hedges` and `reportingCues`), matched as whole words
 * and case-sensitively, so "May 2020" is not the hedge "may".
 */
import type { DataLocation, DataProblem } from './errors';
import type { Attribution, HedgeRecord } from './model';
import { hedgeSchema, type CitationInput, type VoiceCheck } from './schemas';
import { listRecords, parseRecord, type YamlFile } from './yaml-records';

export interface VoiceRules {
  hedges: Map<string, HedgeRecord>;
  /** Words that report someone's speech or writing: "said", "told", "according to" … */
  reportingCues: string[];
  /** Folded name or alias → the entities that bear it, to recognise a quote that is only a name. */
  entityNames: Map<string, Set<string>>;
  hasEntity(id: string): boolean;
}

/** The hedges and reporting cues of vocabulary.yaml; both lists are optional there. */
export function readVoiceVocabulary(
  vocabularyFile: YamlFile,
  file: string,
  problems: DataProblem[],
): Pick<VoiceRules, 'hedges' | 'reportingCues'> {
  const json = vocabularyFile.document.toJSON() as { hedges?: unknown; reportingCues?: string[] };
  const hedges = new Map<string, HedgeRecord>();
  if (json.hedges !== undefined) {
    for (const record of listRecords(vocabularyFile, problems, 'hedges') ?? []) {
      const hedge = parseRecord(hedgeSchema, record, file, problems);
      if (!hedge) continue;
      if (hedges.has(hedge.id)) {
        problems.push({ file, record: record.index, recordId: hedge.id, field: 'id', message: `duplicate hedge id` });
        continue;
      }
      hedges.set(hedge.id, hedge);
    }
  }
  return { hedges, reportingCues: json.reportingCues ?? [] };
}

/** Folded name or alias → ids of the entities that bear it. */
export function namesOfEntities(entities: { id: string; name: string; aliases: string[] }[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const folded = foldName(name);
      const ids = names.get(folded);
      if (ids) ids.add(entity.id);
      else names.set(folded, new Set([entity.id]));
    }
  }
  return names;
}

export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[\s"'“”‘’(]+|[\s"'“”‘’),.:;]+$/g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ');
}

interface CitationContext {
  input: CitationInput;
  text: string;
  start: number;
  end: number;
  /** Only relations are checked for bare quotes (a claim's value may well be a name). */
  relation?: { subject: string; object: string };
  at(field: string): DataLocation;
}

/**
 * Checks one resolved citation's attribution and hedge, pushing every problem found, and
 * returns the two fields as the citation record keeps them.
 */
export function checkCitationVoice(
  rules: VoiceRules,
  context: CitationContext,
  problems: DataProblem[],
): { attributedTo?: Attribution; hedge?: string } {
  const { input, text, at } = context;
  const result: { attributedTo?: Attribution; hedge?: string } = {};

  if (typeof input.attributedTo === 'string') {
    if (rules.hasEntity(input.attributedTo)) result.attributedTo = { entity: input.attributedTo };
    else {
      problems.push({
        ...at('attributedTo'),
        message:
          `unknown entity "${input.attributedTo}"; name a known entity, or a speaker the article only describes ` +
          `in its own words: attributedTo: { described: officials }`,
      });
    }
  } else if (input.attributedTo) {
    const described = input.attributedTo.described;
    if (text.toLowerCase().includes(described.toLowerCase())) result.attributedTo = { described };
    else {
      problems.push({
        ...at('attributedTo.described'),
        message: `the described speaker "${described}" does not occur in source "${input.source}": describe the speaker in the article's own words`,
      });
    }
  }

  if (input.hedge !== undefined) {
    if (rules.hedges.has(input.hedge)) result.hedge = input.hedge;
    else {
      problems.push({
        ...at('hedge'),
        message: `unknown hedge "${input.hedge}"; known hedges (vocabulary.yaml): ${[...rules.hedges.keys()].join(', ')}`,
      });
    }
  }

  const sentence = enclosingSentences(text, context.start, context.end);
  const fired = new Map<VoiceCheck, string>();
  if (input.attributedTo === undefined) {
    const cue = containsAnyWord(sentence, rules.reportingCues)
      ? rules.reportingCues.find((word) => containsWord(sentence, word))
      : undefined;
    if (cue) {
      fired.set(
        'unattributed-report',
        `the sentence of this quote reports someone's words ("${cue}"): name the speaker in attributedTo ` +
          `(an entity id, or { described: … } in the article's words), or say why not in silence.unattributed-report`,
      );
    }
  }
  if (input.hedge === undefined) {
    for (const hedge of rules.hedges.values()) {
      if (!containsAnyWord(sentence, hedge.cues)) continue;
      const cue = hedge.cues.find((word) => containsWord(sentence, word));
      if (!cue) continue;
      fired.set(
        'unmarked-hedge',
        `the sentence of this quote hedges it ("${cue}"): set hedge: ${hedge.id} (or another hedge), ` +
          `or say why the hedge does not bear on this quote in silence.unmarked-hedge`,
      );
      break;
    }
  }
  if (context.relation) {
    const bare = bareQuote(rules, input.quote, context.relation);
    if (bare) {
      fired.set(
        'bare-quote',
        `the quote "${input.quote}" is ${bare} and supports nothing on its own: quote the words that state the relation`,
      );
    }
  }

  for (const [check, message] of fired) {
    if (input.silence?.[check] === undefined) problems.push({ ...at('quote'), message: `${check}: ${message}` });
  }
  for (const check of Object.keys(input.silence ?? {}) as VoiceCheck[]) {
    if (!fired.has(check)) {
      problems.push({
        ...at(`silence.${check}`),
        message: `nothing to silence: the check "${check}" does not flag this citation; remove the silence`,
      });
    }
  }
  return result;
}

/**
 * Why a relation's quote states nothing, or null: it is only a name of the relation's own
 * subject or object ("the Islamic State of Iraq and Syria" for islamic-state operates_in
 * iraq), or only an attribution: a reporting word followed by the speaker, with no quoted
 * words ("said Abdul Sayed, an independent researcher …").
 */
function bareQuote(rules: VoiceRules, quote: string, relation: { subject: string; object: string }): string | null {
  const named = rules.entityNames.get(foldName(quote));
  if (named && (named.has(relation.subject) || named.has(relation.object))) return 'only a name';
  const trimmed = quote.trim();
  const reportsFirst = startsWithAnyWord(trimmed, rules.reportingCues);
  if (reportsFirst && !/["“‘]/.test(trimmed)) return 'only an attribution';
  return null;
}

/**
 * Where sentences start in a text: after ".", "!" or "?" (and any closing quotation mark)
 * followed by a space and a capital, digit or opening quotation mark, and after every line
 * break; initials and a few abbreviations ("U.S. President", "Aug. 31") do not end one.
 * Computed once per text.
 */
// Not after an initial ("U.S.", "D.C.") or a short title or month ("Dr", "Aug.").
const SENTENCE_END =
  /(?<!(?:^|[\s.])[A-Z]|\b(?:Dr|Mr|Mrs|Ms|Gen|Col|Sir|St|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))[.!?]["”’)]*[ \t\u00a0]+(?=["“‘(]?[A-Z0-9])|\n+/g;
const sentenceStartsCache = new Map<string, number[]>();
function sentenceStarts(text: string): number[] {
  let starts = sentenceStartsCache.get(text);
  if (!starts) {
    starts = [0];
    for (const match of text.matchAll(SENTENCE_END)) {
      starts.push(match.index + match[0].length);
    }
    sentenceStartsCache.set(text, starts);
  }
  return starts;
}

/** The whole sentence or sentences that the span [start, end) stands in. */
export function enclosingSentences(text: string, start: number, end: number): string {
  const starts = sentenceStarts(text);
  // Last sentence start at or before `start`, and first one after the span's last character.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= start) low = middle;
    else high = middle - 1;
  }
  const from = starts[low]!;
  let next = low + 1;
  while (next < starts.length && starts[next]! < end) next += 1;
  const to = next < starts.length ? starts[next]! : text.length;
  return text.slice(from, to);
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const wordPatterns = new Map<string, RegExp>();
function wordPattern(word: string): RegExp {
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u');
    wordPatterns.set(word, pattern);
  }
  return pattern;
}

function containsWord(text: string, word: string): boolean {
  return wordPattern(word).test(text);
}

/**
 * One pattern per list of words (the vocabulary's reporting cues, a hedge's cues), by the
 * list: whether any of them occurs takes one scan of the text, where a scan per word cost
 * seconds over the million citations of 10^6 relations. Which word it is, when the message
 * names one, is still the list's first that occurs (containsWord).
 */
const anyWordPatterns = new WeakMap<readonly string[], { anywhere: RegExp; first: RegExp }>();
function anyWordPattern(words: readonly string[], anchored: boolean): RegExp {
  let patterns = anyWordPatterns.get(words);
  if (!patterns) {
    const any = `(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`;
    patterns = { anywhere: new RegExp(`(?<![\\p{L}\\p{N}])${any}`, 'u'), first: new RegExp(`^${any}`, 'u') };
    anyWordPatterns.set(words, patterns);
  }
  return anchored ? patterns.first : patterns.anywhere;
}

function containsAnyWord(text: string, words: readonly string[]): boolean {
  return words.length > 0 && anyWordPattern(words, false).test(text);
}

function startsWithAnyWord(text: string, words: readonly string[]): boolean {
  return words.length > 0 && anyWordPattern(words, true).test(text);
}
