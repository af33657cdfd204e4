/**
 * Which open cases and suggestions hold a provisional deadline (one counted past the loaded working
 * calendar), so that loading a year counts exactly those again without reading every record. A
 * record awaits a recomputation from the write that made its deadline provisional until a write that
 * settles it (recomputed, closed, handed back …) or `WorkflowStore.releaseProvisional`; the workflow
 * port's adapters keep that standing with the record (deadline-recompute.ts, `awaitingMarkChange`).
 */

export interface AwaitingRecompute {
  kind: 'case' | 'suggestion';
  id: string;
  /** The first instant the deadline counted past the calendar (`provisionalSince`). */
  since: string;
}

export interface ProvisionalDeadlines {
  /**
   * The records awaiting a recomputation whose `since` lies before `edge` (an ISO instant, the first
   * the calendar does not cover): oldest `since` first, then cases before suggestions, then by id.
   */
  awaitingBefore(edge: string): Promise<AwaitingRecompute[]>;
}
