import { invalidCursor } from '../../domain/invalid-cursor.ts';

/**
 * Pagination cursors are DynamoDB's LastEvaluatedKey, base64url-encoded JSON: opaque to clients.
 *
 * A cursor comes back from the client, so before it becomes an ExclusiveStartKey it is checked
 * against the Query it continues: exactly that query's key attributes, each a string DynamoDB will
 * accept, the partition the query reads and a sort key inside its key condition. DynamoDB refuses
 * anything else with a ValidationException (a 500 here), and a well-shaped key can only start the
 * same query somewhere inside the caller's own list — so the cursor needs no signature: forging one
 * reaches nothing that paging would not.
 */

/** What one key attribute of a start key must be. */
export type KeyRule =
  | { equals: string }
  | { beginsWith: string }
  | { between: readonly [string, string] }
  | { atLeast: string }
  | 'any';

/** The start key of one Query: attribute name → rule. Index queries also carry the table's pk and sk. */
export type StartKeyShape = Readonly<Record<string, KeyRule>>;

/** DynamoDB's limit on a sort key (a partition key may hold 2048 bytes; our keys are far shorter). */
const MAX_KEY_BYTES = 1024;
/** Far above any key this API issues; bounds the work of decoding what a client sends. */
const MAX_CURSOR_CHARS = 4096;

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key === undefined ? undefined : Buffer.from(JSON.stringify(key)).toString('base64url');

/** The start key a cursor stands for, checked against `shape`; undefined for no cursor. */
export const decodeCursor = (
  cursor: string | undefined,
  shape: StartKeyShape,
): Record<string, string> | undefined => {
  if (cursor === undefined || cursor === '') return undefined;
  if (cursor.length > MAX_CURSOR_CHARS || !/^[\w-]+$/.test(cursor)) throw invalidCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  return checkStartKey(key, shape);
};

/** A start key that came from outside (a cursor, or part of one), checked against `shape`. */
export const checkStartKey = (key: unknown, shape: StartKeyShape): Record<string, string> => {
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalidCursor();
  const entries = Object.entries(key);
  const names = Object.keys(shape);
  if (entries.length !== names.length) throw invalidCursor();
  for (const [name, value] of entries) {
    const rule = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (rule === undefined || !isKeyString(value) || !satisfies(value, rule)) throw invalidCursor();
  }
  return key as Record<string, string>;
};

const isKeyString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && Buffer.byteLength(value, 'utf8') <= MAX_KEY_BYTES;

/** DynamoDB orders strings by their UTF-8 bytes (not by UTF-16 units, as `<` does). */
const compare = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const satisfies = (value: string, rule: KeyRule): boolean => {
  if (rule === 'any') return true;
  if ('equals' in rule) return value === rule.equals;
  if ('beginsWith' in rule) return value.startsWith(rule.beginsWith);
  if ('atLeast' in rule) return compare(value, rule.atLeast) >= 0;
  return compare(value, rule.between[0]) >= 0 && compare(value, rule.between[1]) <= 0;
};
