/** Where notification events come from (the outbox items' `source`). */
export type OutboxSourceKind = 'case' | 'suggestion' | 'alert';
