import type { TransactionPlan } from '../domain/carbon/ingest/transaction-plan.ts';
import type { ImportAccount } from '../domain/imports/accounts.ts';
import type { ImportRecord, RefusedRow } from '../domain/imports/import-record.ts';
import type { ActivitySlot, SlotBooking, SlotChange } from '../domain/imports/slot.ts';
import type { ApplyOutcome } from './ingest-store.ts';

/** Imports, their refused rows and the activity slots (carbon table; docs/imports.md). */
export interface ImportStore {
  create(record: ImportRecord): Promise<void>;
  get(id: string): Promise<ImportRecord | undefined>;
  /** Newest first; only those of one enterprise when it is named. */
  list(
    limit: number,
    cursor?: Record<string, unknown>,
    enterpriseId?: string,
  ): Promise<{ items: ImportRecord[]; next?: Record<string, unknown> }>;
  /** Sets fields; with `status`, only while the record has one of those statuses (false otherwise). */
  update(id: string, fields: Partial<ImportRecord>, whileStatus?: readonly string[]): Promise<boolean>;
  /** Takes the lease when none is held (or it expired); the record as claimed, or undefined. */
  claim(id: string, now: string, until: string): Promise<ImportRecord | undefined>;
  putRefused(id: string, rows: readonly RefusedRow[]): Promise<void>;
  listRefused(id: string): Promise<RefusedRow[]>;

  getSlot(accountId: string, meterId: string, period: string): Promise<ActivitySlot | undefined>;
  /**
   * Every slot of an account meter, oldest first, WITHOUT their history (`history: []`): what a run
   * needs to judge and book its rows; a row that needs the history reads its slot with `getSlot`.
   */
  listSlots(accountId: string, meterId: string): Promise<ActivitySlot[]>;
  /**
   * The plan's slot messages and their slots in one transaction: each slot goes from its version as
   * read to the change's value (conditioned on that version and no pending change), the value it
   * replaced appended to its history. `conditionFailed`: a marker or a slot moved meanwhile.
   */
  bookSlots(plan: TransactionPlan, bookings: readonly SlotBooking[]): Promise<ApplyOutcome>;
  /** Whether the account meter's feed month item holds the slot message's marker (it was applied). */
  holdsMessage(meterId: string, period: string, messageId: string): Promise<boolean>;
  /** Values in force (micro) of the slots before `period`, most recent first, at most `limit`. */
  slotHistory(accountId: string, meterId: string, period: string, limit: number): Promise<number[]>;
  /** Records the change as pending, conditioned on the slot's version and no other pending change. */
  beginChange(slot: ActivitySlot, change: SlotChange): Promise<boolean>;
  /** Writes the settled slot, conditioned on `pending` being this change (false: someone settled it). */
  settle(slot: ActivitySlot, messageId: string): Promise<boolean>;
  /** Replaces the history (entries marked withdrawn), conditioned on the version. */
  putHistory(slot: ActivitySlot): Promise<boolean>;
}

/** The account mappings the admin maintains (registry table). */
export interface ImportAccountStore {
  getAccount(accountId: string): Promise<ImportAccount | undefined>;
  putAccount(account: ImportAccount): Promise<void>;
  listAccounts(): Promise<ImportAccount[]>;
}

/** The uploaded files and the refused-rows CSV (imports bucket). */
export interface ImportFiles {
  /** The file's rows, each as its cells, streamed (never the whole file in memory). */
  rows(key: string, format: 'csv' | 'xlsx'): AsyncIterable<string[]>;
  putCsv(key: string, body: string): Promise<void>;
  /** A five-minute download link. */
  link(key: string, fileName: string): Promise<string>;
}
