/**
 * Appearance rules: colour by entity type, size by degree, thickness by corroboration, amber
 * for relations stated only in someone's words or with a hedge.
 * Colours come from a colour-blind-safe qualitative palette; well-known types keep a fixed
 * colour so that the legend reads the same whatever the data.
 */
import type { EntityTypeInfo } from '../graph-data';

const FIXED_TYPE_COLORS: Record<string, string> = {
  organization: '#3b6fb6',
  person: '#d1495b',
  place: '#2e9e6a',
  event: '#e08a1e',
  facility: '#8d5fb3',
  group: '#8a6a4d',
};

const FALLBACK_COLORS = ['#2a9d8f', '#c9a227', '#e377c2', '#7f7f7f', '#17becf', '#bcbd22'];

export const UNKNOWN_TYPE_COLOR = '#6b7280';

/**
 * The `index`th colour past the palette, for a vocabulary of dozens of types: hues a golden
 * angle apart (each far from the last few), at three lightnesses that read on white. Past a
 * dozen colours no palette stays easy to tell apart; these at least never repeat one, so two
 * types never share a swatch in the legend (the names tell them apart).
 */
function generatedColor(index: number): string {
  const hue = (index * 137.508) % 360;
  const lightness = [0.42, 0.52, 0.34][index % 3]!;
  return hexFromHsl(hue, 0.62, lightness);
}

/** `#rrggbb` for a hue (degrees), saturation and lightness (0-1): sigma's WebGL programs read hex, not `hsl()`. */
function hexFromHsl(hue: number, saturation: number, lightness: number): string {
  const chroma = saturation * Math.min(lightness, 1 - lightness);
  const channel = (offset: number) => {
    const k = (offset + hue / 30) % 12;
    const value = lightness - chroma * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** One colour per entity type id, stable for the vocabulary's order. */
export function entityTypeColors(types: readonly Pick<EntityTypeInfo, 'id'>[]): Map<string, string> {
  const colors = new Map<string, string>();
  let fallback = 0;
  for (const type of types) {
    const fixed = FIXED_TYPE_COLORS[type.id];
    if (fixed) {
      colors.set(type.id, fixed);
      continue;
    }
    colors.set(type.id, FALLBACK_COLORS[fallback] ?? generatedColor(fallback - FALLBACK_COLORS.length));
    fallback += 1;
  }
  return colors;
}

export const MIN_NODE_SIZE = 4;
export const MAX_NODE_SIZE = 18;

/**
 * Node size grows with the square root of degree, so hubs stand out without swallowing the rest.
 * The server's layout keeps this much room around each entity (server/graph/layout.ts
 * entityRadius; tests/graph/overview-layout.test.ts holds the two equal).
 */
export function nodeSize(degree: number, maxDegree: number): number {
  if (maxDegree <= 0) return MIN_NODE_SIZE;
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(Math.max(0, degree) / maxDegree);
}

/** Edges supported by this many sources or more are drawn alike (edgeSize, edgeColor). */
export const STRONGEST_DRAWN_CORROBORATION = 5;

/**
 * Corroboration on the canvas: edges supported by more sources are thicker and darker;
 * single-source edges (most of them, in five articles) stay thin and pale, so what several
 * articles agree on stands out. Thickness stops growing at five sources.
 */
export function edgeSize(corroboration: number): number {
  return 1 + 0.9 * Math.max(0, Math.min(corroboration, STRONGEST_DRAWN_CORROBORATION) - 1);
}

/**
 * The corroboration key's steps: 1 up to the number of sources, stopping where the drawing
 * stops changing ("5+"), so the key stays the same size whatever the number of sources.
 */
export function corroborationSteps(sourceCount: number): { count: number; label: string }[] {
  const last = Math.max(1, Math.min(sourceCount, STRONGEST_DRAWN_CORROBORATION));
  return Array.from({ length: last }, (_, index) => {
    const count = index + 1;
    return { count, label: count === last && sourceCount > last ? `${count}+` : String(count) };
  });
}

/**
 * A relation that the articles only put in someone's mouth or hedge ("reportedly", "may") is
 * drawn in amber whatever its corroboration, so a reader sees at a glance what no article
 * states as fact; its thickness still shows how many sources report it.
 */
export const QUALIFIED_EDGE_COLOR = '#d39b4a';

export function edgeColor(corroboration: number, statedPlainly = true): string {
  if (!statedPlainly) return QUALIFIED_EDGE_COLOR;
  if (corroboration >= 4) return '#475569';
  if (corroboration === 3) return '#6b7687';
  if (corroboration === 2) return '#98a2b3';
  return '#c3cad5';
}
