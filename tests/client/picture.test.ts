import { PICTURE_SOURCES_LISTED, pictureSvg, wrapLine, type PictureInput } from '../../client/src/core/export/picture';
import { describeActiveFilters } from '../../client/src/core/filters/describe';
import { DEFAULT_FILTERS } from '../../client/src/core/filters';
import { fixtureGraph } from './fixtures';

const INPUT: PictureInput = {
  width: 400,
  height: 300,
  nodes: [
    { id: 'a', x: 10, y: 10, radius: 5, color: '#123456', label: 'A & <B>' },
    { id: 'b', x: 12, y: 11, radius: 3, color: '#654321', label: 'Overlapping' },
  ],
  edges: [{ id: 'r', from: { x: 10, y: 10 }, to: { x: 12, y: 11 }, color: '#999', thickness: 2, curvature: 0.2 }],
  title: 'A "graph"',
  subtitle: '2 entities · 1 relation shown',
  filters: [],
  legend: [{ label: 'Organization', color: '#123456', count: 2 }],
  strokes: [{ label: '1 source', color: '#ccc', width: 1 }],
  sources: Array.from({ length: PICTURE_SOURCES_LISTED + 3 }, (_, index) => `Source ${index}`),
};

describe('the exported picture', () => {
  it('is twice the canvas, escapes text, lists the first sources and counts the rest', () => {
    const svg = pictureSvg(INPUT);
    expect(svg).toMatch(/^<svg [^>]*width="800"/);
    expect(svg).toContain('A &quot;graph&quot;');
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg).toContain('No filter is on: the whole graph.');
    expect(svg).toContain(`Source ${PICTURE_SOURCES_LISTED - 1}<`);
    expect(svg).not.toContain(`Source ${PICTURE_SOURCES_LISTED}<`);
    expect(svg).toContain('and 3 more');
    expect(svg).toContain(' Q');
  });

  it('skips a label that would overlap a bigger entity’s', () => {
    const svg = pictureSvg(INPUT);
    expect(svg).not.toContain('>Overlapping<');
  });

  it('wraps a long line at spaces without losing a character', () => {
    const text = 'NationalWorld — What is Isis K? Relationship with Taliban in Afghanistan';
    const lines = wrapLine(text, 20);
    expect(lines.join('')).toBe(text);
    expect(lines.every((line) => line.trimEnd().length <= 20)).toBe(true);
  });

  it('says each active filter in words', () => {
    const data = fixtureGraph();
    expect(describeActiveFilters(DEFAULT_FILTERS, data)).toEqual([]);
    expect(describeActiveFilters({ ...DEFAULT_FILTERS, minSources: 2, hideIsolated: true }, data)).toEqual([
      `Minimum supporting sources: at least 2 of ${data.sources.length} sources`,
      'Hide entities without visible relations: on',
    ]);
  });
});
