import { formatCount } from '../../client/src/core/counts';

describe('counts as the interface writes them', () => {
  it('group thousands as English does, for every size and sign', () => {
    const english = new Intl.NumberFormat('en', { maximumFractionDigits: 0, roundingMode: 'trunc' });
    for (const count of [0, 7, 42, 999, 1_000, 12_345, 100_000, 999_999, 1_000_000, 123_456_789, -5_000, 2 ** 31]) {
      expect(formatCount(count)).toBe(english.format(count));
    }
    expect(formatCount(50_000)).toBe('50,000');
  });
});
