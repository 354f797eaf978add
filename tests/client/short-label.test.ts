/**
 * A long name is shortened on the canvas and the exported picture (core/layout/short-label),
 * the hover box covers the shortened name as drawn, and short names are drawn whole.
 */
import type { Settings } from 'sigma/settings';

import { pictureSvg, type PictureInput } from '../../client/src/core/export/picture';
import { LABEL_MAX_CHARS, shortLabel } from '../../client/src/core/layout/short-label';
import {
  createNodeHoverDrawer,
  createNodeLabelDrawer,
  type LabelPositions,
} from '../../client/src/views/explorer/canvas/node-label';
import { recordingContext } from '../support/recording-context';

const LONG =
  'The joint commission of inquiry into the attack on the international airport of the capital and its aftermath';

describe('shortLabel', () => {
  it('keeps a name of up to the limit whole', () => {
    const name = 'x'.repeat(LABEL_MAX_CHARS);
    expect(shortLabel(name)).toBe(name);
    expect(shortLabel('Center for Strategic and International Studies')).toBe(
      'Center for Strategic and International Studies',
    );
  });

  it('cuts a longer name at a word, within the limit, with an ellipsis', () => {
    const short = shortLabel(LONG);
    expect(Array.from(short).length).toBeLessThanOrEqual(LABEL_MAX_CHARS);
    expect(short.endsWith('…')).toBe(true);
    const kept = short.slice(0, -1);
    expect(LONG.startsWith(kept)).toBe(true);
    // Ends on a whole word: the next character of the name is a space.
    expect(LONG[kept.length]).toBe(' ');
  });

  it('cuts a name without spaces at the limit, and never inside a character', () => {
    const word = 'a'.repeat(LABEL_MAX_CHARS + 20);
    expect(shortLabel(word)).toBe(`${'a'.repeat(LABEL_MAX_CHARS - 1)}…`);
    const emoji = '😀'.repeat(LABEL_MAX_CHARS + 5);
    const cut = shortLabel(emoji);
    expect(Array.from(cut).length).toBe(LABEL_MAX_CHARS);
    expect(cut.slice(0, -1)).toBe('😀'.repeat(LABEL_MAX_CHARS - 1));
    // Counted in characters, not UTF-16 units: a name of LABEL_MAX_CHARS emoji stays whole.
    expect(shortLabel('😀'.repeat(LABEL_MAX_CHARS))).toBe('😀'.repeat(LABEL_MAX_CHARS));
  });
});

describe('a long name on the canvas', () => {
  it('is drawn shortened, and the hover box covers the shortened name', async () => {
    const settings = { labelSize: 11, labelWeight: '600', labelFont: 'sans-serif', labelColor: { color: '#111' } };
    const positions: LabelPositions = new Map();
    const node = { key: 'n', label: LONG, x: 100, y: 100, size: 4, color: '#000', hidden: false, forceLabel: true };
    const labels = recordingContext();
    createNodeLabelDrawer(positions)(labels.context, node as never, settings as unknown as Settings);
    await Promise.resolve(); // the label pass ends at the next microtask
    expect(labels.texts.map((drawn) => drawn.text)).toEqual([shortLabel(LONG)]);
    const drawn = labels.texts[0]!;

    const hover = recordingContext();
    createNodeHoverDrawer(positions)(hover.context, node as never, settings as unknown as Settings);
    // The same short name, in the same place and width, on a box that covers it.
    expect(hover.texts).toEqual([drawn]);
    expect(hover.boxes[0]!.left).toBeLessThanOrEqual(drawn.x);
    expect(hover.boxes[0]!.right).toBeGreaterThanOrEqual(drawn.x + drawn.width);
  });
});

describe('a long name on the exported picture', () => {
  it('is shortened as on the canvas', () => {
    const input: PictureInput = {
      width: 900,
      height: 300,
      nodes: [{ id: 'n', x: 10, y: 100, radius: 5, color: '#123456', label: LONG }],
      edges: [],
      title: 'T',
      subtitle: '1 entity shown',
      filters: [],
      legend: [],
      strokes: [],
      sources: [],
    };
    const svg = pictureSvg(input);
    expect(svg).toContain(`>${shortLabel(LONG)}</text>`);
    expect(svg).not.toContain(LONG);
  });
});
