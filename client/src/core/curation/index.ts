/**
 * Curation, pure parts: what a selected passage suggests (a speaker when it has a reporting
 * word, a hedge when it has a hedge word), and the id the server derives from a new name.
 */

export interface HedgeCues {
  id: string;
  cues: readonly string[];
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const containsWord = (text: string, word: string) => new RegExp(`\\b${escape(word)}\\b`, 'i').test(text);

export interface VoiceSuggestion {
  /** The reporting word found, when the passage reports someone's words. */
  reportingCue: string | null;
  /** The hedge whose word the passage contains. */
  hedge: { id: string; cue: string } | null;
}

export function suggestVoice(
  passage: string,
  hedges: readonly HedgeCues[],
  reportingCues: readonly string[],
): VoiceSuggestion {
  const reportingCue = reportingCues.find((cue) => containsWord(passage, cue)) ?? null;
  for (const hedge of hedges) {
    const cue = hedge.cues.find((word) => containsWord(passage, word));
    if (cue) return { reportingCue, hedge: { id: hedge.id, cue } };
  }
  return { reportingCue, hedge: null };
}

/** The id the server makes from a name when none is given ("Harbour Council" → "harbour-council"). */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
