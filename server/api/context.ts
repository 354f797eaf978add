/**
 * What every resolver receives: the graph index, built once at start-up and shared by all
 * requests (it is never written after it is built).
 */
import type { GraphIndex } from '../graph/indexes';

export interface ApiContext {
  index: GraphIndex;
}
