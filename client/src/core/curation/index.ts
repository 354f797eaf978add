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

export interface NamedEntity {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface EntityMention {
  start: number;
  end: number;
  entityId: string;
  /** The entity's name (the text may use an alias). */
  name: string;
}

/**
 * Every place a name or alias of a known entity occurs in `text` as whole words, exact case
 * (aliases list the spellings the sources use), longest name first where two overlap: the
 * suggestions a curator sees underlined in a new article. One regular expression of every
 * name, run once over the text: its cost grows with the text and the number of names.
 */
export function entityMentions(text: string, entities: readonly NamedEntity[]): EntityMention[] {
  const byName = new Map<string, NamedEntity>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases])
      if (name.length > 1 && !byName.has(name)) byName.set(name, entity);
  }
  if (byName.size === 0) return [];
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const mentions: EntityMention[] = [];
  for (const match of text.matchAll(pattern)) {
    const entity = byName.get(match[0])!;
    mentions.push({ start: match.index, end: match.index + match[0].length, entityId: entity.id, name: entity.name });
  }
  return mentions;
}
