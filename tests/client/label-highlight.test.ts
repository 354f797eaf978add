/**
 * The highlight box under a selected or hovered entity covers its name as the labels layer
 * drew it (same font, same place), so no letter shows past the box's edge.
 */
import type { Settings } from 'sigma/settings';

import {
  createNodeHoverDrawer,
  createNodeLabelDrawer,
  HUB_LABEL_SIZE,
  type LabelPositions,
} from '../../client/src/views/explorer/canvas/node-label';
import { recordingContext } from '../support/recording-context';

describe('the highlight box of a selected entity', () => {
  it("covers a hub's bold name as the labels layer drew it", async () => {
    // The base font, as the explorer's settings give it; hubs' names are drawn bolder and bigger.
    const settings = {
      labelSize: 11,
      labelWeight: '600',
      labelFont: 'sans-serif',
      labelColor: { color: '#111' },
    } as unknown as Settings;
    const positions: LabelPositions = new Map();
    const drawLabel = createNodeLabelDrawer(positions);
    const drawHover = createNodeHoverDrawer(positions);
    const node = {
      key: 'hub',
      label: 'A rather long hub name',
      x: 200,
      y: 200,
      size: HUB_LABEL_SIZE + 4,
      color: '#000',
      hidden: false,
      forceLabel: true,
      type: 'circle',
      zIndex: 1,
      highlighted: true,
    };
    const labels = recordingContext();
    drawLabel(labels.context, node, settings);
    await Promise.resolve(); // the label pass ends at the next microtask
    const drawn = labels.texts.find((text) => text.text === node.label);
    expect(drawn).toBeDefined();

    const hover = recordingContext();
    drawHover(hover.context, node, settings);
    const box = hover.boxes[0]!;
    expect(box).toBeDefined();
    expect(box.left).toBeLessThanOrEqual(drawn!.x);
    expect(box.right).toBeGreaterThanOrEqual(drawn!.x + drawn!.width);
    expect(box.top).toBeLessThan(drawn!.y);
    expect(box.bottom).toBeGreaterThan(drawn!.y);
    // The name on the box is the same text, in the same place and width, as beneath it.
    expect(hover.texts).toEqual([drawn]);
  });
});
