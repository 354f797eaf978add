/**
 * Indexes built after the server is ready
 * =======================================
 *
 * The name search and the full-text index are most of the cost of indexing a large graph
 * (at 10^5 relations, seconds of the start-up), and only searches read them. They are built
 * once the server answers, in slices of about SLICE_MS between which the event loop answers
 * requests. A query that needs one awaits it: it is answered a little later during the first
 * seconds, never wrongly and never with an error.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of index building before requests get their turn, in milliseconds. */
export const SLICE_MS = 25;

export class DeferredIndex<T> {
  readonly #build: () => Promise<T>;
  #built: Promise<T> | undefined;

  constructor(build: () => Promise<T>) {
    this.#build = build;
  }

  /** The index, once built; the first call starts the build. */
  built(): Promise<T> {
    return (this.#built ??= this.#build());
  }
}

/**
 * Calls `step(0)` … `step(count - 1)`, letting the event loop run whenever SLICE_MS have
 * passed since it last did.
 */
export async function inSlices(count: number, step: (i: number) => void): Promise<void> {
  let sliceStarted = performance.now();
  for (let i = 0; i < count; i++) {
    step(i);
    // performance.now() is cheap, but not free: read it every 32 steps.
    if ((i & 31) === 31 && performance.now() - sliceStarted > SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
}

/**
 * An index that synchronous query code reads (a filter, a relation's span), built after the
 * server is ready like a DeferredIndex, but readable at any moment: `get()` finishes the build on
 * the spot when the slices have not. Its build is a generator that yields now and then (every
 * few hundred items): `built()` runs it in slices, `get()` runs what is left in one go. A reader
 * that comes before the slices end waits as long as the rest of the build takes, once, which is
 * what every start-up cost before these indexes were built after ready.
 */
export class GradualIndex<T> {
  readonly #steps: Iterator<unknown, T>;
  #done: { value: T } | undefined;

  constructor(build: () => Generator<unknown, T>) {
    this.#steps = build();
  }

  /** The index, built now if the slices have not finished it. */
  get(): T {
    while (!this.#done) this.#step();
    return this.#done.value;
  }

  /** Whether the build has finished (the slices, or a reader that could not wait). */
  get isBuilt(): boolean {
    return this.#done !== undefined;
  }

  /** The index, built in slices of about SLICE_MS between which requests are answered. */
  async built(): Promise<T> {
    let sliceStarted = performance.now();
    while (!this.#done) {
      this.#step();
      if (performance.now() - sliceStarted > SLICE_MS) {
        await nextTurn();
        sliceStarted = performance.now();
      }
    }
    return this.#done.value;
  }

  #step(): void {
    const step = this.#steps.next();
    if (step.done) this.#done = { value: step.value };
  }
}

/** How many items a GradualIndex's build handles between two yields. */
export const ITEMS_PER_STEP = 512;
