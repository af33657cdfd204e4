/**
 * Payload handling: rules that read `*` or attributes need a JSON object and send anything else to
 * the error path; `encode(*, 'base64')` with topic()/clientid()/timestamp() accepts any bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  compileIotSql,
  type IotMessageContext,
  IotSqlEvaluationError,
} from '../../infra/local/iot-sql/index.ts';

const context = (topic: string): IotMessageContext => ({
  topic,
  clientId: 'meter-M-0042',
  timestamp: 1_750_000_000_123,
});
const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

describe('payloads that are not JSON objects', () => {
  const binary = new Uint8Array([0x00, 0xff, 0x10, 0x80, 0x7f]);

  it('encode(*, base64) with topic(), clientid() and timestamp() evaluates on binary', () => {
    const rule = compileIotSql(
      "SELECT encode(*, 'base64') AS data, topic(2) AS device, clientid() AS c, timestamp() AS ts FROM 'raw/+' WHERE topic(1) = 'raw'",
    );
    expect(rule.evaluate(binary, context('raw/dev-1'))).toEqual({
      matched: true,
      output: { data: 'AP8QgH8=', device: 'dev-1', c: 'meter-M-0042', ts: 1_750_000_000_123 },
    });
  });

  it('encode(*, base64) encodes the exact bytes of a JSON payload too', () => {
    const rule = compileIotSql("SELECT encode(*, 'base64') AS data FROM 'a/b/c'");
    const outcome = rule.evaluate(new TextEncoder().encode('{"a": 1}'), context('a/b/c'));
    expect(outcome).toEqual({ matched: true, output: { data: Buffer.from('{"a": 1}').toString('base64') } });
  });

  it('encode(expr, base64) encodes the value converted to a string', () => {
    const rule = compileIotSql("SELECT encode(name, 'base64') AS n, encode(obj, 'base64') AS o FROM 'a/b/c'");
    const outcome = rule.evaluate(json({ name: '青山', obj: { k: 1 } }), context('a/b/c'));
    expect(outcome).toEqual({
      matched: true,
      output: { n: Buffer.from('青山').toString('base64'), o: Buffer.from('{"k":1}').toString('base64') },
    });
  });

  it.each([
    ['binary', binary, /not valid UTF-8/],
    ['plain text', new TextEncoder().encode('hello'), /not valid JSON/],
    ['a JSON array', json([1, 2]), /JSON array, not an object/],
    ['JSON null', json(null), /JSON null, not an object/],
    ['empty', new Uint8Array(), /empty/],
  ])('throws IotSqlEvaluationError when the rule reads * and the payload is %s', (_name, payload, reason) => {
    const rule = compileIotSql("SELECT * FROM 'a/b/c'");
    expect(() => rule.evaluate(payload, context('a/b/c'))).toThrow(IotSqlEvaluationError);
    expect(() => rule.evaluate(payload, context('a/b/c'))).toThrow(reason);
  });

  it('throws when the rule reads an attribute, even one that is only in WHERE', () => {
    const rule = compileIotSql("SELECT encode(*, 'base64') AS data FROM 'a/b/c' WHERE kind = 'x'");
    expect(() => rule.evaluate(binary, context('a/b/c'))).toThrow(IotSqlEvaluationError);
  });

  it('throws when * is mixed with functions, as AWS does not allow that on binary payloads', () => {
    const rule = compileIotSql("SELECT *, timestamp() AS ts FROM 'a/b/c'");
    expect(() => rule.evaluate(binary, context('a/b/c'))).toThrow(IotSqlEvaluationError);
  });

  it('does not look at the payload of a message on another topic', () => {
    const rule = compileIotSql("SELECT * FROM 'a/b/c'");
    expect(rule.evaluate(binary, context('x/y/z'))).toEqual({ matched: false });
  });
});
