/** A compiled rule: the parsed statement plus what it needs from each message. */
import type { Statement } from './ast.ts';
import { IotSqlEvaluationError } from './errors.ts';
import { evaluateExpression, evaluateSelect } from './evaluate.ts';
import { decodePayloadDocument, readsPayloadDocument } from './payload.ts';
import type { EvaluationScope } from './scope.ts';
import { topicMatchesFilter } from './topic-filter.ts';
import type { CompiledIotRule, IotMessageContext, IotRuleOutcome } from './types.ts';
import type { JsonObject } from './values.ts';

export class CompiledRule implements CompiledIotRule {
  readonly sql: string;
  readonly topicFilter: string;
  private readonly statement: Statement;
  private readonly needsDocument: boolean;

  constructor(sql: string, statement: Statement) {
    this.sql = sql;
    this.statement = statement;
    this.topicFilter = statement.topicFilter;
    this.needsDocument = readsPayloadDocument(statement);
  }

  matchesTopic(topic: string): boolean {
    return topicMatchesFilter(this.topicFilter, topic);
  }

  evaluate(payload: Uint8Array, context: IotMessageContext): IotRuleOutcome {
    if (!this.matchesTopic(context.topic)) return { matched: false };
    const scope: EvaluationScope = { payload, context, document: this.documentFor(payload, context) };
    // As in AWS, WHERE decides first; SELECT aliases are not visible to it.
    const where = this.statement.where;
    if (where !== undefined && evaluateExpression(where, scope) !== true) return { matched: false };
    return { matched: true, output: evaluateSelect(this.statement.select, scope) };
  }

  /**
   * A rule that reads `*` or attributes cannot run on a payload that is not a JSON object. It throws
   * before WHERE, whatever WHERE would say, so the caller sends the message to the error action.
   */
  private documentFor(payload: Uint8Array, context: IotMessageContext): JsonObject | undefined {
    if (!this.needsDocument) return undefined;
    const decoded = decodePayloadDocument(payload);
    if (decoded.ok) return decoded.document;
    throw new IotSqlEvaluationError(
      `payload is not a JSON object (${decoded.reason}), but the rule reads '*' or payload attributes; ` +
        `topic '${context.topic}'`,
    );
  }
}
