import { describe, expect, it } from 'vitest';
import { ingestRuleSql } from '../../infra/contexts/carbon.ts';
import {
  compileIotSql,
  type IotMessageContext,
  type IotRuleOutcome,
  IotSqlEvaluationError,
} from '../../infra/local/iot-sql/index.ts';
import { FUNCTIONS } from '../../infra/manifest.ts';

const QINGSHAN_RULE =
  "SELECT *, topic(4) AS meterId, clientid() AS clientId, timestamp() AS receivedAt FROM 'qingshan/dev/meters/+/telemetry'";

const context = (topic: string): IotMessageContext => ({
  topic,
  clientId: 'meter-M-0042',
  timestamp: 1_750_000_000_123,
});
const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** Evaluates `sql` on a JSON payload published on `topic`. */
const run = (sql: string, payload: unknown, topic = 'a/b/c'): IotRuleOutcome =>
  compileIotSql(sql).evaluate(json(payload), context(topic));

const outputOf = (sql: string, payload: unknown, topic = 'a/b/c'): Record<string, unknown> => {
  const outcome = run(sql, payload, topic);
  if (!outcome.matched) throw new Error(`expected ${sql} to match`);
  return outcome.output;
};

describe('the rule Qingshan ships', () => {
  it('is the rule in the manifest', () => {
    expect(ingestRuleSql('dev')).toBe(QINGSHAN_RULE);
  });

  it('passes the payload keys through and adds meterId, clientId and receivedAt', () => {
    // Prepare
    const rule = compileIotSql(QINGSHAN_RULE);
    const payload = {
      messageId: 'msg-1',
      readings: [{ ts: '2025-06-15T08:00:00Z', quantity: 12.5, unit: 'kWh' }],
    };
    // Act
    const outcome = rule.evaluate(json(payload), context('qingshan/dev/meters/M-0042/telemetry'));
    // Assess
    expect(outcome).toEqual({
      matched: true,
      output: {
        messageId: 'msg-1',
        readings: [{ ts: '2025-06-15T08:00:00Z', quantity: 12.5, unit: 'kWh' }],
        meterId: 'M-0042',
        clientId: 'meter-M-0042',
        receivedAt: 1_750_000_000_123,
      },
    });
    expect(rule.topicFilter).toBe('qingshan/dev/meters/+/telemetry');
    expect(rule.sql).toBe(QINGSHAN_RULE);
  });

  it('lets the rule fields override payload keys of the same name', () => {
    const output = outputOf(
      QINGSHAN_RULE,
      { meterId: 'forged', receivedAt: 1 },
      'qingshan/dev/meters/M-7/telemetry',
    );
    expect(output).toEqual({ meterId: 'M-7', clientId: 'meter-M-0042', receivedAt: 1_750_000_000_123 });
  });

  it('does not match other topics', () => {
    const rule = compileIotSql(QINGSHAN_RULE);
    expect(rule.evaluate(json({}), context('qingshan/dev/meters/M-1/status'))).toEqual({ matched: false });
    expect(rule.evaluate(json({}), context('qingshan/dev/meters/M-1/telemetry/extra'))).toEqual({
      matched: false,
    });
    expect(rule.matchesTopic('qingshan/dev/meters/M-1/telemetry')).toBe(true);
    // Another stage's meters are not this stage's rule's business.
    expect(rule.matchesTopic('qingshan/prod/meters/M-1/telemetry')).toBe(false);
    expect(rule.matchesTopic('qingshan/meters/M-1/telemetry')).toBe(false);
  });

  it('sends a non-JSON message to the error path instead of dropping it', () => {
    const rule = compileIotSql(QINGSHAN_RULE);
    const evaluate = () =>
      rule.evaluate(new TextEncoder().encode('12.5 kWh'), context('qingshan/dev/meters/M-1/telemetry'));
    expect(evaluate).toThrow(IotSqlEvaluationError);
    expect(evaluate).toThrow(/^payload is not a JSON object/);
  });

  it('compiles every IoT rule declared in the manifest', () => {
    const rules = FUNCTIONS.flatMap((fn) => (fn.trigger.kind === 'iotRule' ? [fn.trigger.sql('dev')] : []));
    expect(rules.length).toBeGreaterThan(0);
    for (const sql of rules) expect(() => compileIotSql(sql)).not.toThrow();
  });
});

