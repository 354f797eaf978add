/**
 * The entity search box's keyboard, as data: what a key does given what the box shows,
 * following the ARIA combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/).
 * Pure, so it is tested without a browser; EntityCombobox carries the actions out.
 */

export interface ComboboxKeyState {
  /** The list is open (or will open once results arrive); aria-expanded follows it. */
  open: boolean;
  /** The user has typed since the last choice (Escape on a closed list has something to clear). */
  editing: boolean;
  /** What is typed, trimmed. */
  typed: string;
  /** The option highlighted with the arrows, -1 when none. */
  active: number;
  /** How many options the list shows (possibly those of an earlier text, while a search is in flight). */
  hitCount: number;
  /** The options shown answer what is typed: no search is in flight. */
  settled: boolean;
}

export type ComboboxKeyAction =
  /** Arrows: highlight this option (-1: none, back in the text) and open the list. */
  | { kind: 'highlight'; index: number }
  /** Enter: choose this shown option. */
  | { kind: 'choose'; index: number }
  /** Enter before the options answer what is typed: ask the API now and take its best match. */
  | { kind: 'choose-best-match' }
  /** First Escape: close the list, keep the text. */
  | { kind: 'close' }
  /** Second Escape (list closed): clear what was typed. */
  | { kind: 'clear' }
  /** Not ours: let the browser handle the key. */
  | { kind: 'none' };

export function comboboxKeyAction(key: string, state: ComboboxKeyState): ComboboxKeyAction {
  switch (key) {
    case 'ArrowDown':
      return { kind: 'highlight', index: Math.min(state.hitCount - 1, state.active + 1) };
    case 'ArrowUp':
      return { kind: 'highlight', index: Math.max(-1, state.active - 1) };
    case 'Enter':
      if (!state.typed) return { kind: 'none' };
      // An option the user highlighted is what they chose, even if a newer search is still running.
      if (state.open && state.active >= 0 && state.active < state.hitCount)
        return { kind: 'choose', index: state.active };
      if (state.open && state.settled && state.hitCount > 0) return { kind: 'choose', index: 0 };
      return { kind: 'choose-best-match' };
    case 'Escape':
      if (state.open) return { kind: 'close' };
      return state.editing ? { kind: 'clear' } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
