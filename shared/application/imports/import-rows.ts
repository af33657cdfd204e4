import { localPeriodsOf } from '../../domain/carbon/rollups/rollup-model.ts';
import { type ImportAccount, meterIdOf } from '../../domain/imports/accounts.ts';
import type { ImportCounts, ImportRecord, RefusedRow } from '../../domain/imports/import-record.ts';
import { isRefusal, judgeRow, type Refusal, refusal } from '../../domain/imports/judge-row.ts';
import {
  type ActivitySlot,
  decideRow,
  emptySlot,
  type SlotBooking,
  type SlotChange,
  type SlotValue,
  settle,
} from '../../domain/imports/slot.ts';
import { FEED_KIND_NAMES } from '../../domain/imports/templates.ts';
import type { MeterRecord } from '../../domain/registry/records.ts';
import type { ImportAccountStore } from '../../ports/import-store.ts';
import { unplannable } from './merged-apply.ts';
import type { RunSlots } from './run-slots.ts';
import { applyChange, finishPending, type SlotApplyDeps } from './slot-apply.ts';

/**
 * One data row of an import, from its fields to accepted or refused (docs/imports.md, "Row by
 * row"). Look-ups are cached for the run: accounts and meters by id.
 */

export interface RowDeps extends SlotApplyDeps {
  accounts: ImportAccountStore;
  now: () => Date;
}

export interface RunCache {
  accounts: Map<string, Promise<ImportAccount | undefined>>;
  meters: Map<string, Promise<MeterRecord | undefined>>;
  /** Slot key → line of the first row of this file that named it. */
  seen: Map<string, number>;
  /**
   * A run's slots (run-slots.ts): when set, a row whose change can be decided on them is only
   * proposed (`proposed`), to be booked with others (merged-apply.ts `bookTogether`).
   */
  slots?: RunSlots;
}

export const newRunCache = (): RunCache => ({ accounts: new Map(), meters: new Map(), seen: new Map() });

const cached = <T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
  let value = map.get(key);
  if (value === undefined) {
    value = load();
    map.set(key, value);
  }
  return value;
};

export interface RowTarget {
  account: ImportAccount;
  meter: MeterRecord;
  /** `<account>|<meter>|<period>`: what makes two rows the same slot. */
  slotKey: string;
}

/** The account and meter a row names, or the refusal `unknown-account`. */
export const resolveTarget = async (
  deps: RowDeps,
  cache: RunCache,
  record: Pick<ImportRecord, 'kind' | 'enterpriseId'>,
  fields: Record<string, string>,
): Promise<RowTarget | Refusal> => {
  const accountId = fields.accountId ?? '';
  const account = await cached(cache.accounts, accountId, () => deps.accounts.getAccount(accountId));
  // An enterprise account's file: another enterprise's account is as unknown to it as no account
  // (its existence is not disclosed).
  const foreign = record.enterpriseId !== undefined && account?.enterpriseId !== record.enterpriseId;
  if (account === undefined || account.kind !== record.kind || foreign)
    return refusal(
      'unknown-account',
      'accountId',
      `账户 ${accountId} 未登记为「${FEED_KIND_NAMES[record.kind]}」账户 (account "${accountId}" is not mapped for ${record.kind})`,
    );
  const energyType = record.kind === 'energy-report' ? (fields.energyType ?? '') : '';
  const meterId = meterIdOf(account, energyType);
  const meter =
    meterId === undefined ? undefined : await cached(cache.meters, meterId, () => deps.meter(meterId));
  if (meter === undefined)
    return refusal(
      'unknown-account',
      record.kind === 'energy-report' ? 'energyType' : 'accountId',
      `账户 ${accountId} 没有对应 ${energyType || '该'} 能源品种的计量点 (account ${accountId} has no meter for ${energyType || 'its energy type'})`,
    );
  return { account, meter, slotKey: `${accountId}|${meter.id}|${fields.period ?? ''}` };
};

export type RowOutcome = { refused: RefusedRow } | { accepted: 'new' | 'correction'; counted: boolean };

/** A row's change decided on the run's slots, not written yet; `change` says what it will be booked as. */
export interface ProposedRow {
  proposed: SlotBooking;
  outcome: RowOutcome;
  /** How the row goes the careful way if its booking does not land. */
  row: RowChange;
}

/** Judges and applies one row. `line` is its line in the file (header = 1). */
export const processRow = async (
  deps: RowDeps,
  cache: RunCache,
  record: ImportRecord,
  line: number,
  fields: Record<string, string>,
): Promise<RowOutcome | ProposedRow> => {
  const refuse = (r: Refusal): RowOutcome => ({ refused: { row: line, ...r, fields } });
  const target = await resolveTarget(deps, cache, record, fields);
  if ('reason' in target) return refuse(target);
  const { account, meter, slotKey } = target;
  const period = fields.period ?? '';
  const history = !/^\d{4}-\d{2}$/.test(period)
    ? []
    : cache.slots
      ? await cache.slots.history(account.accountId, meter.id, period, 12)
      : await deps.store.slotHistory(account.accountId, meter.id, period, 12);
  const judged = judgeRow({
    fields,
    meter,
    currentMonth: localPeriodsOf(deps.now(), deps.timeZone).month,
    history,
    source: `导入 import ${record.id} ${record.fileName} 第 ${line} 行 (line ${line})`,
  });
  if (isRefusal(judged)) return refuse(judged);
  const earlier = cache.seen.get(slotKey);
  if (earlier !== undefined && earlier !== line)
    return refuse(
      refusal(
        'duplicate',
        'period',
        `与本文件第 ${earlier} 行重复 (same account and period as line ${earlier} of this file)`,
      ),
    );
  cache.seen.set(slotKey, line);
  const incoming: SlotValue = {
    micro: judged.micro,
    unit: meter.unit,
    measured: judged.measured,
    importId: record.id,
    fileName: record.fileName,
    row: line,
    uploadedBy: record.uploadedBy,
    uploadedAt: record.createdAt,
  };
  const row = { account, meter, period, incoming, line, fields };
  return (await proposeRow(deps, cache, row)) ?? applyRow(deps, cache, row);
};

