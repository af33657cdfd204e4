/**
 * Reads every page of a cursor listing up to `cap` items: queues sorted by deadline and CSV exports
 * need the whole set, not the API's newest-first page. A district's open cases fit well under the
 * cap; `truncated` says when they did not, and the page says so.
 */
export const loadAll = async <T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; cursor?: string | undefined }>,
  cap = 1000,
): Promise<{ items: T[]; truncated: boolean }> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.cursor;
  } while (cursor !== undefined && items.length < cap);
  return { items, truncated: cursor !== undefined };
};

/** Runs `work` over `inputs`, `width` at a time, keeping the order. */
export const mapLimited = async <I, O>(
  inputs: readonly I[],
  width: number,
  work: (input: I) => Promise<O>,
) => {
  const results: O[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as I);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, inputs.length) }, worker));
  return results;
};
