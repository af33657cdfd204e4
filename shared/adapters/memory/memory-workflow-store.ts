import { ConflictError } from '../../domain/errors.ts';
import { invalidCursor } from '../../domain/invalid-cursor.ts';
import type { MediaRecord } from '../../domain/media/media-record.ts';
import { awaitingMarkChange } from '../../domain/workflow/deadline-recompute.ts';
import { closedLedgerDelta, isOpenState, opennessChange } from '../../domain/workflow/open-records.ts';
import type { WorkflowRecord } from '../../domain/workflow/state-machine.ts';
import type { TimelineEntry } from '../../domain/workflow/timeline.ts';
import type {
  Birth,
  CreationMark,
  MediaClaim,
  OpenWorkflow,
  Page,
  Step,
  WorkflowStore,
} from '../../ports/workflow-store.ts';
import { lostClaimsError } from '../lost-claims.ts';

/** Media files by id, shared by the stores of one test (the claims' other owner). */
export type MemoryMedia = Map<string, MediaRecord>;

/**
 * The workflow port in memory, for unit tests of the use cases (shared/application). It keeps the
 * promises the DynamoDB adapter keeps — all or nothing per write, the version condition, new ids and
 * marks only once, claims refused with 422 when only they fail — and the contract suite
 * (test/support/workflow-store-contract.ts) holds both to them. Records are copied in and out, so
 * a caller cannot change what is stored by changing its object.
 */
