/**
 * The exported picture: what the canvas shows, redrawn as SVG with what a reader of the
 * picture needs beside it: the dataset's title, the active filters above; the legend and the
 * sources the drawn relations cite below. The PNG is this SVG rasterised (export-files.ts),
 * so the two never differ. Pure: it takes what was drawn (positions in CSS pixels of the
 * canvas) and gives text.
 *
 * The graph area is the canvas's own size; the file is `scale` times larger (2 by default),
 * so the picture stays sharp when printed or zoomed.
 */
import { corroborationSteps, edgeColor, edgeSize, QUALIFIED_EDGE_COLOR } from '../graph-building';
import { sourceShortName, type GraphData } from '../graph-data';
import { shortLabel } from '../layout/short-label';

export interface DrawnNode {
  id: string;
  x: number;
  y: number;
  radius: number;
  color: string;
  /** Null when the canvas shows no label for it (too small at this zoom). */
  label: string | null;
}

export interface DrawnEdge {
  id: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  color: string;
  thickness: number;
  /** Bend of a parallel relation, in chord lengths (0 straight). */
  curvature: number;
}

export interface PictureInput {
  /** The canvas's size in CSS pixels. */
  width: number;
  height: number;
  nodes: readonly DrawnNode[];
  edges: readonly DrawnEdge[];
  title: string;
  /** "12 entities · 30 relations shown". */
  subtitle: string;
  /** The active filters, one line each (core/filters/describe.ts). */
  filters: readonly string[];
  legend: readonly LegendEntry[];
  strokes: readonly StrokeEntry[];
  /** "Publisher — Title", one per source the drawn relations cite. */
  sources: readonly string[];
}

export interface LegendEntry {
  label: string;
  color: string;
  count: number;
}

export interface StrokeEntry {
  label: string;
  color: string;
  width: number;
}

