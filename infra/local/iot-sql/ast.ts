/** The syntax tree the parser builds and the evaluator walks. `start` is the 0-based SQL offset. */

export type BinaryOperator =
  | 'OR'
  | 'AND'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export type Expr =
  | { kind: 'literal'; value: null | boolean | number | string; start: number }
  /** A top-level payload key, e.g. `temperature`. */
  | { kind: 'attribute'; name: string; start: number }
  /** `object.name` */
  | { kind: 'member'; object: Expr; name: string; start: number }
  /** `object[index]` */
  | { kind: 'index'; object: Expr; index: Expr; start: number }
  /** `name` is the function's canonical (lower-case) name. */
  | { kind: 'call'; name: string; args: readonly Expr[]; start: number }
  /** `*` as a function argument: the raw payload bytes (only `encode(*, 'base64')`). */
  | { kind: 'payload'; start: number }
  | { kind: 'unary'; operator: '-' | 'NOT'; operand: Expr; start: number }
  | { kind: 'binary'; operator: BinaryOperator; left: Expr; right: Expr; start: number };

export type SelectItem =
  /** `*`: every key of the JSON payload. */
  | { kind: 'wildcard'; start: number }
  /** `expr [AS key]`; the key is the alias, or the last segment of an attribute path. */
  | { kind: 'expression'; expr: Expr; key: string; start: number };

export interface Statement {
  readonly select: readonly SelectItem[];
  readonly topicFilter: string;
  readonly where: Expr | undefined;
}
