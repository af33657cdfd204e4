/**
 * Raised for a malformed schedule expression or an unknown time zone. Lives in its own module so
 * the field parser and the zone helpers can throw it without importing the public entry point.
 */
export class ScheduleExpressionError extends Error {
  override name = 'ScheduleExpressionError';
}
