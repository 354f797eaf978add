/**
 * How far V8 lets the heap grow past what survived the last full collection.
 *
 * Left to itself V8 picks a growth factor of up to 4× for a small heap that allocates fast:
 * under a burst of requests the seed server's old space grew from 40 MB live to 150 MB
 * reserved, and its RSS to 1.6–1.8× what it was after warm-up, although nothing leaked
 * (`npm run fuzz`). A fixed 50% keeps the resident size near the live size at the price of
 * more frequent full collections, which the server's small live heap makes cheap.
 *
 * Set at run time, first thing in the entry module, so that every way of starting the server
 * (`npm start`, `npm run serve`, the tests and the fuzz and soak runs) gets the same heap
 * policy without a flag on each command line; V8 reads this flag at each collection.
 */
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
