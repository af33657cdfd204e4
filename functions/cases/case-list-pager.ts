import { decodeCursor, encodeCursor } from '../../shared/adapters/dynamodb/cursor.ts';
import type { CaseListSource } from '../../shared/domain/cases/case-listing.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { listingPosition as caseSortKey } from '../../shared/domain/workflow/listing-position.ts';
import type { CaseListQuery } from '../../shared/ports/case-store.ts';
import type { Page } from '../../shared/ports/workflow-store.ts';

type Lister = (query: CaseListQuery) => Promise<Page<CaseRecord>>;

/** Sort keys start with an ISO instant, so '0' and '9' bound every one of them. */
const LOWEST = '0';
const HIGHEST = '9';

/** Items read per request before answering with a short page and a cursor (bounds the work). */
const MAX_EXAMINED = 1000;

/** The largest batch a reader asks for. */
const MAX_BATCH = 100;

/**
 * Reads one partition newest first, strictly below `before`, lazily, a batch at a time: the first
 * batch is one page and one item (the item says whether a cursor is due), each later one twice the
 * one before, for when the filters applied here skip many.
 */
class PartitionReader {
  #buffer: CaseRecord[] = [];
  #cursor: string | undefined;
  #done = false;
  readonly #list: Lister;
  readonly #query: Omit<CaseListQuery, 'limit'>;
  readonly #before: string;
  #batch: number;

  constructor(list: Lister, source: CaseListSource, range: [string, string], before: string, batch: number) {
    this.#list = list;
    this.#before = before;
    this.#batch = batch;
    this.#query = { source, between: range, newestFirst: true };
  }

  async peek(): Promise<CaseRecord | undefined> {
    while (this.#buffer.length === 0 && !this.#done) {
      const page = await this.#list({
        ...this.#query,
        limit: this.#batch,
        ...(this.#cursor === undefined ? {} : { cursor: this.#cursor }),
      });
      this.#batch = Math.min(MAX_BATCH, this.#batch * 2);
      this.#buffer = page.items.filter((item) => caseSortKey(item) < this.#before);
      this.#cursor = page.cursor;
      this.#done = page.cursor === undefined;
    }
    return this.#buffer[0];
  }

  take(): void {
    this.#buffer.shift();
  }
}

export interface MergedPageRequest {
  /** The store's `list`. */
  list: Lister;
  sources: CaseListSource[];
  /** Submitted at or after / before (ISO instants). */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
  keep: (record: CaseRecord) => boolean;
}

/**
 * One page of cases from several partitions merged newest first, each case once, filtered by
 * `keep`. The cursor is the sort key of the last case examined: every partition holds its cases
 * under the same sort key, so "everything below it" is the rest in all of them at once. A page may
 * be shorter than `limit` (even empty) and still carry a cursor when the filter skipped many cases;
 * the end is reached when no cursor is returned.
 */
export const mergedCasePage = async (request: MergedPageRequest): Promise<Page<CaseRecord>> => {
  const before = boundaryOf(request.cursor);
  const upper = request.to ?? HIGHEST;
  const range: [string, string] = [
    request.from ?? LOWEST,
    before !== undefined && before < upper ? before : upper,
  ];
  // DynamoDB refuses BETWEEN with the bounds reversed; such a range simply holds nothing.
  if (range[0] > range[1]) return { items: [] };
  const batch = Math.min(MAX_BATCH, request.limit + 1);
  return read(request, range, before ?? HIGHEST, batch);
};

const read = async (
  request: MergedPageRequest,
  range: [string, string],
  before: string,
  batch: number,
): Promise<Page<CaseRecord>> => {
  const readers = request.sources.map((s) => new PartitionReader(request.list, s, range, before, batch));
  const items: CaseRecord[] = [];
  let last: string | undefined;
  let examined = 0;
  for (;;) {
    const next = await nextCase(readers);
    if (next === undefined) return { items };
    last = next.sortKey;
    examined++;
    if (request.keep(next.record)) items.push(next.record);
    if (items.length === request.limit || examined >= MAX_EXAMINED) {
      const more = (await Promise.all(readers.map((reader) => reader.peek()))).some(Boolean);
      return more ? { items, cursor: encodeCursor({ before: last }) as string } : { items };
    }
  }
};

/** The newest case at the head of any reader, taken from every reader that holds it (no repeats). */
const nextCase = async (
  readers: PartitionReader[],
): Promise<{ record: CaseRecord; sortKey: string } | undefined> => {
  const heads = await Promise.all(readers.map((reader) => reader.peek()));
  let newest: CaseRecord | undefined;
  for (const head of heads) {
    if (head && (newest === undefined || caseSortKey(head) > caseSortKey(newest))) newest = head;
  }
  if (newest === undefined) return undefined;
  const sortKey = caseSortKey(newest);
  heads.forEach((head, i) => {
    if (head && caseSortKey(head) === sortKey) readers[i]?.take();
  });
  return { record: newest, sortKey };
};

/** The sort key a page ended before: the cursor holds only that string (a sort key of the list). */
const boundaryOf = (cursor: string | undefined): string | undefined =>
  decodeCursor(cursor, { before: 'any' })?.before;
