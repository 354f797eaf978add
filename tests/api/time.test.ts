import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const RELATION_IDS = `query ($during: TimeRange!) {
  relations(filter: { during: $during }, first: 500) { totalCount edges { node { id span { first last inherited } } } }
}`;

async function relationIdsDuring(during: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await api.query(RELATION_IDS, { during });
  expect(errors).toBeUndefined();
  expect(data.relations.edges).toHaveLength(data.relations.totalCount);
  return data.relations.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

describe('time in the API', () => {
  it('Relation.time: Hafiz Saeed Khan led ISIS-K from 2015 until July 2016, inferred, with its quotes', async () => {
    const { data, errors } = await api.query(`{
      relation(id: "hafiz-saeed-khan--leader_of--isis-k") {
        time { at start end precision first last inferred note citations { quote source { id } } }
        span { first last inherited }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.relation.time).toEqual([
      expect.objectContaining({ at: null, start: '2015', end: '2016-07', precision: 'YEAR', inferred: true }),
    ]);
    expect(data.relation.time[0].citations.map((c: { quote: string }) => c.quote)).toContain(
      'Khan was killed in a U.S. airstrike in July 2016',
    );
    expect(data.relation.span).toEqual({ first: '2015-01-01', last: '2016-07-31', inherited: false });
  });

  it('Entity.time keeps disagreeing dates: ISIS-K from November 2014 and from January 2015', async () => {
    const { data } = await api.query(`{ entity(id: "isis-k") { time { start relative } span { first last } } }`);
    const starts = data.entity.time.map((t: { start: string }) => t.start);
    expect(starts).toEqual(expect.arrayContaining(['2014-11', '2015-01']));
    expect(data.entity.span).toEqual({ first: '2014-01-01', last: null });
  });

  it('Source.publishedEvidence: the article written "today" is dated 26 August 2021, inferred, with a note', async () => {
    const { data } = await api.query(`{
      source(id: "who-is-isis-k-khorasan-province") { published publishedEvidence { inferred note citations { quote } } }
    }`);
    expect(data.source.published).toBe('2021-08-26');
    expect(data.source.publishedEvidence.inferred).toBe(true);
    expect(data.source.publishedEvidence.note).toMatch(/today/);
  });

  it('during 2015–2016: Hafiz Saeed Khan leads ISIS-K and the 2021 airport attack is out', async () => {
    const ids = await relationIdsDuring({ from: '2015', to: '2016' });
    expect(ids).toContain('hafiz-saeed-khan--leader_of--isis-k');
    expect(ids).toContain('united-states--killed--hafiz-saeed-khan');
    expect(ids.filter((id) => id.includes('kabul-airport-attack-2021'))).toEqual([]);
    // Undated relations are neither in nor out: left out unless asked for.
    const withUndated = await relationIdsDuring({ from: '2015', to: '2016', includeUndated: true });
    const { data } = await api.query(`{ timeline { undatedRelations } }`);
    expect(withUndated.length).toBe(ids.length + data.timeline.undatedRelations);
  });

  it('during August 2021: the takeover of Kabul, the airport attack and the evacuation', async () => {
    const ids = await relationIdsDuring({ from: '2021-08', to: '2021-08' });
    expect(ids).toContain('taliban--carried_out--taliban-takeover-of-kabul-2021');
    expect(ids).toContain('isis-k--carried_out--kabul-airport-attack-2021');
    expect(ids).toContain('western-forces--carried_out--kabul-evacuation-2021');
    expect(ids).not.toContain('hafiz-saeed-khan--leader_of--isis-k');
    expect(ids).not.toContain('isis-k--carried_out--kabul-maternity-hospital-attack-2020');
  });

  it('the range filter agrees with each relation span, for a page walk as for one page', async () => {
    const ids = await relationIdsDuring({ from: '2020-05', to: '2020-11-30' });
    for (const id of ids) {
      const span = api.index.time.relationSpan(id)!;
      expect(span.first === null || span.first <= '2020-11-30').toBe(true);
      expect(span.last === null || span.last >= '2020-05-01').toBe(true);
    }
    let inRange = 0;
    for (const span of api.index.relationIds.map((id) => api.index.time.relationSpan(id))) {
      if (
        span &&
        (span.first === null || span.first <= '2020-11-30') &&
        (span.last === null || span.last >= '2020-05-01')
      )
        inRange++;
    }
    expect(ids).toHaveLength(inRange);
  });

  it('Query.timeline counts per month and lists dated events in order with their quotes, paged', async () => {
    const { data, errors } = await api.query(`{
      timeline(bucket: MONTH) {
        periods { period relations events } datedRelations undatedRelations
        events(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { entity { id } statement { at first citations { quote } } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const { periods, datedRelations, undatedRelations, events } = data.timeline;
    expect(datedRelations + undatedRelations).toBe(api.index.relationIds.length);
    expect(periods.reduce((sum: number, p: { relations: number }) => sum + p.relations, 0)).toBe(datedRelations);
    expect(periods.map((p: { period: string }) => p.period)).toEqual(
      [...periods.map((p: { period: string }) => p.period)].sort(),
    );
    expect(periods.find((p: { period: string }) => p.period === '2021-08').events).toBeGreaterThanOrEqual(4);
    expect(events.edges).toHaveLength(3);
    expect(events.pageInfo.hasNextPage).toBe(true);
    const next = await api.query(
      `query ($after: String) { timeline { events(first: 500, after: $after) { edges { node { statement { first last } } } } } }`,
      { after: events.pageInfo.endCursor },
    );
    const days = [...events.edges, ...next.data.timeline.events.edges].map(
      (edge: { node: { statement: { first: string | null; last: string } } }) =>
        edge.node.statement.first ?? edge.node.statement.last,
    );
    expect(days).toHaveLength(events.totalCount);
    expect(days).toEqual([...days].sort());
  });

  it('a malformed date in a range is a BAD_USER_INPUT naming the field', async () => {
    const { errors } = await api.query(`{ relations(filter: { during: { from: "August 2021" } }) { totalCount } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/not an ISO date/);
    const reversed = await api.query(
      `{ timeline(filter: { during: { from: "2021", to: "2015" } }) { datedRelations } }`,
    );
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
