/**
 * Turns rule SQL into tokens. Keywords are case-insensitive and reported upper case; identifiers
 * keep their spelling. Every token carries its 0-based start offset for error messages.
 */
import { IotSqlSyntaxError } from './errors.ts';

export type TokenKind = 'keyword' | 'identifier' | 'number' | 'string' | 'symbol' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** keyword: upper case; string: the decoded value; everything else: as written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AS', 'AND', 'OR', 'NOT', 'TRUE', 'FALSE', 'NULL']);
const TWO_CHAR_SYMBOLS = new Set(['<>', '!=', '<=', '>=']);
const ONE_CHAR_SYMBOLS = new Set(['*', ',', '(', ')', '[', ']', '.', '+', '-', '/', '%', '=', '<', '>']);

const WHITESPACE = /\s/;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD_CHAR_OR_DOT = /[A-Za-z0-9_.]/;

export const tokenize = (sql: string): Token[] => {
  const tokens: Token[] = [];
  let position = 0;
  while (position < sql.length) {
    if (WHITESPACE.test(sql.charAt(position))) {
      position += 1;
      continue;
    }
    const token = readToken(sql, position);
    tokens.push(token);
    position = token.end;
  }
  tokens.push({ kind: 'eof', text: '', start: sql.length, end: sql.length });
  return tokens;
};

/** How a token reads in an error message. */
export const describeToken = (token: Token): string => {
  if (token.kind === 'eof') return 'end of statement';
  if (token.kind === 'string') return `string '${token.text}'`;
  return `'${token.text}'`;
};

const readToken = (sql: string, start: number): Token => {
  const char = sql.charAt(start);
  if (char === "'") return readString(sql, start);
  const number = matchAt(NUMBER, sql, start);
  if (number !== undefined) return numberToken(sql, start, number);
  const word = matchAt(WORD, sql, start);
  if (word !== undefined) {
    const upper = word.toUpperCase();
    return KEYWORDS.has(upper)
      ? { kind: 'keyword', text: upper, start, end: start + word.length }
      : { kind: 'identifier', text: word, start, end: start + word.length };
  }
  return readSymbol(sql, start);
};

const matchAt = (pattern: RegExp, sql: string, start: number): string | undefined => {
  pattern.lastIndex = start;
  return pattern.exec(sql)?.[0];
};

const numberToken = (sql: string, start: number, text: string): Token => {
  const end = start + text.length;
  // `1.e5`, `2abc`, `3.4.5`: refuse rather than guess where the number ends.
  if (WORD_CHAR_OR_DOT.test(sql.charAt(end))) {
    throw new IotSqlSyntaxError('malformed number', start, `'${sql.slice(start, end + 1)}'`);
  }
  return { kind: 'number', text, start, end };
};

/** Single-quoted; a doubled quote ('') stands for one quote, as in ANSI SQL. */
const readString = (sql: string, start: number): Token => {
  let value = '';
  let position = start + 1;
  while (position < sql.length) {
    const char = sql.charAt(position);
    if (char !== "'") {
      value += char;
      position += 1;
    } else if (sql.charAt(position + 1) === "'") {
      value += "'";
      position += 2;
    } else {
      return { kind: 'string', text: value, start, end: position + 1 };
    }
  }
  throw new IotSqlSyntaxError('unterminated string literal', start);
};

const readSymbol = (sql: string, start: number): Token => {
  const two = sql.slice(start, start + 2);
  if (TWO_CHAR_SYMBOLS.has(two)) return { kind: 'symbol', text: two, start, end: start + 2 };
  const one = sql.charAt(start);
  if (ONE_CHAR_SYMBOLS.has(one)) return { kind: 'symbol', text: one, start, end: start + 1 };
  if (one === '"') {
    throw new IotSqlSyntaxError('unexpected double quote (string literals use single quotes)', start);
  }
  throw new IotSqlSyntaxError('unexpected character', start, `'${one}'`);
};
