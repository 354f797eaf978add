/**
 * The shared behaviour of set filters (entity types, relation types, sources): a list in the
 * URL ("types=a,b", "types=" for none chosen), unknown values dropped with a word for the
 * user, at most LIST_ARGUMENT_MAX values for a searchable one (the API takes the list whole),
 * and "on" whenever a list is chosen.
 */
import type { GraphData } from '../graph-data';
import { LIST_ARGUMENT_MAX } from '../list-bound';
import type { Cleaned, SetFilterDefinition } from './definition';

type SetFilterSpec<Id extends string> = Omit<
  SetFilterDefinition<Id>,
  'kind' | 'defaultValue' | 'isActive' | 'read' | 'write' | 'clean'
> & {
  /** The query-string name. */
  param: string;
  /** The ids the loaded graph has, for cleaning links; null while they are not all in yet. */
  known(data: GraphData): readonly string[] | null;
};

export function setFilter<const Id extends string>(spec: SetFilterSpec<Id>): SetFilterDefinition<Id> {
  const { param, known, ...definition } = spec;
  return {
    ...definition,
    kind: 'set',
    defaultValue: null,
    isActive: (value) => value !== null,
    read(params) {
      const raw = params.get(param);
      if (raw === null) return null;
      return raw === '' ? [] : raw.split(',').filter((value) => value !== '');
    },
    write: (value) => (value === null ? [] : [[param, value.map(encodeURIComponent).join(',')]]),
    clean(value, data) {
      const ids = known(data);
      const cleaned = value === null || ids === null ? { value, problems: [] } : withoutUnknown(param, value, ids);
      const chosen = cleaned.value;
      // A searchable filter's choice only grows by what is checked, and is held to the bound as
      // it grows (toggleChosenValue); a list filter's is the vocabulary less what is unchecked,
      // which the API takes whole however many types the vocabulary has (schema.graphql).
      return chosen === null || !definition.searchable ? cleaned : withinListBound(param, chosen, cleaned.problems);
    },
  };
}

/** The chosen values the graph has, and a word on those it does not. */
function withoutUnknown(param: string, value: string[], ids: readonly string[]): Cleaned<string[] | null> {
  const knownValues = new Set(ids);
  const unknown = value.filter((item) => !knownValues.has(item));
  if (unknown.length === 0) return { value, problems: [] };
  const kept = value.filter((item) => knownValues.has(item));
  // A filter whose every value is unknown would hide everything: drop it (no restriction)
  // rather than show an empty graph. An empty list ("none chosen") was asked for and stays.
  if (kept.length === 0) {
    return {
      value: null,
      problems: [
        `The link's "${param}" filter names only unknown values (${unknown.join(', ')}), which would hide everything; the filter was dropped.`,
      ],
    };
  }
  return {
    value: kept,
    problems: [`The link's "${param}" filter names unknown values (${unknown.join(', ')}); they were ignored.`],
  };
}

/** The first LIST_ARGUMENT_MAX chosen values, and a word when a link named more. */
function withinListBound(param: string, value: string[], problems: string[]): Cleaned<string[]> {
  if (value.length <= LIST_ARGUMENT_MAX) return { value, problems };
  return {
    value: value.slice(0, LIST_ARGUMENT_MAX),
    problems: [
      ...problems,
      `The link's "${param}" filter names ${value.length} values, and at most ${LIST_ARGUMENT_MAX} can be chosen at once; the first ${LIST_ARGUMENT_MAX} were kept.`,
    ],
  };
}

/** True when a set filter's value lets this value through. */
export const allows = (chosen: readonly string[], value: string): boolean => chosen.includes(value);

/** True when a set filter's value lets one of these values through. */
export const allowsAny = (chosen: readonly string[], values: readonly string[]): boolean =>
  values.some((value) => chosen.includes(value));
