/** What a rule needs from the payload, and whether this payload can give it. */
import type { Expr, Statement } from './ast.ts';
import { isJsonObject, type JsonObject } from './values.ts';

export type PayloadDocument = { ok: true; document: JsonObject } | { ok: false; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export const decodePayloadDocument = (payload: Uint8Array): PayloadDocument => {
  if (payload.length === 0) return { ok: false, reason: 'the payload is empty' };
  let text: string;
  try {
    text = UTF8.decode(payload);
  } catch {
    return { ok: false, reason: 'the payload is not valid UTF-8' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the payload is not valid JSON' };
  }
  if (isJsonObject(parsed)) return { ok: true, document: parsed };
  return { ok: false, reason: `the payload is a JSON ${jsonKind(parsed)}, not an object` };
};

const jsonKind = (value: unknown): string => {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
};

/**
 * True when the statement reads the JSON payload: a `*` select item or any attribute reference.
 * `encode(*, 'base64')` and topic()/clientid()/timestamp() do not, so such rules accept binary payloads.
 */
export const readsPayloadDocument = (statement: Statement): boolean =>
  statement.select.some((item) => item.kind === 'wildcard' || readsDocument(item.expr)) ||
  (statement.where !== undefined && readsDocument(statement.where));

const readsDocument = (expr: Expr): boolean => {
  switch (expr.kind) {
    case 'attribute':
      return true;
    case 'literal':
    case 'payload':
      return false;
    case 'member':
      return readsDocument(expr.object);
    case 'index':
      return readsDocument(expr.object) || readsDocument(expr.index);
    case 'call':
      return expr.args.some(readsDocument);
    case 'unary':
      return readsDocument(expr.operand);
    case 'binary':
      return readsDocument(expr.left) || readsDocument(expr.right);
  }
};
