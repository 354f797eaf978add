/**
 * Synthetic graph-data
 * ====================
 *
 * Writes a graph-data folder in the shipped format (vocabulary, sources with their texts,
 * entities, relations, claims, dataset.yaml), so the benchmarks and the large tests go
 * through the one loader that validates curated data. Everything follows from the seed: the
 * same options write the same bytes.
 *
 * Shape, chosen to look like curated news graphs at scale:
 * - degrees follow a power law: one end of each relation is drawn from a Zipf-like
 *   distribution over entities (a few hubs hold a large share), the other mostly uniformly
 *   (a long tail of entities seen once or twice);
 * - corroboration falls off quickly: most relations have one source, a few up to five;
 * - every citation quotes a sentence written into its source's text for that citation, so
 *   each quote occurs exactly once there (an "(item n)" tag keeps sentences distinct);
 * - sources carry publication dates, and events carry dated claims.
 *
 * Memory is about the size of the source texts plus one line buffer: records are streamed
 * to disk as they are drawn.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

export interface SynthOptions {
  entities: number;
  relations: number;
  sources: number;
  seed: number;
}

export const SYNTH_LIMITS = {
  entities: { min: 2, max: 2_000_000 },
  relations: { min: 0, max: 5_000_000 },
  sources: { min: 1, max: 100_000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

/** What was written, for the caller's summary. */
export interface SynthSummary {
  entities: number;
  relations: number;
  sources: number;
  claims: number;
  citations: number;
}

const ENTITY_TYPES = [
  { id: 'organization', label: 'Organization', share: 0.3 },
  { id: 'person', label: 'Person', share: 0.3 },
  { id: 'place', label: 'Place', share: 0.2 },
  { id: 'event', label: 'Event', share: 0.15 },
  { id: 'facility', label: 'Facility', share: 0.05 },
] as const;

/** Relation types and the verb phrase a sentence uses for each. */
const RELATION_TYPES = [
  { id: 'allied_with', label: 'allied with', directed: false, verb: 'is allied with' },
  { id: 'enemy_of', label: 'enemy of', directed: false, verb: 'is an enemy of' },
  { id: 'linked_to', label: 'linked to', directed: false, verb: 'is linked to' },
  { id: 'member_of', label: 'member of', directed: true, verb: 'is a member of' },
  { id: 'leader_of', label: 'leader of', directed: true, verb: 'leads' },
  { id: 'operates_in', label: 'operates in', directed: true, verb: 'operates in' },
  { id: 'based_in', label: 'based in', directed: true, verb: 'is based in' },
  { id: 'carried_out', label: 'carried out', directed: true, verb: 'carried out' },
  { id: 'targeted', label: 'targeted', directed: true, verb: 'targeted' },
  { id: 'funded', label: 'funded', directed: true, verb: 'funded' },
] as const;

