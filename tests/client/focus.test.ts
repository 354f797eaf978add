import { neighbourhoodInView } from '../../client/src/core/focus';

describe('how much of a neighbourhood the view holds', () => {
  const loaded = new Map([
    ['a', {}],
    ['b', {}],
  ]);

  it('counts the entities the loaded graph holds, of all the neighbourhood names', () => {
    expect(neighbourhoodInView(new Set(['a', 'b', 'c', 'd']), loaded)).toEqual({ shown: 2, total: 4 });
    expect(neighbourhoodInView(new Set(['c']), loaded)).toEqual({ shown: 0, total: 1 });
  });

  it('is null when the view holds the whole neighbourhood (nothing to say)', () => {
    expect(neighbourhoodInView(new Set(['a', 'b']), loaded)).toBeNull();
    expect(neighbourhoodInView(new Set(), loaded)).toBeNull();
  });
});
