import {
  optionsMatching,
  computeVisibility,
  DEFAULT_FILTERS,
  FILTERS,
  filterOptions,
  isChoiceFull,
  isFiltered,
  onlyFilterValue,
  sourceSupportScope,
  resetFilters,
  setMinSources,
  toggleChosenValue,
  toggleFilterValue,
  toRelationFilter,
  type AnyFilter,
  type FilterState,
} from '../../client/src/core/filters';
import { LIST_ARGUMENT_MAX } from '../../client/src/core/list-bound';
import { fixtureGraph, supportedByFixtureSources } from './fixtures';

const data = fixtureGraph();
const types = data.entityTypes.map((type) => type.id);
const sorted = (set: Set<string>) => [...set].sort();

describe('filter producers', () => {
  it('unchecking a type keeps all the others, and checking it again lifts the restriction', () => {
    const without = toggleFilterValue('entityTypes', 'person', types)(DEFAULT_FILTERS);
    expect(without.entityTypes).toEqual(['organization', 'place']);
    expect(toggleFilterValue('entityTypes', 'person', types)(without).entityTypes).toBeNull();
  });

  it('"only" keeps one value, and unchecking the last leaves an empty choice (nothing shown), not "all"', () => {
    const only = onlyFilterValue('sources', 'bbc', ['bbc', 'other'])(DEFAULT_FILTERS);
    expect(only.sources).toEqual(['bbc']);
    expect(toggleFilterValue('sources', 'bbc', ['bbc', 'other'])(only).sources).toEqual([]);
  });

  it('a searchable filter adds what is checked to the restriction, and drops it when the last is unchecked', () => {
    const one = toggleChosenValue('sources', 'bbc')(DEFAULT_FILTERS);
    expect(one.sources).toEqual(['bbc']);
    const two = toggleChosenValue('sources', 'other')(one);
    expect(two.sources).toEqual(['bbc', 'other']);
    expect(toggleChosenValue('sources', 'bbc')(two).sources).toEqual(['other']);
    expect(toggleChosenValue('sources', 'bbc')(one).sources).toBeNull();
    // An explicit "none chosen" (sources= in a link) takes a first choice like any other.
    expect(toggleChosenValue('sources', 'bbc')({ ...DEFAULT_FILTERS, sources: [] }).sources).toEqual(['bbc']);
  });

  it('a searchable filter takes no more than the API takes in one list, and still lets one go when full', () => {
    const hundred = Array.from({ length: LIST_ARGUMENT_MAX }, (_, index) => `s${index}`);
    const full = { ...DEFAULT_FILTERS, sources: hundred };
    expect(isChoiceFull(full.sources)).toBe(true);
    expect(isChoiceFull(hundred.slice(1))).toBe(false);
    expect(isChoiceFull(null)).toBe(false);
    expect(toggleChosenValue('sources', 'one-more')(full)).toBe(full);
    expect(toggleChosenValue('sources', 's0')(full).sources).toEqual(hundred.slice(1));
    // "Only" replaces the choice, full or not.
    expect(onlyFilterValue('sources', 'one-more', [...hundred, 'one-more'])(full).sources).toEqual(['one-more']);
  });

  it('own voice and unhedged each keep what passes them, and together only what one citation passes both', () => {
    const plain = data.relations[0]!;
    const relations = [
      { ...plain, id: 'own-hedged', ownVoice: true, unhedged: false, statedPlainly: false },
      { ...plain, id: 'quoted-unhedged', ownVoice: false, unhedged: true, statedPlainly: false },
      // One citation in its own voice but hedged, another quoted but unhedged: neither is plain.
      { ...plain, id: 'split', ownVoice: true, unhedged: true, statedPlainly: false },
      { ...plain, id: 'plain', ownVoice: true, unhedged: true, statedPlainly: true },
    ];
    const graph = { ...data, relations, relationById: new Map(relations.map((r) => [r.id, r])) };
    const kept = (filters: Partial<FilterState>) =>
      [...computeVisibility(graph, { ...DEFAULT_FILTERS, ...filters }).relations].sort();
    expect(kept({ ownVoice: true })).toEqual(['own-hedged', 'plain', 'split']);
    expect(kept({ unhedged: true })).toEqual(['plain', 'quoted-unhedged', 'split']);
    expect(kept({ ownVoice: true, unhedged: true })).toEqual(['plain']);
    expect(toRelationFilter({ ...DEFAULT_FILTERS, ownVoice: true, unhedged: true })).toEqual({
      ownVoice: true,
      unhedged: true,
    });
  });

  it('producers do not modify the state they are given', () => {
    const state: FilterState = { ...DEFAULT_FILTERS };
    const frozen = Object.freeze(state);
    setMinSources(3)(frozen);
    toggleFilterValue('relationTypes', 'enemy_of', ['enemy_of', 'funds'])(frozen);
    expect(frozen).toEqual(DEFAULT_FILTERS);
  });

  it('the minimum of supporting sources is a whole number of at least 1', () => {
    expect(setMinSources(0)(DEFAULT_FILTERS).minSources).toBe(1);
    expect(setMinSources(2.7)(DEFAULT_FILTERS).minSources).toBe(2);
    expect(isFiltered(setMinSources(2)(DEFAULT_FILTERS))).toBe(true);
    expect(isFiltered(resetFilters()(setMinSources(2)(DEFAULT_FILTERS)))).toBe(false);
  });
});

