/**
 * The graph being served, and its data version
 * =============================================
 *
 * Requests read the graph index through this holder, never a copy of it, so that a graph
 * swapped at run time (a reload, a curation step) is what the next request sees. The data
 * version is a hash of the graph's content (data/data-version.ts): anything derived from the
 * graph and kept between requests (the response cache) is keyed by it, and so never outlives
 * a change.
 */
import { dataVersion } from '../data/data-version';
import type { KnowledgeGraph } from '../data/model';
import { type GraphIndex, buildDeferredIndexes, buildGraphIndex, storedGroupedLists } from '../graph/indexes';
import { prepareOverview, storedRanking } from '../graph/overview';
import { type OverviewSize, prepareOverviewLayouts } from '../graph/overview-layout';
import { ARGUMENT_LIMITS } from './limits';

export { dataVersion };

/** What the server derives from a graph and a snapshot keeps: the longest parts of indexing it. */
interface Derived {
  groupedLists: unknown;
  overviewRanking: Uint32Array;
}

export class ServedGraph {
  #index: GraphIndex;
  #version: string;
  #firstOverview: OverviewSize | null = null;

  /**
   * `version`: the graph's dataVersion when the caller has it already (a snapshot keeps it);
   * `derived`: what `derived()` gave for the same graph, read back from a snapshot.
   */
  constructor(knowledgeGraph: KnowledgeGraph, version?: string, derived?: unknown) {
    const { groupedLists, overviewRanking } = (derived ?? {}) as Partial<Record<keyof Derived, unknown>>;
    this.#index = buildGraphIndex(knowledgeGraph, groupedLists);
    prepareOverview(this.#index, overviewRanking);
    this.#version = version ?? dataVersion(knowledgeGraph);
  }

  get index(): GraphIndex {
    return this.#index;
  }

  /** What a snapshot of the graph keeps, so that a restart indexes it faster (see the constructor). */
  derived(): Derived {
    return { groupedLists: storedGroupedLists(this.#index), overviewRanking: storedRanking(this.#index) };
  }

  /** A hash of the served data: equal graphs have equal versions. */
  get version(): string {
    return this.#version;
  }

  /**
   * Builds the indexes only searches read (indexes.ts): called once the server answers, so
   * that start-up does not wait for them. A search asked meanwhile awaits them.
   */
  buildDeferredIndexes(): Promise<void> {
    return buildDeferredIndexes(this.#index);
  }

  /**
   * Lays out, in worker threads, what the explorer asks first (graph/overview-layout.ts): the
   * overview of `firstOverview`'s size (the schema's default), and a graph small enough for the
   * largest overview whole (the explorer draws such a graph whole, asking for its layout so).
   * Called once the server answers, and again for each graph swapped in.
   */
  prepareLayouts(firstOverview: OverviewSize): Promise<void> {
    this.#firstOverview = firstOverview;
    const largest = {
      maxEntities: ARGUMENT_LIMITS.overviewEntities.max,
      maxRelations: ARGUMENT_LIMITS.overviewRelations.max,
    };
    const whole = this.#index.entityIds.length <= largest.maxEntities ? [largest] : [];
    return prepareOverviewLayouts(this.#index, [firstOverview, ...whole]);
  }

  /**
   * Serves another graph from the next request on (indexed before the swap, so no request
   * waits, but for a search asked in the seconds its indexes take to build). Settles when the
   * new graph's first overviews are laid out (at once when none was asked for yet); a failure
   * is logged, not thrown: the overview is then laid out when it is asked for.
   */
  replace(knowledgeGraph: KnowledgeGraph): Promise<void> {
    const index = buildGraphIndex(knowledgeGraph);
    prepareOverview(index);
    const version = dataVersion(knowledgeGraph);
    this.#index = index;
    this.#version = version;
    buildDeferredIndexes(index).catch((error: unknown) => console.error('Building the search indexes failed:', error));
    if (!this.#firstOverview) return Promise.resolve();
    return this.prepareLayouts(this.#firstOverview).catch((error: unknown) =>
      console.error('Laying out the overview failed:', error),
    );
  }
}
