/** Public types of the evaluator; `index.ts` re-exports them. */

export interface IotMessageContext {
  /** The topic the message was published on. */
  topic: string;
  /** MQTT client id of the publisher. */
  clientId: string;
  /** Broker receive time, ms since epoch (`timestamp()` returns this). */
  timestamp: number;
}

export type IotRuleOutcome =
  /** The topic does not match FROM, or WHERE is not `true`. */
  | { matched: false }
  /** The JSON the rule's action receives. */
  | { matched: true; output: Record<string, unknown> };

export interface CompiledIotRule {
  readonly sql: string;
  readonly topicFilter: string;
  matchesTopic(topic: string): boolean;
  /** payload: the raw MQTT payload bytes. */
  evaluate(payload: Uint8Array, context: IotMessageContext): IotRuleOutcome;
}
