/**
 * Text folding shared by search and the text filters: case- and accent-insensitive
 * comparison ("Ḥaqqānī" = "haqqani").
 */

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** Lower case without diacritics: NFD splits "é" into "e" + a combining mark, which is dropped. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Folded text with everything but letters and digits removed, so that spellings that differ
 * only in punctuation or spacing meet: "IS-KP", "IS KP" and "ISKP" all become "iskp".
 */
export function compactText(text: string): string {
  return foldText(text).replace(NOT_LETTER_OR_DIGIT, '');
}
