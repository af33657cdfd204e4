import type { Expr } from './ast.ts';
import type { IotMessageContext } from './types.ts';
import type { JsonObject, SqlValue } from './values.ts';

/** Everything an expression can read while one message is evaluated. */
export interface EvaluationScope {
  /** The raw MQTT payload, for `encode(*, 'base64')`. */
  readonly payload: Uint8Array;
  /** The payload as a JSON object; undefined when it is not one (then no rule that needs it runs). */
  readonly document: JsonObject | undefined;
  readonly context: IotMessageContext;
}

export type Evaluate = (expr: Expr, scope: EvaluationScope) => SqlValue;
