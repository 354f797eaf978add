/**
 * Questions about many ids, asked a batch at a time: a list argument holds at most
 * LIST_ARGUMENT_MAX values (the API's bound on every list argument, said in schema.graphql),
 * and a few requests at a time, so that thousands of ids neither wait on one request after
 * another nor flood the server.
 */
import { LIST_ARGUMENT_MAX } from '../core/list-bound';

const REQUESTS_AT_ONCE = 2;

/** `items` in lists of at most LIST_ARGUMENT_MAX, in order. */
export function inBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += LIST_ARGUMENT_MAX) {
    batches.push(items.slice(start, start + LIST_ARGUMENT_MAX));
  }
  return batches;
}

/** Runs `ask` for every batch, REQUESTS_AT_ONCE at a time; the first failure fails the whole. */
export async function askEach<B>(batches: readonly B[], ask: (batch: B) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await ask(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(REQUESTS_AT_ONCE, batches.length) }, worker));
}
