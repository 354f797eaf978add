import { csvField, relationsCsv, visibleGraphGexf } from '../../client/src/core/export';
import { computeVisibility, DEFAULT_FILTERS } from '../../client/src/core/filters';
import { buildRenderGraph } from '../../client/src/core/graph-building';
import { fixtureGraph } from './fixtures';

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
    const csv = relationsCsv(data, ['r-enemy', 'r-leader']);
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
});

describe('GEXF of the visible graph', () => {
  it('holds only visible entities and relations, with their domain attributes', () => {
    const graph = buildRenderGraph(data);
    const visibility = computeVisibility(data, { ...DEFAULT_FILTERS, sources: ['bbc'] });
    const gexf = visibleGraphGexf(graph, data, visibility);
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain('label="ISIS-K"');
    expect(gexf).not.toContain('Shahab al-Muhajir');
    expect((gexf.match(/<edge /g) ?? []).length).toBe(3);
    expect(gexf).toContain('corroboration');
  });
});
