import { attributionText } from '../../client/src/components/Attribution';

const source = { publisher: 'Daily Wire', title: 'A story' };

describe('the attribution line before a quote', () => {
  it('reads "<publisher>, quoting <speaker> (<affiliation>)"', () => {
    expect(
      attributionText({
        source,
        hedge: null,
        attributedTo: { name: 'Ann Expert', entity: { id: 'ann-expert' }, affiliation: { name: 'The Institute' } },
      }),
    ).toBe('Daily Wire, quoting Ann Expert (The Institute)');
  });

  it('names a described speaker as the article does, and falls back to the title without a publisher', () => {
    expect(
      attributionText({
        source: { publisher: null, title: 'A story' },
        hedge: null,
        attributedTo: { name: 'Officials', entity: null, affiliation: null },
      }),
    ).toBe('A story, quoting Officials');
  });

  it('is absent for the article’s own voice', () => {
    expect(attributionText({ source, hedge: null, attributedTo: null })).toBeNull();
  });
});