/** Sources listed by name in the picture; the rest are counted ("and 180 more"). */
export const PICTURE_SOURCES_LISTED = 12;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const MARGIN = 16;
const LINE = 18;

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The legend entries for the drawn entities (types with at least one drawn) and the corroboration key. */
export function pictureLegend(
  data: GraphData,
  colors: ReadonlyMap<string, string>,
  drawnEntityIds: Iterable<string>,
): { legend: LegendEntry[]; strokes: StrokeEntry[] } {
  const counts = new Map<string, number>();
  for (const id of drawnEntityIds) {
    const type = data.entityById.get(id)?.type;
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const legend = data.entityTypes
    .filter((type) => (counts.get(type.id) ?? 0) > 0)
    .map((type) => ({ label: type.label, color: colors.get(type.id) ?? '#6b7280', count: counts.get(type.id)! }));
  const strokes = [
    ...corroborationSteps(data.stats.sourceCount).map((step) => ({
      label: `${step.label} ${step.count === 1 && step.label === '1' ? 'source' : 'sources'}`,
      color: edgeColor(step.count),
      width: edgeSize(step.count),
    })),
    { label: 'reported or hedged only', color: QUALIFIED_EDGE_COLOR, width: edgeSize(1) },
  ];
  return { legend, strokes };
}

/** The sources the drawn relations cite, by how many of them each supports (most first), as "Publisher — Title". */
export function pictureSources(data: GraphData, drawnRelationIds: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const id of drawnRelationIds) {
    for (const sourceId of data.relationById.get(id)?.sourceIds ?? []) {
      counts.set(sourceId, (counts.get(sourceId) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .flatMap(([id]) => {
      const source = data.sourceById.get(id);
      if (!source) return [];
      const name = sourceShortName(source);
      return [name === source.title ? source.title : `${name} — ${source.title}`];
    });
}

function edgePath(edge: DrawnEdge): string {
  const { from, to } = edge;
  if (edge.curvature === 0) return `M${round(from.x)},${round(from.y)} L${round(to.x)},${round(to.y)}`;
  // A quadratic curve bending to the left of the edge's direction by `curvature` chord lengths.
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const mx = (from.x + to.x) / 2 - dy * edge.curvature;
  const my = (from.y + to.y) / 2 + dx * edge.curvature;
  return `M${round(from.x)},${round(from.y)} Q${round(mx)},${round(my)} ${round(to.x)},${round(to.y)}`;
}

/** Lays entries out in rows across the width: [x, y] per entry, given an estimate of each one's width. */
function flow(
  widths: readonly number[],
  maxWidth: number,
  top: number,
): { places: [number, number][]; bottom: number } {
  const places: [number, number][] = [];
  let x = MARGIN;
  let y = top;
  for (const width of widths) {
    if (x > MARGIN && x + width > maxWidth - MARGIN) {
      x = MARGIN;
      y += LINE;
    }
    places.push([x, y]);
    x += width + 14;
  }
  return { places, bottom: y + LINE };
}

/** About how wide a line of 12 px text is (the picture is laid out before any font is measured). */
const textWidth = (text: string) => text.length * 6.6;

/** The text in lines of at most `chars` characters, broken after spaces (which stay at the ends of lines). */
export function wrapLine(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<= )/)) {
    if (line !== '' && (line + word).trimEnd().length > chars) {
      lines.push(line);
      line = '';
    }
    line += word;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The labels to draw, biggest entity first, each right of its disc and skipped where it would
 * overlap one already placed (sigma's own drawer does the same on screen). Boxes are
 * estimated (11 px text); O(n²) over the labelled entities, a few hundred at most on screen.
 */
function placedLabels(nodes: readonly DrawnNode[]): { node: DrawnNode; x: number; text: string }[] {
  const placed: { left: number; right: number; top: number; bottom: number }[] = [];
  const labels: { node: DrawnNode; x: number; text: string }[] = [];
  for (const node of [...nodes].filter((candidate) => candidate.label).sort((a, b) => b.radius - a.radius)) {
    const x = node.x + node.radius + 3;
    const text = shortLabel(node.label!);
    const box = { left: x, right: x + text.length * 6, top: node.y - 8, bottom: node.y + 6 };
    if (
      placed.some(
        (other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom,
      )
    )
      continue;
    placed.push(box);
    labels.push({ node, x, text });
  }
  return labels;
}

export function pictureSvg(input: PictureInput, scale = 2): string {
  const { width, height } = input;
  const parts: string[] = [];
  const text = (x: number, y: number, content: string, attributes = '') =>
    parts.push(`<text x="${round(x)}" y="${round(y)}"${attributes}>${escapeXml(content)}</text>`);

  // Header: title, what is shown, the filters.
  let y = MARGIN + 18;
  text(MARGIN, y, input.title, ' class="title"');
  y += LINE + 2;
  text(MARGIN, y, input.subtitle, ' class="muted"');
  for (const filter of input.filters.length > 0 ? input.filters : ['No filter is on: the whole graph.']) {
    y += LINE;
    text(MARGIN, y, input.filters.length > 0 ? `Filter · ${filter}` : filter);
  }
  const graphTop = y + 12;

  // The graph, clipped to the canvas as it was shown.
  const graph: string[] = [];
  for (const edge of input.edges) {
    graph.push(
      `<path d="${edgePath(edge)}" fill="none" stroke="${escapeXml(edge.color)}" stroke-width="${round(edge.thickness)}" stroke-linecap="round"/>`,
    );
  }
  for (const node of input.nodes) {
    graph.push(
      `<circle data-entity="${escapeXml(node.id)}" cx="${round(node.x)}" cy="${round(node.y)}" r="${round(node.radius)}" fill="${escapeXml(node.color)}" stroke="#ffffff" stroke-width="1"/>`,
    );
  }
  for (const { node, x, text: label } of placedLabels(input.nodes)) {
    graph.push(`<text class="label" x="${round(x)}" y="${round(node.y + 4)}">${escapeXml(label)}</text>`);
  }

  // Footer: the legend (entity types, then strokes), then the sources.
  let footer = graphTop + height + 14;
  const legendTexts = input.legend.map((entry) => `${entry.label} ${entry.count}`);
  const legend = flow(
    legendTexts.map((label) => 16 + textWidth(label)),
    width,
    footer + 12,
  );
  input.legend.forEach((entry, index) => {
    const [x, top] = legend.places[index]!;
    parts.push(`<circle cx="${x + 5}" cy="${top - 4}" r="5" fill="${escapeXml(entry.color)}"/>`);
    text(x + 14, top, legendTexts[index]!, ' class="legend"');
  });
  const strokes = flow(
    input.strokes.map((entry) => 34 + textWidth(entry.label)),
    width,
    legend.bottom + 4,
  );
  input.strokes.forEach((entry, index) => {
    const [x, top] = strokes.places[index]!;
    parts.push(
      `<line x1="${x}" y1="${top - 4}" x2="${x + 24}" y2="${top - 4}" stroke="${escapeXml(entry.color)}" stroke-width="${round(entry.width)}" stroke-linecap="round"/>`,
    );
    text(x + 30, top, entry.label, ' class="legend"');
  });
  footer = strokes.bottom + 8;
  const listed = input.sources.slice(0, PICTURE_SOURCES_LISTED);
  const more = input.sources.length - listed.length;
  text(
    MARGIN,
    footer,
    input.sources.length === 0
      ? 'No relation is drawn, so no source is cited.'
      : `Sources cited by the relations drawn (${input.sources.length}):`,
    ' class="muted"',
  );
  for (const source of listed) {
    footer += LINE - 2;
    // Wrapped in lines of tspans; each break keeps its space, so the text reads whole.
    const lines = wrapLine(source, Math.floor((width - 2 * MARGIN) / 6));
    const spans = lines.map(
      (line, index) => `<tspan x="${MARGIN}"${index > 0 ? ` dy="${LINE - 4}"` : ''}>${escapeXml(line)}</tspan>`,
    );
    parts.push(`<text class="source" x="${MARGIN}" y="${round(footer)}">${spans.join('')}</text>`);
    footer += (lines.length - 1) * (LINE - 4);
  }
  if (more > 0) {
    footer += LINE - 2;
    text(MARGIN, footer, `and ${more} more`, ' class="source"');
  }
  const total = Math.ceil(footer + MARGIN);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${total * scale}" viewBox="0 0 ${width} ${total}" data-graph-top="${round(graphTop)}" data-graph-height="${height}">`,
    `<style>text{font-family:${FONT};font-size:12px;fill:#1f2937}.title{font-size:18px;font-weight:600}.muted{fill:#4b5563}.label{font-size:11px}.source{font-size:11px}</style>`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    `<defs><clipPath id="graph-area"><rect x="0" y="0" width="${width}" height="${height}"/></clipPath></defs>`,
    ...parts,
    `<g transform="translate(0 ${round(graphTop)})"><rect width="${width}" height="${height}" fill="none" stroke="#e5e7eb"/><g clip-path="url(#graph-area)">${graph.join('')}</g></g>`,
    '</svg>',
  ].join('\n');
}
