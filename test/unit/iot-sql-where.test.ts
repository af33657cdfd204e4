/**
 * WHERE and the operators, checked against the tables of the AWS IoT SQL reference ("Operators",
 * "Data types" → Conversions) for SQL version 2016-03-23.
 */
import { describe, expect, it } from 'vitest';
import { compileIotSql } from '../../infra/local/iot-sql/index.ts';

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const context = { topic: 'site/s1/meter/m1', clientId: 'c1', timestamp: 1_000 };

const matches = (where: string, payload: unknown): boolean =>
  compileIotSql(`SELECT * FROM 'site/#' WHERE ${where}`).evaluate(json(payload), context).matched;

/** The value of `expr` as the action would see it; `undefined` when the item is omitted (Undefined). */
const selected = (expr: string, payload: unknown = {}): unknown => {
  const outcome = compileIotSql(`SELECT ${expr} AS v FROM 'site/#'`).evaluate(json(payload), context);
  if (!outcome.matched) throw new Error('expected a match');
  return outcome.output.v;
};

describe('WHERE', () => {
  const reading = { temperature: 40, color: 'red', status: { online: true, battery: { level: 15 } } };

  it.each([
    ['temperature > 30', true],
    ['temperature > 50', false],
    ["temperature > 30 AND color = 'red'", true],
    ["temperature > 50 AND color = 'red'", false],
    ["temperature > 50 OR color = 'red'", true],
    ["temperature > 50 OR color <> 'red'", false],
    ['NOT temperature > 50', true],
    ["NOT (temperature > 30 AND color = 'red')", false],
    ['status.online = true', true],
    ['status.battery.level < 20', true],
    ['status.battery.level >= 20 OR (temperature <= 40 AND NOT status.online = false)', true],
    ["temperature > 50 AND color <> 'red' OR status.battery.level = 15", true],
    ["temperature > 50 AND (color <> 'red' OR status.battery.level = 15)", false],
    ["topic(3) = 'meter' AND clientid() = 'c1'", true],
  ])('%s → %s', (where, expected) => {
    expect(matches(where, reading)).toBe(expected);
  });

  it('binds AND tighter than OR and NOT looser than comparisons', () => {
    expect(matches('false AND false OR true', {})).toBe(true);
    expect(matches('true OR true AND false', {})).toBe(true);
    expect(matches('NOT false AND false', {})).toBe(false);
    expect(matches('NOT 1 = 2', {})).toBe(true);
  });

  it('does not match when the condition is Undefined, e.g. on a missing attribute', () => {
    expect(matches('missing > 5', reading)).toBe(false);
    expect(matches('NOT missing > 5', reading)).toBe(false);
    expect(matches('status.nothing.level < 20', reading)).toBe(false);
  });

  it('only matches on boolean true, not on other truthy values', () => {
    expect(matches('temperature', reading)).toBe(false);
    expect(matches("'yes'", reading)).toBe(false);
    expect(matches('status', reading)).toBe(false);
  });

  it('cannot see SELECT aliases: they are payload attributes there', () => {
    const rule = compileIotSql("SELECT temperature AS t FROM 'site/#' WHERE t > 0");
    expect(rule.evaluate(json({ temperature: 5 }), context).matched).toBe(false);
  });

  it('does not match on a type mismatch, and does not throw', () => {
    expect(matches("temperature = '40x'", reading)).toBe(false);
    expect(matches('color > 5', reading)).toBe(false);
    expect(matches('status = 1', reading)).toBe(false);
    expect(matches("temperature < 'abc'", reading)).toBe(false);
  });
});