/**
 * A new value or a correction decided on the run's slots: proposed, to be booked with its slot.
 * Anything else — a slot with a change pending, a duplicate, a row applied before a crash — is
 * decided again on the slot as stored (undefined: the careful way).
 */
const proposeRow = async (
  deps: RowDeps,
  cache: RunCache,
  row: RowChange,
): Promise<ProposedRow | undefined> => {
  if (cache.slots === undefined) return undefined;
  const { account, meter, period, incoming } = row;
  const slot =
    (await cache.slots.slot(account.accountId, meter.id, period)) ??
    emptySlot(account.accountId, meter.id, period, account.counts === 'feed');
  if (slot.pending) return undefined;
  const decision = decideRow(slot, incoming, deps.now().toISOString());
  if (decision.kind !== 'change') return undefined;
  // Later rows of the account judge their plausibility against the value this slot is becoming.
  await cache.slots.put({ ...slot, pending: decision.change });
  return {
    proposed: { slot, change: decision.change },
    outcome: {
      accepted: decision.change.kind === 'correction' ? 'correction' : 'new',
      counted: slot.counted,
    },
    row,
  };
};

const MAX_SLOT_RACES = 5;

const duplicateOf = (of: SlotValue, line: number, fields: Record<string, string>): RefusedRow => ({
  row: line,
  ...refusal(
    'duplicate',
    'quantity',
    `该账户该期间已导入相同数值 (导入 ${of.importId} 第 ${of.row} 行) (the same value is in force from import ${of.importId}, line ${of.row})`,
  ),
  fields,
});

/** The slot as it stands, a change left pending by a crash finished first. */
const currentSlot = async (deps: RowDeps, account: ImportAccount, meterId: string, period: string) => {
  const slot: ActivitySlot =
    (await deps.store.getSlot(account.accountId, meterId, period)) ??
    emptySlot(account.accountId, meterId, period, account.counts === 'feed');
  return slot.pending ? finishPending(deps, slot) : slot;
};

export interface RowChange {
  account: ImportAccount;
  meter: MeterRecord;
  period: string;
  incoming: SlotValue;
  line: number;
  fields: Record<string, string>;
}

/**
 * One change decided on the slot as stored: refused when the engine cannot account it (checked
 * before it is set pending: a change no one can book must never be left there), else applied;
 * undefined when the slot moved meanwhile (read it again).
 */
const applyDecided = async (
  deps: RowDeps,
  cache: RunCache,
  row: RowChange,
  slot: ActivitySlot,
  change: SlotChange,
): Promise<RowOutcome | undefined> => {
  const unaccountable = await unplannable(deps, { slot, change });
  if (unaccountable !== undefined) {
    await cache.slots?.put(slot);
    return { refused: { row: row.line, ...unaccountable, fields: row.fields } };
  }
  if (!(await applyChange(deps, slot, change))) return undefined;
  await cache.slots?.put(settle(slot, change));
  return { accepted: change.kind === 'correction' ? 'correction' : 'new', counted: slot.counted };
};

/** The careful way: the slot read as stored, a pending change finished, the change pending, booked, settled. */
export const applyRow = async (deps: RowDeps, cache: RunCache, row: RowChange): Promise<RowOutcome> => {
  const { account, meter, period, incoming, line, fields } = row;
  for (let race = 0; race < MAX_SLOT_RACES; race++) {
    const slot = await currentSlot(deps, account, meter.id, period);
    const decision = decideRow(slot, incoming, deps.now().toISOString());
    if (decision.kind !== 'change') await cache.slots?.put(slot);
    if (decision.kind === 'applied-before') {
      // Applied before a crash, after the last checkpoint: count it as what it was.
      const corrected = slot.history.at(-1)?.replacedBy === incoming.importId;
      return { accepted: corrected ? 'correction' : 'new', counted: slot.counted };
    }
    if (decision.kind === 'duplicate') return { refused: duplicateOf(decision.of, line, fields) };
    const outcome = await applyDecided(deps, cache, row, slot, decision.change);
    if (outcome !== undefined) return outcome;
  }
  throw new Error(`slot ${account.accountId} ${period} keeps changing under this import`);
};

/** Adds a row's outcome to the counts. */
export const countOutcome = (counts: ImportCounts, outcome: RowOutcome): void => {
  counts.rows += 1;
  if ('refused' in outcome) {
    counts.refused += 1;
    const reason = outcome.refused.reason;
    counts.byReason[reason] = (counts.byReason[reason] ?? 0) + 1;
    return;
  }
  counts.accepted += 1;
  if (outcome.accepted === 'correction') counts.corrections += 1;
  else counts.new += 1;
  if (!outcome.counted) counts.notCounted += 1;
};
