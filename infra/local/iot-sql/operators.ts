/**
 * Operator semantics from the AWS IoT SQL reference ("Operators"). No operator throws: operands of
 * the wrong type give Undefined, and WHERE only matches on boolean `true`.
 */
import type { BinaryOperator } from './ast.ts';
import {
  finiteOrUndefined,
  isInt,
  type SqlValue,
  toBoolean,
  toDecimal,
  toSqlString,
  valuesEqual,
} from './values.ts';

export const applyNot = (operand: SqlValue): SqlValue => {
  const value = toBoolean(operand);
  return value === undefined ? undefined : !value;
};

export const applyNegate = (operand: SqlValue): SqlValue => {
  const value = toDecimal(operand);
  return value === undefined ? undefined : finiteOrUndefined(-value);
};

export const applyBinary = (operator: BinaryOperator, left: SqlValue, right: SqlValue): SqlValue => {
  switch (operator) {
    case 'AND':
      return logical(left, right, (a, b) => a && b);
    case 'OR':
      return logical(left, right, (a, b) => a || b);
    case '=':
      return equal(left, right);
    case '<>':
      return notEqual(left, right);
    case '<':
      return compare(left, right, (a, b) => a < b);
    case '<=':
      return compare(left, right, (a, b) => a <= b);
    case '>':
      return compare(left, right, (a, b) => a > b);
    case '>=':
      return compare(left, right, (a, b) => a >= b);
    case '+':
      return add(left, right);
    case '-':
      return arithmetic(left, right, (a, b) => a - b);
    case '*':
      return arithmetic(left, right, (a, b) => a * b);
    case '/':
      return divide(left, right);
    case '%':
      return remainder(left, right);
  }
};

/** Both operands must be booleans or "true"/"false" strings; anything else (Undefined too) gives Undefined. */
const logical = (left: SqlValue, right: SqlValue, combine: (a: boolean, b: boolean) => boolean): SqlValue => {
  const a = toBoolean(left);
  const b = toBoolean(right);
  return a === undefined || b === undefined ? undefined : combine(a, b);
};

/** Undefined on either side gives Undefined; values of different types are not equal (false). */
const equal = (left: SqlValue, right: SqlValue): SqlValue =>
  left === undefined || right === undefined ? undefined : valuesEqual(left, right);

/** The reference's `<>` table: Null <> Null is false, mismatched types are not equal (true). */
const notEqual = (left: SqlValue, right: SqlValue): SqlValue =>
  left === undefined || right === undefined ? undefined : !valuesEqual(left, right);

/** Ordering converts both sides to Decimal; a side that does not convert gives Undefined. */
const compare = (left: SqlValue, right: SqlValue, test: (a: number, b: number) => boolean): SqlValue => {
  const a = toDecimal(left);
  const b = toDecimal(right);
  return a === undefined || b === undefined ? undefined : test(a, b);
};

/** `+` concatenates when either side is a String (the other side converted to a string), else adds. */
const add = (left: SqlValue, right: SqlValue): SqlValue => {
  if (typeof left === 'string' || typeof right === 'string') {
    const a = toSqlString(left);
    const b = toSqlString(right);
    return a === undefined || b === undefined ? undefined : a + b;
  }
  if (typeof left === 'number' && typeof right === 'number') return finiteOrUndefined(left + right);
  return undefined;
};

/** `-` and `*`: numbers, or strings that convert to Decimal. */
const arithmetic = (left: SqlValue, right: SqlValue, apply: (a: number, b: number) => number): SqlValue => {
  const a = toDecimal(left);
  const b = toDecimal(right);
  return a === undefined || b === undefined ? undefined : finiteOrUndefined(apply(a, b));
};

/** Int / Int is an Int (truncated toward zero); anything else divides as Decimal. */
const divide = (left: SqlValue, right: SqlValue): SqlValue => {
  const integral = isInt(left) && isInt(right);
  return arithmetic(left, right, (a, b) => (integral ? Math.trunc(a / b) : a / b));
};

/** The remainder takes the sign of the dividend, as in Java and JavaScript. */
const remainder = (left: SqlValue, right: SqlValue): SqlValue => arithmetic(left, right, (a, b) => a % b);