describe('visibility', () => {
  it('without filters everything is visible', () => {
    const visible = computeVisibility(data, DEFAULT_FILTERS);
    expect(visible.entities.size).toBe(5);
    expect(visible.relations.size).toBe(5);
  });

  it('a source filter keeps what that source supports: relations by their sources, entities by the API’s answer', () => {
    const filters = { ...DEFAULT_FILTERS, sources: ['bbc'] };
    const relationsOnly = computeVisibility(data, filters);
    expect(sorted(relationsOnly.relations)).toEqual(['r-enemy', 'r-fought', 'r-operates']);
    // The loaded graph does not know which sources support an entity: until the answer, every entity stays.
    expect(relationsOnly.entities.size).toBe(5);
    const visible = computeVisibility(data, filters, sourceSupportScope(data, supportedByFixtureSources(['bbc'])));
    expect(sorted(visible.entities)).toEqual(['isis-k', 'nangarhar', 'taliban']);
    expect(sorted(visible.relations)).toEqual(['r-enemy', 'r-fought', 'r-operates']);
  });

  it('a relation is hidden when one of its entities is', () => {
    const visible = computeVisibility(data, { ...DEFAULT_FILTERS, entityTypes: ['organization', 'place'] });
    expect(visible.entities.has('leader')).toBe(false);
    expect(visible.relations.has('r-leader')).toBe(false);
    expect(visible.relations.has('r-enemy')).toBe(true);
  });

  it('"at least 2 sources" keeps only corroborated relations; hiding unconnected entities then drops the rest', () => {
    const corroborated = computeVisibility(data, { ...DEFAULT_FILTERS, minSources: 2 });
    expect(sorted(corroborated.relations)).toEqual(['r-enemy']);
    expect(corroborated.entities.size).toBe(5);
    const connected = computeVisibility(data, { ...DEFAULT_FILTERS, minSources: 2, hideIsolated: true });
    expect(sorted(connected.entities)).toEqual(['isis-k', 'taliban']);
  });

  it('a relation-type filter keeps only those types', () => {
    const visible = computeVisibility(data, { ...DEFAULT_FILTERS, relationTypes: ['leader_of'] });
    expect(sorted(visible.relations)).toEqual(['r-leader']);
  });

  it('a focus scope limits both entities and relations', () => {
    const scope = { entities: new Set(['isis-k', 'taliban']), relations: new Set(['r-enemy']) };
    const visible = computeVisibility(data, DEFAULT_FILTERS, scope);
    expect(sorted(visible.entities)).toEqual(['isis-k', 'taliban']);
    expect(sorted(visible.relations)).toEqual(['r-enemy']);
  });
});

// The definitions with their values erased, as the client's own loops read them.
const everyFilter: readonly AnyFilter[] = FILTERS;
const valueIn = (state: FilterState, filter: AnyFilter): unknown => (state as Record<string, unknown>)[filter.id];

describe('filter definitions', () => {
  it('each filter at its default is off, writes nothing to the URL and asks the API nothing', () => {
    for (const filter of everyFilter) {
      const value = valueIn(DEFAULT_FILTERS, filter);
      expect([filter.id, filter.isActive(value)]).toEqual([filter.id, false]);
      expect([filter.id, filter.write(value)]).toEqual([filter.id, []]);
    }
    expect(toRelationFilter(DEFAULT_FILTERS)).toEqual({});
  });

  it('each filter reads back what it writes', () => {
    const busy: FilterState = {
      entityTypes: ['person'],
      relationTypes: [],
      sources: ['bbc', 'other'],
      minSources: 2,
      ownVoice: true,
      unhedged: true,
      during: { from: '2015', to: '2016-07', includeUndated: true },
      hideIsolated: true,
    };
    const written = everyFilter.flatMap((filter) => filter.write(valueIn(busy, filter)));
    const params = new URLSearchParams(written.map(([name, value]) => `${name}=${value}`).join('&'));
    for (const filter of everyFilter) {
      expect([filter.id, filter.read(params)]).toEqual([filter.id, valueIn(busy, filter)]);
    }
  });
});

