import {
  fitPoints,
  framedToViewport,
  NO_INSETS,
  overlayInsets,
  type CameraFrame,
  type CameraTarget,
} from '../../client/src/core/camera';

/** A 600×700 canvas where, at ratio 1, a framed unit spans 500 px; framed y grows upwards like sigma's. */
const frame: CameraFrame = { width: 600, height: 700, insets: NO_INSETS, unitsPerPixel: { x: 1 / 500, y: -1 / 500 } };

/** A graph spanning the framed unit square, its lowest entity at y = 0. */
const square = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 0, y: 1 },
  { x: 1, y: 1 },
  { x: 0.5, y: 0.5 },
];

const onScreen = (camera: CameraTarget, at: CameraFrame) => square.map((point) => framedToViewport(point, camera, at));

describe('camera fits', () => {
  it('without overlays every entity is inside the canvas, a margin from its edges', () => {
    const camera = fitPoints(square, frame, { margin: 40 })!;
    for (const { x, y } of onScreen(camera, frame)) {
      expect(x).toBeGreaterThanOrEqual(40 - 1e-6);
      expect(x).toBeLessThanOrEqual(560 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(40 - 1e-6);
      expect(y).toBeLessThanOrEqual(660 + 1e-6);
    }
  });

  it('keeps every entity above a legend along the bottom and below a toolbar along the top', () => {
    const withOverlays = { ...frame, insets: { top: 52, right: 0, bottom: 130, left: 0 } };
    const camera = fitPoints(square, withOverlays, { margin: 20 })!;
    const points = onScreen(camera, withOverlays);
    const lowest = Math.max(...points.map((point) => point.y));
    const highest = Math.min(...points.map((point) => point.y));
    expect(lowest).toBeLessThanOrEqual(700 - 130 - 20 + 1e-6);
    expect(highest).toBeGreaterThanOrEqual(52 + 20 - 1e-6);
    // The whole free height is used: the graph is as large as the free area allows.
    expect(lowest - highest).toBeCloseTo(700 - 52 - 130 - 40, 6);
    // Sigma's home camera (centre, ratio 1) would have put the lowest entity under the legend.
    const home = onScreen({ x: 0.5, y: 0.5, ratio: 1 }, withOverlays);
    expect(Math.max(...home.map((point) => point.y))).toBeGreaterThan(700 - 130);
  });

  it('ignores overlays that would leave too little room, rather than shrink the graph to a dot', () => {
    const crowded = { ...frame, insets: { top: 300, right: 0, bottom: 300, left: 0 } };
    expect(fitPoints(square, crowded, { margin: 40 })).toEqual(fitPoints(square, frame, { margin: 40 }));
  });

  it('one entity is shown up close, not at infinite zoom', () => {
    expect(fitPoints([{ x: 0.3, y: 0.7 }], frame, { minRatio: 0.12 })).toEqual({ x: 0.3, y: 0.7, ratio: 0.12 });
    expect(fitPoints([], frame)).toBeNull();
  });

  it("keeps a big entity's whole disc on the canvas, though discs grow as the camera zooms in", () => {
    // Sigma's default: a disc's radius in pixels is its size over the square root of the ratio.
    const radiusAt = (size: number, ratio: number) => size / Math.sqrt(ratio);
    // Two ends of a path, one a hub, as far apart as the canvas is wide.
    const ends = [
      { x: 0, y: 0.5, radius: 24 },
      { x: 1, y: 0.52, radius: 6 },
    ];
    const margin = 10;
    const camera = fitPoints(ends, frame, { margin, radiusAt })!;
    for (const point of ends) {
      const { x, y } = framedToViewport(point, camera, frame);
      const radius = radiusAt(point.radius, camera.ratio);
      expect(x - radius).toBeGreaterThanOrEqual(margin - 1e-6);
      expect(x + radius).toBeLessThanOrEqual(frame.width - margin + 1e-6);
      expect(y - radius).toBeGreaterThanOrEqual(margin - 1e-6);
      expect(y + radius).toBeLessThanOrEqual(frame.height - margin + 1e-6);
    }
  });

  it('an overlay counts against the edge it is nearer to', () => {
    const canvas = { width: 600, height: 700 };
    const insets = overlayInsets(canvas, [
      { top: 12, bottom: 52 }, // export toolbar
      { top: 560, bottom: 688 }, // legend
      { top: 570, bottom: 690 }, // zoom buttons
      { top: -200, bottom: -100 }, // not over the canvas
    ]);
    expect(insets).toEqual({ top: 52, right: 0, bottom: 140, left: 0 });
  });
});
