import { pathCountSummary } from '../../client/src/core/paths';

describe("the path finder's count", () => {
  it('says how many of the counted paths are listed when the list was cut', () => {
    expect(pathCountSummary(10, { count: 18, exact: true })).toBe('10 of 18 paths');
  });

  it('says "at least" when a bound cut the count', () => {
    expect(pathCountSummary(10, { count: 1000, exact: false })).toBe('10 of at least 1000 paths');
  });

  it('gives the plain count when every path is listed', () => {
    expect(pathCountSummary(18, { count: 18, exact: true })).toBe('18 paths');
    expect(pathCountSummary(1, { count: 1, exact: true })).toBe('1 path');
  });
});