describe('SELECT', () => {
  const payload = { color: 'red', temperature: 50, coords: { lat: 22.5, lng: 114.1, tags: ['a', 'b'] } };

  it('takes the last segment of an un-aliased attribute path as the key', () => {
    expect(outputOf("SELECT color, coords.lat FROM 'a/b/c'", payload)).toEqual({ color: 'red', lat: 22.5 });
  });

  it('renames with AS and reads nested paths and array elements', () => {
    const sql =
      "SELECT color AS c, coords.lng AS lng, coords.tags[1] AS second, coords.tags AS tags FROM 'a/b/c'";
    expect(outputOf(sql, payload)).toEqual({ c: 'red', lng: 114.1, second: 'b', tags: ['a', 'b'] });
  });

  it('spreads * and adds the items after it', () => {
    expect(outputOf("SELECT *, 15 AS speed FROM 'a/b/c'", { color: 'red' })).toEqual({
      color: 'red',
      speed: 15,
    });
  });

  it('selects literals, including null', () => {
    const sql = "SELECT 'x' AS s, 1.5e2 AS n, true AS t, false AS f, null AS z FROM 'a/b/c'";
    expect(outputOf(sql, {})).toEqual({ s: 'x', n: 150, t: true, f: false, z: null });
  });

  it('keeps a null attribute but omits a missing one', () => {
    expect(outputOf("SELECT present, missing FROM 'a/b/c'", { present: null })).toStrictEqual({
      present: null,
    });
  });

  it('omits items that evaluate to Undefined', () => {
    const sql =
      "SELECT a.b.c AS deep, list[5] AS beyond, list[-1] AS negative, text.length AS notObject, n + true AS bad FROM 'a/b/c'";
    expect(outputOf(sql, { a: { b: {} }, list: [1], text: 'abc', n: 1 })).toStrictEqual({});
  });

  it('does not resolve attributes through the object prototype', () => {
    expect(outputOf("SELECT constructor, toString AS s FROM 'a/b/c'", {})).toStrictEqual({});
  });

  it('adds a key named __proto__ as a plain key', () => {
    const output = outputOf("SELECT 1 AS __proto__ FROM 'a/b/c'", {});
    expect(Object.keys(output)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
  });
});

describe('functions', () => {
  it('topic() is the whole topic and topic(n) the n-th level, counting from 1', () => {
    const sql = "SELECT topic() AS all, topic(1) AS first, topic(4) AS last FROM 'x/#'";
    expect(outputOf(sql, {}, 'x/y//z')).toEqual({ all: 'x/y//z', first: 'x', last: 'z' });
  });

  it('omits topic(n) when n is out of range', () => {
    const sql = "SELECT topic(0) AS zero, topic(4) AS four, topic(2) AS two FROM 'a/#'";
    expect(outputOf(sql, {}, 'a/b/c')).toStrictEqual({ two: 'b' });
  });

  it('takes the level number from an expression', () => {
    expect(outputOf("SELECT topic(level + 1) AS t FROM 'a/#'", { level: 2 }, 'a/b/c')).toEqual({ t: 'c' });
  });

  it('isUndefined tells missing from null', () => {
    const sql = "SELECT isUndefined(missing) AS m, isUndefined(present) AS p FROM 'a/b/c'";
    expect(outputOf(sql, { present: null })).toEqual({ m: true, p: false });
  });

  it('function names are case-insensitive', () => {
    const sql = "SELECT TOPIC(2) AS t, ClientId() AS c, TimeStamp() AS ts FROM 'a/b/c'";
    expect(outputOf(sql, {})).toEqual({ t: 'b', c: 'meter-M-0042', ts: 1_750_000_000_123 });
  });

  it('reads an attribute named like a function when it is not called', () => {
    expect(outputOf("SELECT timestamp FROM 'a/b/c'", { timestamp: 'device time' })).toEqual({
      timestamp: 'device time',
    });
  });
});
