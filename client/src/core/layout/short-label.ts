/**
 * The name an entity shows on the canvas (and on the exported picture): whole up to
 * LABEL_MAX_CHARS characters, else cut at a word near that length with an ellipsis. A name is
 * free text of any length in graph-data; drawn whole, a name of a few hundred characters would
 * run across the canvas over every other name. Panels, lists and the data exports keep the
 * whole name.
 */

/** The most characters (code points, the ellipsis included) of a name on the canvas. */
export const LABEL_MAX_CHARS = 60;

/** A cut this far back from the limit, at most, to end on a whole word. */
const WORD_ROOM = 16;

export function shortLabel(name: string): string {
  // Most names are short: one length check (UTF-16 units, never fewer than code points).
  if (name.length <= LABEL_MAX_CHARS) return name;
  const characters = Array.from(name);
  if (characters.length <= LABEL_MAX_CHARS) return name;
  const kept = characters.slice(0, LABEL_MAX_CHARS - 1).join('');
  const space = kept.lastIndexOf(' ');
  const cut = space >= kept.length - WORD_ROOM ? kept.slice(0, space) : kept;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}
