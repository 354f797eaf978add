/**
 * At most `limit` calls of `work` in flight at once, results in the order of `items`.
 *
 * Reading thousands of source texts with one Promise.all opens every file at once and fails
 * with EMFILE ("too many open files") past the usual limit of 1,024 descriptors. Hand-written:
 * a dozen lines, where a dependency (p-limit) would be one more package to keep.
 */
export const FILE_READ_CONCURRENCY = 64;

export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, position: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const position = next++;
      results[position] = await work(items[position]!, position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