const SYLLABLES = ['ka', 'bul', 'har', 'nan', 'gar', 'kho', 'ra', 'san', 'ta', 'li', 'ban', 'qa', 'ni', 'ze', 'mo'];
const MORE_SYLLABLES = ['dar', 'vel', 'ush', 'tor', 'pel', 'rin', 'sol', 'mir', 'zan', 'fer', 'lok', 'tem'];
const SUFFIXES: Record<string, string[]> = {
  organization: ['Front', 'Movement', 'Brigade', 'Council', 'Network'],
  person: [''],
  place: ['Province', 'Valley', 'City', 'District'],
  event: ['attack', 'siege', 'accord', 'raid'],
  facility: ['Airport', 'Prison', 'Hospital', 'Base'],
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'];

/** mulberry32: a small seeded generator, so the same seed writes the same data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zero-padded ids sort in creation order: e000042 before e000100. */
function padded(prefix: string, n: number, count: number): string {
  return prefix + String(n).padStart(String(Math.max(count - 1, 0)).length, '0');
}

/** A YAML single-quoted scalar: the only escape is a doubled quote. */
function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Writes lines to a file through a buffer, waiting when the stream asks to. */
class LineWriter {
  private readonly stream;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  async line(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length + 1;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('\n') + '\n';
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Writes a synthetic graph-data folder at `out`, which must not exist or be empty. */
export async function writeSyntheticGraphData(out: string, options: SynthOptions): Promise<SynthSummary> {
  for (const [name, range] of Object.entries(SYNTH_LIMITS)) {
    const value = options[name as keyof SynthOptions];
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      throw new RangeError(`--${name} must be a whole number from ${range.min} to ${range.max}; it was ${value}`);
    }
  }
  await mkdir(join(out, 'sources'), { recursive: true });
  const existing = (await readdir(out)).filter((name) => name !== 'sources');
  if (existing.length > 0 || (await readdir(join(out, 'sources'))).length > 0) {
    throw new Error(`${out} is not empty: give --out a new or empty folder, so no data is overwritten`);
  }

  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const word = (syllables: number) => {
    let text = '';
    for (let i = 0; i < syllables; i++) text += pick(i % 2 ? MORE_SYLLABLES : SYLLABLES);
    return text[0]!.toUpperCase() + text.slice(1);
  };

  // Vocabulary -----------------------------------------------------------------------------
  const vocabulary = [
    '# Vocabulary of a synthetic graph written by `npm run data:synth`.',
    'entityTypes:',
    ...ENTITY_TYPES.flatMap((type) => [
      `  - id: ${type.id}`,
      `    label: ${type.label}`,
      `    description: Synthetic ${type.label.toLowerCase()} entities.`,
    ]),
    'relationTypes:',
    ...RELATION_TYPES.flatMap((type) => [
      `  - id: ${type.id}`,
      `    label: ${type.label}`,
      `    directed: ${type.directed}`,
      `    description: The subject ${type.verb} the object.`,
    ]),
    'claimAttributes:',
    '  - id: founded',
    '    label: Founded',
    '    comparable: true',
    '    description: The year an organization was founded; different years contradict each other.',
    '  - id: date',
    '    label: Date',
    '    comparable: true',
    '    description: When an event took place; different dates contradict each other.',
  ];
  await writeFile(join(out, 'vocabulary.yaml'), vocabulary.join('\n') + '\n');

  // Entities -------------------------------------------------------------------------------
  const entityIds: string[] = [];
  const entityNames: string[] = [];
  const entityTypes: string[] = [];
  const usedNames = new Set<string>();
  const entitiesFile = new LineWriter(join(out, 'entities.yaml'));
  await entitiesFile.line('# Entities of a synthetic graph written by `npm run data:synth`.');
  for (let e = 0; e < options.entities; e++) {
    let roll = random();
    const type = ENTITY_TYPES.find((candidate) => (roll -= candidate.share) < 0)?.id ?? 'organization';
    const suffix = pick(SUFFIXES[type]!);
    const base = type === 'person' ? `${word(2)} ${word(3)}` : word(2 + Math.floor(random() * 2));
    let name = suffix ? `${base} ${suffix}` : base;
    // Names stay distinct, so a quote naming two entities reads unambiguously.
    if (usedNames.has(name)) name = `${name} ${e}`;
    usedNames.add(name);
    const id = padded('e', e, options.entities);
    entityIds.push(id);
    entityNames.push(name);
    entityTypes.push(type);
    await entitiesFile.line('');
    await entitiesFile.line(`- id: ${id}`);
    await entitiesFile.line(`  type: ${type}`);
    await entitiesFile.line(`  name: ${quoted(name)}`);
    if (random() < 0.2) await entitiesFile.line(`  aliases: [${quoted(name.split(' ')[0]!.toUpperCase())}]`);
    await entitiesFile.line(`  description: A synthetic ${type} (entity ${e + 1} of ${options.entities}).`);
  }
  await entitiesFile.close();

  // Sources: their texts grow sentence by sentence as citations are drawn -------------------
  const sourceIds = Array.from({ length: options.sources }, (_, s) => padded('s', s, options.sources));
  const sentences: string[][] = sourceIds.map((_, s) => [
    `Synthetic report ${s + 1}. This text was generated to exercise the explorer at scale.`,
  ]);
  /** Writes a sentence into a source and returns the part a citation quotes. */
  const cite = (source: number, lead: string, quote: string): string => {
    const list = sentences[source]!;
    const tagged = `${quote} (item ${list.length})`;
    list.push(`${lead}${tagged}.`);
    return tagged;
  };
  const dateOf = () => `${pick(MONTHS)} ${2010 + Math.floor(random() * 15)}`;

  // Zipf-like pick (P(rank ≤ k) ≈ ln(k + 1) / ln(n + 1)): a few hubs and a long tail.
  const hubLog = Math.log(options.entities + 1);
  const hubEntity = () => Math.min(options.entities - 1, Math.floor(Math.exp(random() * hubLog) - 1));
  // Sources are skewed more gently: some are cited far more than others, none is empty of use.
  const someSource = () => Math.floor(options.sources * random() ** 1.5);

  // Relations ------------------------------------------------------------------------------
  let citationCount = 0;
  const relationsFile = new LineWriter(join(out, 'relations.yaml'));
  await relationsFile.line('# Relations of a synthetic graph written by `npm run data:synth`.');
  for (let r = 0; r < options.relations; r++) {
    const hub = hubEntity();
    // One relation in five joins two hub-drawn entities, so the best connected link to each other too.
    const drawOther = () => (random() < 0.2 ? hubEntity() : Math.floor(random() * options.entities));
    let other = drawOther();
    while (other === hub) other = drawOther();
    const [subject, object] = random() < 0.5 ? [hub, other] : [other, hub];
    const type = pick(RELATION_TYPES);
    // 1 source most often; P(k) ∝ 1/k² up to 5 (never more than there are sources).
    let support = 1;
    while (support < Math.min(5, options.sources) && random() < 0.3 / support) support++;
    const cited = new Set<number>();
    while (cited.size < support) cited.add(someSource());

    await relationsFile.line('');
    await relationsFile.line(`- id: ${padded('r', r, options.relations)}`);
    await relationsFile.line(`  subject: ${entityIds[subject]}`);
    await relationsFile.line(`  type: ${type.id}`);
    await relationsFile.line(`  object: ${entityIds[object]}`);
    await relationsFile.line('  citations:');
    // Seven relations in ten are dated (a month, as the curated data mostly is): the first
    // source's sentence names the month, and the relation's `time` cites that sentence.
    const dated = random() < 0.7;
    let dating: { source: number; quote: string; at: string } | null = null;
    for (const source of cited) {
      const names = `${entityNames[subject]} ${type.verb} ${entityNames[object]}`;
      let quote: string;
      if (dated && !dating) {
        const year = 2010 + Math.floor(random() * 15);
        const month = Math.floor(random() * MONTHS.length);
        quote = cite(source, 'In ', `${MONTHS[month]} ${year}, ${names}`);
        dating = { source, quote, at: `${year}-${String(month + 1).padStart(2, '0')}` };
      } else quote = cite(source, `In ${dateOf()}, `, names);
      await relationsFile.line(`    - source: ${sourceIds[source]}`);
      await relationsFile.line(`      quote: ${quoted(quote)}`);
      citationCount++;
    }
    if (dating) {
      await relationsFile.line('  time:');
      await relationsFile.line(`    - at: '${dating.at}'`);
      await relationsFile.line('      citations:');
      await relationsFile.line(`        - source: ${sourceIds[dating.source]}`);
      await relationsFile.line(`          quote: ${quoted(dating.quote)}`);
    }
  }
  await relationsFile.close();

  // Claims: a founding year for some organizations, a date for some events -----------------
  let claimCount = 0;
  const claimsFile = new LineWriter(join(out, 'claims.yaml'));
  await claimsFile.line('# Claims of a synthetic graph written by `npm run data:synth`.');
  for (let e = 0; e < options.entities; e++) {
    const type = entityTypes[e];
    if ((type !== 'organization' && type !== 'event') || random() >= 0.2) continue;
    const attribute = type === 'organization' ? 'founded' : 'date';
    const year = 2000 + Math.floor(random() * 25);
    const month = Math.floor(random() * 9);
    const value = attribute === 'founded' ? String(year) : `${MONTHS[month]} ${year}`;
    const normalized = attribute === 'founded' ? String(year) : `${year}-${String(month + 1).padStart(2, '0')}`;
    const verb = attribute === 'founded' ? 'was founded in' : 'took place in';
    const source = someSource();
    const quote = cite(source, 'Records show that ', `${entityNames[e]} ${verb} ${value}`);
    await claimsFile.line('');
    await claimsFile.line(`- id: ${entityIds[e]}--${attribute}--${sourceIds[source]}`);
    await claimsFile.line(`  entity: ${entityIds[e]}`);
    await claimsFile.line(`  attribute: ${attribute}`);
    await claimsFile.line(`  value: ${quoted(value)}`);
    await claimsFile.line(`  normalized: ${quoted(normalized)}`);
    await claimsFile.line('  citations:');
    await claimsFile.line(`    - source: ${sourceIds[source]}`);
    await claimsFile.line(`      quote: ${quoted(quote)}`);
    claimCount++;
    citationCount++;
  }
  await claimsFile.close();

  // Source texts and their records ---------------------------------------------------------
  const sourcesFile = new LineWriter(join(out, 'sources.yaml'));
  await sourcesFile.line('# Sources of a synthetic graph written by `npm run data:synth`.');
  for (let s = 0; s < options.sources; s++) {
    const list = sentences[s]!;
    const publishedYear = 2010 + Math.floor(random() * 15);
    const publishedMonth = Math.floor(random() * MONTHS.length);
    const published = `${publishedYear}-${String(publishedMonth + 1).padStart(2, '0')}`;
    // The text states its own date, so `published` has a quote to stand on.
    const dateline = cite(s, '', `This report was published in ${MONTHS[publishedMonth]} ${publishedYear}`);
    const paragraphs: string[] = [];
    for (let i = 0; i < list.length; i += 8) paragraphs.push(list.slice(i, i + 8).join(' '));
    const text = paragraphs.join('\n\n') + '\n';
    sentences[s] = [];
    const file = `sources/${sourceIds[s]}.txt`;
    await writeFile(join(out, file), text);
    await sourcesFile.line('');
    await sourcesFile.line(`- id: ${sourceIds[s]}`);
    await sourcesFile.line(`  title: Synthetic report ${s + 1}`);
    await sourcesFile.line('  publisher: Synthetic Wire');
    await sourcesFile.line('  author: null');
    await sourcesFile.line(`  published: '${published}'`);
    await sourcesFile.line('  publishedEvidence:');
    await sourcesFile.line('    citations:');
    await sourcesFile.line(`      - source: ${sourceIds[s]}`);
    await sourcesFile.line(`        quote: ${quoted(dateline)}`);
    await sourcesFile.line('  kind: news_article');
    await sourcesFile.line(`  file: ${file}`);
    await sourcesFile.line(`  sha256: ${createHash('sha256').update(text, 'utf8').digest('hex')}`);
  }
  await sourcesFile.close();

  const summary = {
    entities: options.entities,
    relations: options.relations,
    sources: options.sources,
    claims: claimCount,
    citations: citationCount,
  };
  await writeFile(
    join(out, 'dataset.yaml'),
    [
      '# Written by `npm run data:synth`.',
      `title: Synthetic graph (${summary.entities} entities, ${summary.relations} relations)`,
      'description: >-',
      `  Generated data (seed ${options.seed}): ${summary.entities} entities, ${summary.relations} relations and`,
      `  ${summary.claims} claims cited from ${summary.sources} generated texts. Names and texts are invented.`,
      '',
    ].join('\n'),
  );
  return summary;
}
