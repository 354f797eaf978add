import { parse as parseGexf } from 'graphology-gexf';
import Graph from 'graphology';

import { csvField, relationsCsv, visibleGraphGexf } from '../../client/src/core/export';
import { computeVisibility, DEFAULT_FILTERS, sourceSupportScope } from '../../client/src/core/filters';
import { buildRenderGraph } from '../../client/src/core/graph-building';
import { fixtureCitations, fixtureGraph, supportedByFixtureSources } from './fixtures';

const data = fixtureGraph();

describe('CSV of visible relations', () => {
  it('quotes fields with commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('has one row per citation, each with its verbatim quote and source', () => {
    const csv = relationsCsv(data, ['r-enemy', 'r-leader'], fixtureCitations);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'relation_id,subject_id,subject,relation_type,relation,object_id,object,directed,corroboration,source_id,source_title,publisher,quote,quote_start,quote_end',
    );
    expect(lines).toHaveLength(1 + 2 + 1);
    expect(lines[1]).toBe(
      'r-enemy,isis-k,ISIS-K,enemy_of,enemy of,taliban,Taliban,false,2,bbc,What is ISIS-K?,BBC,ISIS-K have major differences with the Taliban,10,56',
    );
    expect(lines[2]).toContain('"sworn enemies, ""the Taliban"""');
  });

  it('gives a relation whose citations were not given one row with empty citation columns', () => {
    const lines = relationsCsv(data, ['r-leader'], new Map()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^r-leader,leader,.*,1,,,,,,$/);
  });
});

describe('GEXF of the visible graph', () => {
  it('holds only visible entities and relations, with their domain attributes', () => {
    const graph = buildRenderGraph(data);
    const visibility = computeVisibility(
      data,
      { ...DEFAULT_FILTERS, sources: ['bbc'] },
      sourceSupportScope(data, supportedByFixtureSources(['bbc'])),
    );
    const gexf = visibleGraphGexf(graph, data, visibility, fixtureCitations);
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain('label="ISIS-K"');
    expect(gexf).not.toContain('Shahab al-Muhajir');
    expect((gexf.match(/<edge /g) ?? []).length).toBe(3);
    expect(gexf).toContain('corroboration');
  });
});

describe('GEXF directedness and citations', () => {
  const graph = buildRenderGraph(data);
  const visibility = computeVisibility(data, DEFAULT_FILTERS);
  const gexf = visibleGraphGexf(graph, data, visibility, fixtureCitations);
  const imported = parseGexf(Graph, gexf);

  it('marks each symmetric relation undirected and keeps the others directed, as Gephi reads them', () => {
    expect(gexf).toContain('defaultedgetype="directed"');
    for (const relation of data.relations) {
      expect(imported.isUndirected(relation.id)).toBe(!relation.directed);
    }
    // The fixture has both kinds, so the test can tell them apart.
    expect(data.relations.some((relation) => relation.directed)).toBe(true);
    expect(data.relations.some((relation) => !relation.directed)).toBe(true);
  });

  it('keeps each directed relation from its subject to its object', () => {
    for (const relation of data.relations.filter((r) => r.directed)) {
      expect(imported.source(relation.id)).toBe(relation.subjectId);
      expect(imported.target(relation.id)).toBe(relation.objectId);
    }
  });

  it('carries every citation of a relation, with its source, verbatim quote and offsets', () => {
    for (const relation of data.relations) {
      const citations = JSON.parse(imported.getEdgeAttribute(relation.id, 'citations') as string);
      const given = fixtureCitations.get(relation.id)!;
      expect(given.length).toBeGreaterThan(0);
      expect(citations).toEqual(given.map((c) => ({ source: c.sourceId, quote: c.quote, start: c.start, end: c.end })));
      expect(imported.getEdgeAttribute(relation.id, 'citation_count')).toBe(given.length);
    }
  });
});
