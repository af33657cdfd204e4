/**
 * The functions Qingshan's rules may call. Names are case-insensitive. Arity and literal arguments
 * are checked when the rule is compiled, so an unknown function or a wrong call fails at start-up
 * rather than on the first message.
 */
import type { Expr } from './ast.ts';
import { IotSqlSyntaxError } from './errors.ts';
import type { Evaluate, EvaluationScope } from './scope.ts';
import { type SqlValue, toInt, toSqlString } from './values.ts';

interface FunctionSpec {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Argument positions where `*` (the raw payload) is accepted. */
  readonly payloadArgs?: readonly number[];
  /** Further compile-time checks; throws IotSqlSyntaxError. */
  readonly check?: (args: readonly Expr[], start: number) => void;
  readonly evaluate: (args: readonly Expr[], scope: EvaluationScope, evaluate: Evaluate) => SqlValue;
}

const topic: FunctionSpec = {
  name: 'topic',
  minArgs: 0,
  maxArgs: 1,
  evaluate: ([segment], scope, evaluate) => {
    if (segment === undefined) return scope.context.topic;
    const position = toInt(evaluate(segment, scope));
    if (position === undefined || position < 1) return undefined;
    // Out of range is Undefined, so a SELECT item built on it is omitted.
    return scope.context.topic.split('/')[position - 1];
  },
};

const timestamp: FunctionSpec = {
  name: 'timestamp',
  minArgs: 0,
  maxArgs: 0,
  evaluate: (_args, scope) => scope.context.timestamp,
};

const clientid: FunctionSpec = {
  name: 'clientid',
  minArgs: 0,
  maxArgs: 0,
  evaluate: (_args, scope) => scope.context.clientId,
};

const isUndefined: FunctionSpec = {
  name: 'isundefined',
  minArgs: 1,
  maxArgs: 1,
  evaluate: ([value], scope, evaluate) => value !== undefined && evaluate(value, scope) === undefined,
};

/** `encode(*, 'base64')` encodes the raw payload; any other value is converted to a string first. */
const encode: FunctionSpec = {
  name: 'encode',
  minArgs: 2,
  maxArgs: 2,
  payloadArgs: [0],
  check: ([, scheme], start) => {
    if (
      scheme?.kind !== 'literal' ||
      typeof scheme.value !== 'string' ||
      scheme.value.toLowerCase() !== 'base64'
    ) {
      throw new IotSqlSyntaxError(
        "encode() supports only the literal scheme 'base64'",
        scheme?.start ?? start,
      );
    }
  },
  evaluate: ([value], scope, evaluate) => {
    if (value === undefined) return undefined;
    if (value.kind === 'payload') return Buffer.from(scope.payload).toString('base64');
    const text = toSqlString(evaluate(value, scope));
    return text === undefined ? undefined : Buffer.from(text, 'utf8').toString('base64');
  },
};

const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  [topic, timestamp, clientid, isUndefined, encode].map((spec) => [spec.name, spec]),
);

const SUPPORTED = 'topic, timestamp, clientid, encode, isUndefined';

/** Resolves and checks a call; returns the canonical name the evaluator looks up. */
export const checkCall = (name: string, args: readonly Expr[], start: number): string => {
  const spec = FUNCTIONS.get(name.toLowerCase());
  if (spec === undefined) {
    throw new IotSqlSyntaxError(`unknown function '${name}' (supported: ${SUPPORTED})`, start);
  }
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    throw new IotSqlSyntaxError(
      `wrong number of arguments to ${name}() (takes ${describeArity(spec)}, got ${args.length})`,
      start,
    );
  }
  for (const [index, arg] of args.entries()) {
    if (arg.kind === 'payload' && !spec.payloadArgs?.includes(index)) {
      throw new IotSqlSyntaxError("'*' is only allowed as the first argument of encode()", arg.start);
    }
  }
  spec.check?.(args, start);
  return spec.name;
};

const describeArity = ({ minArgs, maxArgs }: FunctionSpec): string => {
  const count = minArgs === maxArgs ? `${minArgs}` : `${minArgs} to ${maxArgs}`;
  return `${count} argument${count === '1' ? '' : 's'}`;
};

export const callFunction = (
  name: string,
  args: readonly Expr[],
  scope: EvaluationScope,
  evaluate: Evaluate,
): SqlValue => {
  const spec = FUNCTIONS.get(name);
  if (spec === undefined) throw new Error(`function '${name}' was not checked at compile time`);
  return spec.evaluate(args, scope, evaluate);
};
