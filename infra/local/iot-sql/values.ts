/**
 * IoT SQL values and the standard conversions between them, as the AWS IoT SQL reference's "Data
 * types" page tabulates them. A value is a parsed JSON value; JavaScript `undefined` is the SQL
 * `Undefined` (a missing attribute, or the result of an operation on the wrong types).
 *
 * Int versus Decimal: SQL version 2016-03-23 treats whole numbers (even `10.0`) as Int, which is
 * exactly what a JavaScript number that `Number.isInteger` can tell us after JSON.parse.
 */

export type SqlValue = unknown;

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: SqlValue): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isInt = (value: SqlValue): value is number =>
  typeof value === 'number' && Number.isInteger(value);

/** Strings AWS IoT converts to Decimal (reference: "Conversions", To Decimal). */
const DECIMAL_STRING = /^-?\d+(\.\d+)?(E-?\d+)?$/i;

export const toDecimal = (value: SqlValue): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && DECIMAL_STRING.test(value)) return finiteOrUndefined(Number(value));
  return undefined;
};

/** Decimals round to the nearest Int; numeric strings are truncated (reference: To Int). */
export const toInt = (value: SqlValue): number | undefined => {
  if (typeof value === 'number') return Math.round(value);
  const decimal = typeof value === 'string' ? toDecimal(value) : undefined;
  return decimal === undefined ? undefined : Math.trunc(decimal);
};

/** Booleans, and the strings "true"/"false" in any case; nothing else converts. */
export const toBoolean = (value: SqlValue): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
};

/** Null and Undefined have no string form; arrays and objects become their JSON. */
export const toSqlString = (value: SqlValue): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/** Results that JSON cannot carry (NaN, Infinity) are Undefined; -0 is written as 0. */
export const finiteOrUndefined = (value: number): number | undefined => {
  if (!Number.isFinite(value)) return undefined;
  return value === 0 ? 0 : value;
};

type SqlType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

const typeOf = (value: SqlValue): SqlType => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as SqlType;
};

/**
 * Structural equality of two defined values: arrays item by item in order, objects by keys and
 * values in any order, and values of different types are simply not equal.
 */
export const valuesEqual = (left: SqlValue, right: SqlValue): boolean => {
  const type = typeOf(left);
  if (type !== typeOf(right)) return false;
  if (type === 'array') return arraysEqual(left as unknown[], right as unknown[]);
  if (type === 'object') return objectsEqual(left as JsonObject, right as JsonObject);
  return left === right;
};

const arraysEqual = (left: readonly unknown[], right: readonly unknown[]): boolean =>
  left.length === right.length && left.every((item, index) => valuesEqual(item, right[index]));

const objectsEqual = (left: JsonObject, right: JsonObject): boolean => {
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && valuesEqual(left[key], right[key]))
  );
};
