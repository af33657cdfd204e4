/**
 * The two ways a rule can fail. A syntax error is the author's mistake and surfaces when the manifest
 * is loaded; an evaluation error is a message the rule cannot handle, and the caller routes it to the
 * rule's error action so nothing is dropped silently (docs/architecture.md, Principles).
 */

export class IotSqlSyntaxError extends Error {
  override name = 'IotSqlSyntaxError';
  /** 0-based character offset into the SQL text where the problem was found. */
  readonly position: number;
  constructor(problem: string, position: number, found?: string) {
    super(found === undefined ? `${problem} at ${position}` : `${problem} at ${position}, found ${found}`);
    this.position = position;
  }
}

export class IotSqlEvaluationError extends Error {
  override name = 'IotSqlEvaluationError';
}
