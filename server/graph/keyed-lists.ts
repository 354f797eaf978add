/**
 * Lists by key, made when first asked for
 * =======================================
 *
 * The index's lists per entity and per source (an entity's relations, a source's entities, …)
 * are kept as grouped positions (PositionGroups: one array of offsets, one of items), and a
 * key's list of values is made the first time it is asked for, then kept. Made all at
 * start-up, they were millions of references in hundreds of thousands of arrays at 10^6
 * relations: about half a second of every start and more of its garbage collection, for lists
 * most of which nobody asks for.
 *
 * Read like a map: `get` a key's list (undefined when the key has none), or iterate the keys
 * that have one, in key order. The keys are sorted (UTF-16 order), so a key's group is found by
 * binary search, without a map of its own.
 */
import { firstIndexAfter } from './pagination';

/** Items grouped by key, as positions: key k's items are items[offsets[k]] … items[offsets[k + 1] - 1]. */
export interface PositionGroups {
  offsets: Uint32Array;
  items: Int32Array;
}

/** What the index's lists by key offer: a Map's reading half, and counts without the lists. */
export interface KeyedLists<V> extends Iterable<[string, readonly V[]]> {
  get(key: string): readonly V[] | undefined;
  /** The length of the key's list (0 when it has none), without making the list. */
  countOf(key: string): number;
  values(): Iterable<readonly V[]>;
}

export class ListsByKey<V> implements KeyedLists<V> {
  readonly #keys: readonly string[];
  readonly #groups: PositionGroups;
  readonly #values: readonly V[];
  readonly #made = new Map<number, readonly V[]>();

  /** `keys`: sorted, one per group; `values`: what an item's position stands for. */
  constructor(keys: readonly string[], groups: PositionGroups, values: readonly V[]) {
    this.#keys = keys;
    this.#groups = groups;
    this.#values = values;
  }

  get(key: string): readonly V[] | undefined {
    const position = this.#positionOf(key);
    return position < 0 ? undefined : this.#list(position);
  }

  countOf(key: string): number {
    const position = this.#positionOf(key);
    return position < 0 ? 0 : this.#groups.offsets[position + 1]! - this.#groups.offsets[position]!;
  }

  *values(): Generator<readonly V[]> {
    for (const [, list] of this) yield list;
  }

  *[Symbol.iterator](): Generator<[string, readonly V[]]> {
    for (let position = 0; position < this.#keys.length; position++) {
      const list = this.#list(position);
      if (list) yield [this.#keys[position]!, list];
    }
  }

  /** The key's position in the sorted keys, or -1. */
  #positionOf(key: string): number {
    const position = firstIndexAfter(this.#keys, key) - 1;
    return position >= 0 && this.#keys[position] === key ? position : -1;
  }

  /** The key's list, or undefined when it has no items (such a key is not in the map). */
  #list(position: number): readonly V[] | undefined {
    let list = this.#made.get(position);
    if (!list) {
      const { offsets, items } = this.#groups;
      const [from, to] = [offsets[position]!, offsets[position + 1]!];
      if (from === to) return undefined;
      const made = new Array<V>(to - from);
      for (let i = from; i < to; i++) made[i - from] = this.#values[items[i]!]!;
      this.#made.set(position, (list = made));
    }
    return list;
  }
}
