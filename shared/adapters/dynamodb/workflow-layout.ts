/**
 * What the DynamoDB workflow adapter needs to know of one record kind (case-layout.ts,
 * suggestion-layout.ts): its key prefix, the index keys of its record item, and the items beside the
 * record that each change must write with it. Adapter-only: the port never sees a key.
 */

/** Secondary-index keys an item is listed under (gsi1, gsi2 of the workflow table). */
export interface IndexKeys {
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

/** An item written in the same transaction as a record's step (listing snapshot, pointer, marker). */
export interface SideItem {
  pk: string;
  sk: string;
  /** Written only if no item with this key exists yet; a clash fails the whole write with 409. */
  mustNotExist?: boolean;
  /**
   * A copy of the record for a list (it carries the record's `version`): when the step's items pass
   * DynamoDB's 100 per transaction, it may be written just after the transaction, on condition that
   * the copy stored is older (workflow-transaction.ts).
   */
  deferrable?: boolean;
  [attribute: string]: unknown;
}

export interface WorkflowLayout<R, T> {
  /** `CASE` or `SUGGESTION`: the record's pk is `{prefix}#{id}`. */
  prefix: 'CASE' | 'SUGGESTION';
  recordKeys(record: R): IndexKeys;
  /** The items a change from `before` (undefined: the record is born) to `next` writes beside it. */
  sideWrites(before: R | undefined, next: R, entry: T): SideItem[];
}

/** Key and bookkeeping attributes, never part of a record or entry handed back. */
export const KEY_ATTRIBUTES: ReadonlySet<string> = new Set([
  'pk',
  'sk',
  'kind',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'openpk',
  'opensk',
]);

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The item without its key attributes (and the names in `also`), in one copy and one pass: a list
 * page strips 20–100 items, and the entries-filter-fromEntries copy with a second copy for `also`
 * was 3 % of the serving thread's samples in the suggestions list's profile (docs/performance.md).
 */
export const stripKeys = <T>(item: Record<string, unknown>, also: ReadonlySet<string> = NO_NAMES): T => {
  const stripped: Record<string, unknown> = {};
  for (const name of Object.keys(item)) {
    if (KEY_ATTRIBUTES.has(name) || also.has(name)) continue;
    // An attribute named `__proto__` stays a property, as fromEntries made it, not a prototype.
    if (name === '__proto__') Object.defineProperty(stripped, name, { ...OWN, value: item[name] });
    else stripped[name] = item[name];
  }
  return stripped as T;
};

const OWN = { enumerable: true, writable: true, configurable: true } as const;
