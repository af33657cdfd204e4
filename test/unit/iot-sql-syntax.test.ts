import { describe, expect, it } from 'vitest';
import { compileIotSql, IotSqlSyntaxError } from '../../infra/local/iot-sql/index.ts';

const syntaxErrorOf = (sql: string): IotSqlSyntaxError => {
  try {
    compileIotSql(sql);
  } catch (error) {
    if (error instanceof IotSqlSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for: ${sql}`);
};

describe('syntax errors', () => {
  it.each([
    // [sql, position, message]
    ["SELECT * WHERE x = 1 FROM 'a'", 9, "expected FROM at 9, found 'WHERE'"],
    [
      'SELECT * FROM',
      13,
      'expected a topic filter in single quotes after FROM at 13, found end of statement',
    ],
    ['SELECT * FROM a/b', 14, "expected a topic filter in single quotes after FROM at 14, found 'a'"],
    ["SELECT * FROM 'a' temp > 5", 18, "expected WHERE or end of statement at 18, found 'temp'"],
    ["SELECT * FROM 'a' WHERE", 23, 'expected an expression at 23, found end of statement'],
    ["SELECT * FROM 'a' WHERE x > 1 y", 30, "expected end of statement at 30, found 'y'"],
    ["SELECT a, FROM 'a'", 10, "expected an expression at 10, found 'FROM'"],
    ["FROM 'a' SELECT *", 0, "expected SELECT at 0, found 'FROM'"],
    ["SELECT a AS FROM 'a'", 12, "expected an alias name after AS at 12, found 'FROM'"],
    ["SELECT a. FROM 'a'", 10, "expected an attribute name after '.' at 10, found 'FROM'"],
    ["SELECT a[0 AS x FROM 'a'", 11, "expected ']' at 11, found 'AS'"],
    ["SELECT (1 + 2 AS x FROM 'a'", 14, "expected ')' at 14, found 'AS'"],
    ["SELECT topic(1 AS x FROM 'a'", 15, "expected ')' at 15, found 'AS'"],
    ["SELECT 'abc AS x FROM 'a'", 24, 'unterminated string literal at 24'],
    ["SELECT x FROM 'a", 14, 'unterminated string literal at 14'],
    ["SELECT a # b AS x FROM 'a'", 9, "unexpected character at 9, found '#'"],
    ['SELECT "a" AS x FROM \'a\'', 7, 'unexpected double quote (string literals use single quotes) at 7'],
    ["SELECT 1.e5 AS x FROM 'a'", 7, "malformed number at 7, found '1.'"],
    ["SELECT 2abc AS x FROM 'a'", 7, "malformed number at 7, found '2a'"],
    ["SELECT 1 FROM 'a'", 7, 'this SELECT item needs a key: write <expression> AS <name> at 7'],
    ["SELECT a[0] FROM 'a'", 7, 'this SELECT item needs a key: write <expression> AS <name> at 7'],
    ["SELECT x = NOT y AS z FROM 'a'", 11, "NOT needs parentheses here at 11, found 'NOT'"],
  ])('%s', (sql, position, message) => {
    const error = syntaxErrorOf(sql);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it('rejects unknown functions when the rule is compiled', () => {
    const error = syntaxErrorOf("SELECT upper(color) AS c FROM 'a'");
    expect(error.position).toBe(7);
    expect(error.message).toMatch(/^unknown function 'upper' \(supported: .*\) at 7$/);
  });

  it.each([
    [
      "SELECT topic(1, 2) AS t FROM 'a'",
      7,
      /wrong number of arguments to topic\(\) \(takes 0 to 1 arguments, got 2\)/,
    ],
    ["SELECT timestamp(1) AS t FROM 'a'", 7, /takes 0 arguments, got 1/],
    ["SELECT isUndefined() AS t FROM 'a'", 7, /takes 1 argument, got 0/],
    ["SELECT encode(*) AS t FROM 'a'", 7, /takes 2 arguments, got 1/],
    ["SELECT encode(*, 'hex') AS t FROM 'a'", 17, /encode\(\) supports only the literal scheme 'base64'/],
    ["SELECT encode(*, scheme) AS t FROM 'a'", 17, /literal scheme 'base64'/],
    ["SELECT isUndefined(*) AS t FROM 'a'", 19, /'\*' is only allowed as the first argument of encode\(\)/],
    ["SELECT encode('x', *) AS t FROM 'a'", 19, /'\*' is only allowed/],
    ["SELECT * FROM 'a' WHERE * = 1", 24, /expected an expression at 24, found '\*'/],
  ])('checks function calls: %s', (sql, position, message) => {
    const error = syntaxErrorOf(sql);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(message);
  });

  it.each([
    ["SELECT * FROM ''", 15, 'topic filter is empty'],
    ["SELECT * FROM 'a/#/b'", 17, "'#' must be the last topic level"],
    ["SELECT * FROM 'a/b#'", 18, "'#' must occupy a whole topic level"],
    ["SELECT * FROM 'a/b+/c'", 18, "'+' must occupy a whole topic level"],
  ])('checks the topic filter: %s', (sql, position, problem) => {
    const error = syntaxErrorOf(sql);
    expect(error.message).toBe(`${problem} at ${position}`);
  });
});

describe('accepted syntax', () => {
  const context = { topic: 'a/b', clientId: 'c', timestamp: 0 };
  const evaluate = (sql: string) => compileIotSql(sql).evaluate(new TextEncoder().encode('{"x":1}'), context);

  it('reads keywords in any case', () => {
    const outcome = evaluate("select *, X as y FrOm 'a/+' wHeRe x = 1 and not False oR NULL = TRUE");
    expect(outcome).toEqual({ matched: true, output: { x: 1 } });
  });

  it('keeps the case of aliases and attribute names', () => {
    expect(evaluate("SELECT x AS MeterID, X AS upper FROM 'a/b'")).toEqual({
      matched: true,
      output: { MeterID: 1 },
    });
  });

  it('reads a doubled single quote inside a string as one quote', () => {
    expect(evaluate("SELECT 'it''s' AS s FROM 'a/b'")).toEqual({ matched: true, output: { s: "it's" } });
  });

  it('allows any whitespace, including newlines, between tokens', () => {
    expect(evaluate("SELECT\n  x AS y\nFROM\t'a/b'\nWHERE x>=1")).toEqual({
      matched: true,
      output: { y: 1 },
    });
  });
});