export class MemoryWorkflowStore<R extends WorkflowRecord<string>, T extends TimelineEntry>
  implements WorkflowStore<R, T>
{
  protected readonly records = new Map<string, R>();
  protected readonly timelines = new Map<string, T[]>();
  readonly #marks = new Map<string, CreationMark>();
  readonly #opened = new Set<string>();
  readonly #closed: Record<string, number> = {};
  /** Ids awaiting a deadline recomputation and their `since`: the DynamoDB adapter's markers. */
  readonly #awaiting = new Map<string, string>();
  readonly #prefix: 'CASE' | 'SUGGESTION';
  readonly #awaits: (record: R) => boolean;
  protected readonly media: MemoryMedia;

  constructor(prefix: 'CASE' | 'SUGGESTION', awaits: (record: R) => boolean, media: MemoryMedia = new Map()) {
    this.#prefix = prefix;
    this.#awaits = awaits;
    this.media = media;
  }

  async create(
    birth: Birth<R, T>,
    options: { mark?: CreationMark; claims?: readonly MediaClaim[] } = {},
  ): Promise<void> {
    const markKey = options.mark && `${options.mark.kind}#${options.mark.key}`;
    const clash = this.records.has(birth.record.id) || (markKey !== undefined && this.#marks.has(markKey));
    this.commit(clash, `${this.#prefix.toLowerCase()} ${birth.record.id} already exists`, options.claims);
    this.#bear(birth);
    if (options.mark && markKey) this.#marks.set(markKey, { ...options.mark });
    this.afterWrite(undefined, birth.record, birth.entry);
  }

  async get(id: string): Promise<R | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async update(
    step: Step<R, T>,
    options: {
      linked?: readonly Step<R, T>[];
      creates?: readonly Birth<R, T>[];
      claims?: readonly MediaClaim[];
    } = {},
  ): Promise<void> {
    const steps = [step, ...(options.linked ?? [])];
    const creates = options.creates ?? [];
    const stale = steps.some((one) => this.records.get(one.record.id)?.version !== one.record.version - 1);
    const taken = creates.some((born) => this.records.has(born.record.id));
    this.commit(
      stale || taken,
      `${this.#prefix.toLowerCase()} ${step.record.id} was changed`,
      options.claims,
    );
    for (const one of steps) {
      this.#track(one.record.id, one.before.state, one.record.state);
      this.#markAwaiting(one.before, one.record);
      this.records.set(one.record.id, structuredClone(one.record));
      this.timelines.get(one.record.id)?.push(structuredClone(one.entry));
      this.afterWrite(one.before, one.record, one.entry);
    }
    for (const born of creates) {
      this.#bear(born);
      this.afterWrite(undefined, born.record, born.entry);
    }
  }

  async timeline(id: string): Promise<T[]> {
    return structuredClone(this.timelines.get(id) ?? []);
  }

  async findMark(kind: CreationMark['kind'], key: string): Promise<CreationMark | undefined> {
    const mark = this.#marks.get(`${kind}#${key}`);
    return mark && { ...mark };
  }

  async openRecords(): Promise<OpenWorkflow<R>> {
    return {
      records: [...this.records.values()]
        .filter((record) => isOpenState(this.#prefix, record.state))
        .map((record) => structuredClone(record)),
      opened: [...this.#opened],
      closedByState: { ...this.#closed },
    };
  }

  async releaseProvisional(id: string): Promise<void> {
    this.#awaiting.delete(id);
  }

  /** The records awaiting a deadline recomputation, with their `since` (MemoryProvisionalDeadlines). */
  awaitingRecompute(): { id: string; since: string }[] {
    return [...this.#awaiting].map(([id, since]) => ({ id, since }));
  }

  /** Every record stored, copied (MemoryWorkflowHistory). */
  everyRecord(): R[] {
    return [...this.records.values()].map((record) => structuredClone(record));
  }

  /** Kind-specific bookkeeping after each record written (listings of the subclasses). */
  protected afterWrite(_before: R | undefined, _record: R, _entry: T): void {}

  /** Refuses the whole write before anything changes: 409 on the records' conditions, else 422. */
  protected commit(conflict: boolean, message: string, claims: readonly MediaClaim[] = []): void {
    if (conflict) throw new ConflictError(message);
    const failed = claims.map((claim) => {
      const file = this.media.get(claim.mediaId);
      return file?.status !== 'ready' || file.attachedTo !== undefined;
    });
    const lost = lostClaimsError(claims, failed);
    if (lost) throw lost;
    for (const claim of claims) {
      const file = this.media.get(claim.mediaId);
      if (file) this.media.set(claim.mediaId, { ...file, attachedTo: claim.attachment });
    }
  }

  #bear({ record, entry }: Birth<R, T>): void {
    this.#markAwaiting(undefined, record);
    this.records.set(record.id, structuredClone(record));
    this.timelines.set(record.id, [structuredClone(entry)]);
    this.#track(record.id, null, record.state);
  }

  /** The awaiting mark, by the rule the DynamoDB adapter writes its marker item by. */
  #markAwaiting(previous: R | undefined, next: R): void {
    const since = (record: R) => (record as { provisionalSince?: string }).provisionalSince;
    const change = awaitingMarkChange(
      previous && { provisionalSince: since(previous), record: previous },
      { provisionalSince: since(next), record: next },
      ({ record }) => this.#awaits(record),
    );
    if (change === 'mark') this.#awaiting.set(next.id, since(next) ?? '');
    if (change === 'unmark') this.#awaiting.delete(next.id);
  }

  /** The open trace and the closed ledger, as the DynamoDB adapter's OPEN markers and ledger shards. */
  #track(id: string, from: string | null, to: string): void {
    const change = opennessChange(this.#prefix, from, to);
    if (change === 'opened') this.#opened.add(id);
    if (change === 'closed') this.#opened.delete(id);
    for (const [state, n] of Object.entries(closedLedgerDelta(this.#prefix, from, to))) {
      this.#closed[state] = (this.#closed[state] ?? 0) + n;
    }
  }
}

/** Pages over positions (listing-position.ts): the cursor names the last position handed out. */
export const pageByPosition = <V>(
  sorted: readonly { position: string; value: V }[],
  limit: number,
  cursor: string | undefined,
  newestFirst: boolean,
): Page<V> => {
  const after = cursor === undefined ? undefined : decodePosition(cursor);
  const rest =
    after === undefined
      ? sorted
      : sorted.filter(({ position }) => (newestFirst ? position < after : position > after));
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ value }) => value),
    ...(rest.length > limit && last
      ? { cursor: Buffer.from(JSON.stringify({ after: last.position })).toString('base64url') }
      : {}),
  };
};

const decodePosition = (cursor: string): string => {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof after === 'string') return after;
  } catch {
    // refused below
  }
  throw invalidCursor();
};
