import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadGraphData } from '../../server/data/load-graph-data';
import type { CitationRecord, KnowledgeGraph } from '../../server/data/model';

let knowledge: KnowledgeGraph;

beforeAll(async () => {
  knowledge = await loadGraphData();
});

function allCitations(): CitationRecord[] {
  const citations: CitationRecord[] = [];
  knowledge.graph.forEachEdge((_key, relation) => citations.push(...relation.citations));
  for (const claim of knowledge.claims.values()) citations.push(...claim.citations);
  return citations;
}

function relationsBetween(a: string, b: string, type?: string) {
  return knowledge.graph
    .edges(a, b)
    .concat(knowledge.graph.edges(b, a))
    .map((key) => knowledge.graph.getEdgeAttributes(key))
    .filter((relation, index, all) => all.findIndex((other) => other.id === relation.id) === index)
    .filter((relation) => type === undefined || relation.type === type);
}

describe('the shipped graph-data', () => {
  test('loads five sources and a graph of the expected size', () => {
    expect(knowledge.sources.size).toBe(5);
    expect(knowledge.graph.order).toBeGreaterThanOrEqual(50);
    expect(knowledge.graph.size).toBeGreaterThan(100);
    expect(knowledge.graph.multi).toBe(true);
  });

  test('every citation resolves verbatim at its offsets', () => {
    const citations = allCitations();
    expect(citations.length).toBeGreaterThan(knowledge.graph.size);
    for (const citation of citations) {
      const text = knowledge.sources.get(citation.sourceId)!.text;
      expect({ id: citation.target.id, at: text.slice(citation.start, citation.end) }).toEqual({
        id: citation.target.id,
        at: citation.quote,
      });
    }
  });

  test('every relation and claim has at least one citation, and its source list matches its citations', () => {
    knowledge.graph.forEachEdge((_key, relation) => {
      expect(relation.citations.length).toBeGreaterThan(0);
      expect(relation.sourceIds).toEqual([...new Set(relation.citations.map((c) => c.sourceId))].sort());
    });
    for (const claim of knowledge.claims.values()) expect(claim.citations.length).toBeGreaterThan(0);
  });

  test('each source text is the article as given: its SHA-256 is the one recorded in sources.yaml', () => {
    for (const source of knowledge.sources.values()) {
      expect(createHash('sha256').update(source.text).digest('hex')).toBe(source.sha256);
    }
  });

  test('the recorded hashes are those of the seed articles, where the seeds are beside the repository', async () => {
    // CI and developers have ../shared/seeds beside the clone; a clone elsewhere still has
    // the recorded hashes, which the loader checks on every load (the test above).
    const seeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
    const seedFiles = existsSync(seeds) ? await readdir(seeds) : [];
    const seedHashes = await Promise.all(
      seedFiles.map(async (file) =>
        createHash('sha256')
          .update(await readFile(join(seeds, file)))
          .digest('hex'),
      ),
    );
    const recorded = [...knowledge.sources.values()].map((source) => source.sha256);
    expect(recorded).toHaveLength(5);
    if (seedFiles.length > 0) expect(recorded.sort()).toEqual(seedHashes.sort());
  });

  test('ISIS-K carries every alias the sources use', () => {
    const isisK = knowledge.graph.getNodeAttributes('isis-k');
    expect(isisK.type).toBe('organization');
    const names = [isisK.name, ...isisK.aliases];
    for (const alias of ['ISIS-K', 'Isis-K', 'IS-K', 'ISKP', 'Islamic State Khorasan Province']) {
      expect(names).toContain(alias);
    }
  });

  test('ISIS-K is an affiliate of the Islamic State core, cited from every article', () => {
    const [affiliation] = relationsBetween('isis-k', 'islamic-state', 'affiliate_of');
    expect(affiliation?.sourceIds).toEqual([...knowledge.sources.keys()].sort());
  });

  test('ISIS-K is linked to the Taliban both as an enemy and through the Haqqani network', () => {
    expect(relationsBetween('isis-k', 'taliban', 'enemy_of')[0]?.sourceIds.length).toBeGreaterThanOrEqual(2);
    expect(relationsBetween('isis-k', 'haqqani-network').length).toBeGreaterThan(0);
    expect(relationsBetween('haqqani-network', 'taliban').length).toBeGreaterThan(0);
  });

  test('ISIS-K relates to TTP and al-Qaeda', () => {
    expect(knowledge.graph.neighbors('isis-k')).toEqual(expect.arrayContaining(['ttp', 'al-qaeda']));
  });

  test('conflicting fighter numbers are kept as separate claims, each with its own source', () => {
    const fighterClaims = [...knowledge.claims.values()].filter(
      (claim) => claim.entity === 'isis-k' && claim.attribute === 'fighter_strength',
    );
    const values = new Set(fighterClaims.map((claim) => claim.value));
    expect(values.size).toBeGreaterThanOrEqual(4);
    const sourcesGivingNumbers = new Set(fighterClaims.flatMap((claim) => claim.sourceIds));
    expect(sourcesGivingNumbers.size).toBe(5);
  });

  test("both values of Khalil Haqqani's bounty are kept", () => {
    const bounties = [...knowledge.claims.values()].filter(
      (claim) => claim.entity === 'khalil-haqqani' && claim.attribute === 'bounty',
    );
    const values = bounties.map((claim) => claim.value).join(' | ');
    expect(values).toMatch(/\$5m/);
    expect(values).toMatch(/£4m/);
  });
});
