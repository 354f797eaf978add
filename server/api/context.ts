/**
 * What every resolver receives: the graph index of the data version current when the
 * request began (graph-store.ts; a change swapped in meanwhile is seen by the next request),
 * and, for curation, who is asking and the write path.
 */
import type { Curation } from '../curation/curation';
import type { GraphIndex } from '../graph/indexes';
import type { CuratorAccess } from './curator-session';

export interface ApiContext {
  index: GraphIndex;
  /** The data version `index` was built from. */
  dataVersion?: string;
  curator?: CuratorAccess;
  /** The write path; absent on a read-only server. */
  curation?: Curation | null;
}
