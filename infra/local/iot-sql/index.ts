/**
 * Local evaluator of the AWS IoT Core topic-rule SQL subset Qingshan uses (SQL version 2016-03-23).
 * The local runtime compiles each rule in the manifest once and evaluates every broker message
 * against it. See README.md in this folder for the subset and where it follows the AWS reference.
 */
import { parseStatement } from './parser.ts';
import { CompiledRule } from './rule.ts';
import type { CompiledIotRule } from './types.ts';

export { IotSqlEvaluationError, IotSqlSyntaxError } from './errors.ts';
export { topicMatchesFilter } from './topic-filter.ts';
export type { CompiledIotRule, IotMessageContext, IotRuleOutcome } from './types.ts';

/** Parses and checks a rule; throws IotSqlSyntaxError with the character position of the problem. */
export function compileIotSql(sql: string): CompiledIotRule {
  return new CompiledRule(sql, parseStatement(sql));
}
