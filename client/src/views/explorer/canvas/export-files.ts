/**
 * Files the export buttons offer (named side effects on the DOM). The pictures: what sigma
 * draws is read back from sigma (positions, sizes and colours after the reducers, the labels
 * it shows) and redrawn as SVG by core/export/picture.ts; the PNG is that SVG rasterised by
 * the browser, so both carry the title, filters, legend and sources, and match each other.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';

import type { DrawnEdge, DrawnNode } from '../../../core/export/picture';

/** What the canvas shows now: the drawn entities and relations, in CSS pixels of the canvas. */
// Generic over the attributes (the curvature read as a number): typed with ExplorerSigma here,
// tsc reports a mismatch in sigma-settings.ts's edge label drawer, which has none.
export function drawnOnCanvas<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
): {
  width: number;
  height: number;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
} {
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  const labelled = sigma.getNodeDisplayedLabels();
  const positions = new Map<string, { x: number; y: number }>();
  const nodes: DrawnNode[] = [];
  graph.forEachNode((id) => {
    const display = sigma.getNodeDisplayData(id);
    if (!display || display.hidden) return;
    const point = sigma.framedGraphToViewport(display);
    positions.set(id, point);
    nodes.push({
      id,
      x: point.x,
      y: point.y,
      radius: sigma.scaleSize(display.size),
      color: display.color,
      label: labelled.has(id) ? display.label : null,
    });
  });
  const edges: DrawnEdge[] = [];
  graph.forEachEdge((id, attributes, source, target) => {
    const display = sigma.getEdgeDisplayData(id);
    const from = positions.get(source);
    const to = positions.get(target);
    if (!display || display.hidden || !from || !to) return;
    edges.push({
      id,
      from,
      to,
      color: display.color,
      thickness: sigma.scaleSize(display.size),
      curvature: Number(attributes.curvature) || 0,
    });
  });
  return { width, height, nodes, edges };
}

/** An SVG document rasterised to PNG at its own width and height attributes. */
export async function svgToPngBlob(svg: string): Promise<Blob> {
  const document_ = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = document_.documentElement;
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const output = document.createElement('canvas');
    output.width = width;
    output.height = height;
    const context = output.getContext('2d');
    if (!context) throw new Error('this browser cannot draw the PNG (no 2D canvas context)');
    context.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) =>
      output.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers a file to the user (a named side effect: the only DOM download path). */
export function downloadFile(contents: Blob | string, fileName: string, type: string): void {
  const blob = typeof contents === 'string' ? new Blob([contents], { type }) : contents;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
