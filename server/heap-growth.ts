/**
 * How far V8 lets the heap grow past what survived the last full collection.
 *
 * Serving: left to itself V8 picks a growth factor of up to 4× for a small heap that allocates
 * fast: under a burst of requests the seed server's old space grew from 40 MB live to 150 MB
 * reserved, and its RSS to 1.6–1.8× what it was after warm-up, although nothing leaked
 * (`npm run fuzz`). A fixed 50% keeps the resident size near the live size at the price of
 * more frequent full collections, which a small live heap makes cheap.
 *
 * Start-up: loading a large graph is the opposite case: gigabytes that all stay live, where
 * each full collection marks everything allocated so far. At 10^6 relations a fixed 50% made
 * a dozen full collections, and a restart from the snapshot spent about as much CPU collecting
 * as building; so the start-up lets V8 choose (it grows the heap faster when collections are
 * slow), and the server switches to the serving policy once its start-up work is done.
 *
 * Set at run time, first thing in the entry module, so that every way of starting the server
 * (`npm start`, `npm run serve`, the tests and the fuzz and soak runs) gets the same heap
 * policy without a flag on each command line; V8 reads this flag at each collection.
 */
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;
/** V8's flag for "choose the factor yourself". */
const V8_CHOOSES = 0;

export type HeapPhase = 'start-up' | 'serving';

export function setHeapGrowth(phase: HeapPhase): void {
  v8.setFlagsFromString(`--heap-growing-percent=${phase === 'serving' ? HEAP_GROWING_PERCENT : V8_CHOOSES}`);
}

setHeapGrowth('serving');
