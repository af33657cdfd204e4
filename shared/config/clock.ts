/** Time is injected so deadlines, schedules and TTLs are testable (docs/architecture.md, Principles). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const fixedClock =
  (iso: string): Clock =>
  () =>
    new Date(iso);