describe('set filters from a link', () => {
  const sourcesFilter = FILTERS.find((filter) => filter.id === 'sources')!;
  const known = Array.from({ length: 150 }, (_, index) => `s${index}`);
  const withSources = { ...data, sources: known.map((id) => ({ ...data.sources[0]!, id })), sourcesComplete: true };

  it('keeps the first values the API takes in one list, and says how many the link named', () => {
    const named = known.slice(0, LIST_ARGUMENT_MAX + 1);
    const cleaned = sourcesFilter.clean(named, withSources);
    expect(cleaned.value).toEqual(named.slice(0, LIST_ARGUMENT_MAX));
    expect(cleaned.problems).toEqual([
      `The link's "sources" filter names ${LIST_ARGUMENT_MAX + 1} values, and at most ${LIST_ARGUMENT_MAX} can be chosen at once; the first ${LIST_ARGUMENT_MAX} were kept.`,
    ]);
    // Before every source is in, the bound still holds (unknown values cannot be judged yet).
    expect(sourcesFilter.clean(named, { ...withSources, sourcesComplete: false }).value).toHaveLength(
      LIST_ARGUMENT_MAX,
    );
  });

  it('leaves a list filter (the vocabulary less what is unchecked) as the link names it', () => {
    const typesFilter = FILTERS.find((filter) => filter.id === 'relationTypes')!;
    const vocabulary = Array.from({ length: 150 }, (_, index) => ({ ...data.relationTypes[0]!, id: `t${index}` }));
    const named = vocabulary.slice(1).map((type) => type.id);
    expect(typesFilter.clean(named, { ...data, relationTypes: vocabulary })).toEqual({ value: named, problems: [] });
  });

  it('drops unknown values before bounding, so that known ones are not crowded out', () => {
    const named = [
      ...Array.from({ length: 30 }, (_, index) => `unknown${index}`),
      ...known.slice(0, LIST_ARGUMENT_MAX),
    ];
    const cleaned = sourcesFilter.clean(named, withSources);
    expect(cleaned.value).toEqual(known.slice(0, LIST_ARGUMENT_MAX));
    expect(cleaned.problems).toHaveLength(1);
    expect(cleaned.problems[0]).toContain('unknown0');
  });
});

describe('filters as the API understands them', () => {
  it('only restrictions are sent', () => {
    expect(toRelationFilter(DEFAULT_FILTERS)).toEqual({});
    expect(toRelationFilter({ ...DEFAULT_FILTERS, sources: ['bbc'], minSources: 2, entityTypes: ['person'] })).toEqual({
      sources: ['bbc'],
      minSources: 2,
      entityTypes: ['person'],
    });
  });

  it('options come from the loaded graph, with counts; unused relation types are left out', () => {
    expect(filterOptions('sources', data).map((option) => [option.label, option.count])).toEqual([
      ['BBC', 3],
      ['Who are ISIS-K?', 3],
    ]);
    expect(filterOptions('relationTypes', data).map((option) => option.value)).not.toContain('funds');
  });
});

describe('finding a set filter’s option by name', () => {
  const options = [
    { value: 'state-actor', label: 'État' },
    { value: 'person', label: 'Person' },
    { value: 'added-type-5', label: 'Added type 5' },
    { value: 'added-type-50', label: 'Added type 50' },
  ];

  it('keeps the options whose label or id holds the text, case and accents set aside', () => {
    expect(optionsMatching(options, 'TYPE 5').map((option) => option.value)).toEqual(['added-type-5', 'added-type-50']);
    expect(optionsMatching(options, 'etat').map((option) => option.value)).toEqual(['state-actor']);
    expect(optionsMatching(options, 'state-').map((option) => option.value)).toEqual(['state-actor']);
    expect(optionsMatching(options, 'nothing like it')).toEqual([]);
  });

  it('keeps every option for a blank text', () => {
    expect(optionsMatching(options, '  ')).toEqual(options);
  });
});