describe('comparison operators', () => {
  it('gives Undefined for Undefined on either side', () => {
    expect(selected('missing = 1')).toBeUndefined();
    expect(selected('1 <> missing')).toBeUndefined();
    expect(selected('missing < 1')).toBeUndefined();
  });

  it('= is false and <> is true for values of different types', () => {
    expect(selected("1 = '1'")).toBe(false);
    expect(selected("1 <> '1'")).toBe(true);
    expect(selected("1 != '1'")).toBe(true);
    expect(selected('null = false')).toBe(false);
  });

  it('compares Int and Decimal numerically', () => {
    expect(selected('2 = 2.0')).toBe(true);
    expect(selected('x = 0.3', { x: 0.3 })).toBe(true);
  });

  it('compares arrays in order and objects regardless of key order', () => {
    expect(selected('a = b', { a: [1, 'x', { k: null }], b: [1, 'x', { k: null }] })).toBe(true);
    expect(selected('a = b', { a: [1, 2], b: [2, 1] })).toBe(false);
    expect(selected('a = b', { a: { x: 1, y: { z: [true] } }, b: { y: { z: [true] }, x: 1 } })).toBe(true);
    expect(selected('a <> b', { a: { x: 1 }, b: { x: 1, y: 2 } })).toBe(true);
    expect(selected('a = b', { a: {}, b: [] })).toBe(false);
    expect(selected('a = b', { a: [], b: {} })).toBe(false);
  });

  it('null equals null', () => {
    expect(selected('n = null', { n: null })).toBe(true);
    expect(selected('n <> null', { n: null })).toBe(false);
  });

  it('orders numbers, converting strings that look like decimals (AWS: "If all strings can be converted to Decimal")', () => {
    expect(selected('2 < 10')).toBe(true);
    expect(selected("'10' > 9")).toBe(true);
    expect(selected("'-1.5E1' <= -15")).toBe(true);
  });

  it('gives Undefined when an ordering operand does not convert to a number', () => {
    expect(selected("'b' > 'a'")).toBeUndefined();
    expect(selected('true > false')).toBeUndefined();
    expect(selected('null < 1')).toBeUndefined();
    expect(selected("' 1' < 2")).toBeUndefined();
  });
});

describe('logical operators', () => {
  it('accept booleans and the strings "true"/"false" in any case', () => {
    expect(selected("'TRUE' AND true")).toBe(true);
    expect(selected("NOT 'False'")).toBe(true);
    expect(selected("false OR 'true'")).toBe(true);
  });

  it('give Undefined for any other operand, as the reference tables say', () => {
    expect(selected('1 AND true')).toBeUndefined();
    expect(selected('false AND missing')).toBeUndefined();
    expect(selected('true OR missing')).toBeUndefined();
    expect(selected('NOT null')).toBeUndefined();
  });
});

describe('arithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['2 * 3 % 4', 2],
    ['-x + 1', -4],
    ['- (2 - 5)', 3],
    ['x * 2.5', 12.5],
    ['1.5 + 1.5', 3],
    ['7 / 2', 3],
    ['-7 / 2', -3],
    ['7.0 / 2', 3],
    ['7.5 / 2', 3.75],
    ['7 % 3', 1],
    ['-7 % 3', -1],
    ['7.5 % 2', 1.5],
    ['(temperature - 32) * 5 / 9', 10],
    ['1e3 + 2E-1', 1000.2],
  ])('%s = %s', (expr, expected) => {
    expect(selected(expr, { x: 5, temperature: 50 })).toBe(expected);
  });

  it('converts numeric strings for - * / % and divides them as Decimal', () => {
    expect(selected("'6' - 2")).toBe(4);
    expect(selected("'7' / 2")).toBe(3.5);
    expect(selected("-'2.5'")).toBe(-2.5);
  });

  it('concatenates with + when either side is a string', () => {
    expect(selected("'meter-' + 42")).toBe('meter-42');
    expect(selected("'a' + true")).toBe('atrue');
    expect(selected("1.5 + 'x'")).toBe('1.5x');
    expect(selected("'a' + o", { o: { k: [1] } })).toBe('a{"k":[1]}');
  });

  it('gives Undefined on operands that are not numbers', () => {
    expect(selected('1 + true')).toBeUndefined();
    expect(selected('o * 2', { o: {} })).toBeUndefined();
    expect(selected("'abc' - 1")).toBeUndefined();
    expect(selected('null + 1')).toBeUndefined();
    expect(selected("'a' + null")).toBeUndefined();
    expect(selected('missing + 1')).toBeUndefined();
    expect(selected('-true')).toBeUndefined();
  });

  it('gives Undefined on division by zero rather than Infinity or NaN', () => {
    expect(selected('1 / 0')).toBeUndefined();
    expect(selected('1.5 / 0')).toBeUndefined();
    expect(selected('5 % 0')).toBeUndefined();
  });

  it('never writes -0', () => {
    expect(Object.is(selected('-1 / 2'), 0)).toBe(true);
    expect(Object.is(selected('-0'), 0)).toBe(true);
  });
});
