import { comboboxKeyAction, type ComboboxKeyState } from '../../client/src/core/search';

/** The box after typing "tal": the list open with eight options, none highlighted, results in. */
const typed: ComboboxKeyState = { open: true, editing: true, typed: 'tal', active: -1, hitCount: 8, settled: true };

describe('the entity search box', () => {
  it('a first Escape closes the list and keeps the text; a second clears it', () => {
    expect(comboboxKeyAction('Escape', typed)).toEqual({ kind: 'close' });
    expect(comboboxKeyAction('Escape', { ...typed, open: false })).toEqual({ kind: 'clear' });
    // Nothing typed and nothing open: the key is left to the browser.
    expect(comboboxKeyAction('Escape', { ...typed, open: false, editing: false, typed: '' })).toEqual({
      kind: 'none',
    });
  });

  it('Enter chooses the option highlighted with the arrows, even while a newer search is in flight', () => {
    expect(comboboxKeyAction('Enter', { ...typed, active: 2 })).toEqual({ kind: 'choose', index: 2 });
    expect(comboboxKeyAction('Enter', { ...typed, active: 2, settled: false })).toEqual({ kind: 'choose', index: 2 });
  });

  it('Enter with nothing highlighted takes the best match: the first option once results are in, else asks', () => {
    expect(comboboxKeyAction('Enter', typed)).toEqual({ kind: 'choose', index: 0 });
    expect(comboboxKeyAction('Enter', { ...typed, settled: false })).toEqual({ kind: 'choose-best-match' });
    expect(comboboxKeyAction('Enter', { ...typed, open: false })).toEqual({ kind: 'choose-best-match' });
    expect(comboboxKeyAction('Enter', { ...typed, typed: '' })).toEqual({ kind: 'none' });
  });

  it('arrows move through the options and stop at their ends', () => {
    expect(comboboxKeyAction('ArrowDown', typed)).toEqual({ kind: 'highlight', index: 0 });
    expect(comboboxKeyAction('ArrowDown', { ...typed, active: 7 })).toEqual({ kind: 'highlight', index: 7 });
    expect(comboboxKeyAction('ArrowUp', { ...typed, active: 0 })).toEqual({ kind: 'highlight', index: -1 });
    expect(comboboxKeyAction('ArrowUp', typed)).toEqual({ kind: 'highlight', index: -1 });
    expect(comboboxKeyAction('a', typed)).toEqual({ kind: 'none' });
  });
});
