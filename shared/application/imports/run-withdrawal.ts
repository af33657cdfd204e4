import { dataRows } from '../../domain/imports/file-rows.ts';
import type { ImportRecord } from '../../domain/imports/import-record.ts';
import { type ActivitySlot, decideWithdrawal, markWithdrawn } from '../../domain/imports/slot.ts';
import { newRunCache, resolveTarget } from './import-rows.ts';
import { memoised } from './merged-apply.ts';
import { budgetSpent, CHECKPOINT_ROWS, type RunDeps, type RunLimits } from './run-import.ts';
import { applyChange, finishPending } from './slot-apply.ts';

/**
 * Withdraws an import as a whole (docs/imports.md, "Withdrawal"): the file is read again, and each
 * slot it names goes back to the value before it where its value is still in force; elsewhere its
 * history entries are only marked. Checkpointed like the import, and stopped like it at a checkpoint
 * once the invocation's budget is spent (`limits.until`; still `withdrawing`, the next run resumes
 * from the checkpoint); every step is idempotent.
 */

const MAX_SLOT_RACES = 5;

/** One slot: changed back (true), or only marked / untouched (false). */
const withdrawSlot = async (
  deps: RunDeps,
  record: ImportRecord,
  accountId: string,
  meterId: string,
  period: string,
) => {
  for (let race = 0; race < MAX_SLOT_RACES; race++) {
    let slot: ActivitySlot | undefined = await deps.store.getSlot(accountId, meterId, period);
    if (slot === undefined) return false;
    if (slot.pending) slot = await finishPending(deps, slot);
    const decision = decideWithdrawal(slot, record.id, deps.now().toISOString());
    if (decision.kind === 'none') return false;
    if (decision.kind === 'mark') {
      if (await deps.store.putHistory({ ...slot, history: markWithdrawn(slot.history, record.id) }))
        return false;
      continue;
    }
    if (await applyChange(deps, slot, decision.change)) return true;
  }
  throw new Error(`slot ${accountId} ${period} keeps changing under the withdrawal`);
};

/** Each slot the file names, once, in file order. */
async function* slotsOf(deps: RunDeps, record: ImportRecord, skip: number) {
  const cache = newRunCache();
  for await (const { index, fields } of dataRows(deps.files, record)) {
    const target = await resolveTarget(deps, cache, record, fields);
    const period = fields.period ?? '';
    const fresh = 'slotKey' in target && /^\d{4}-\d{2}$/.test(period) && !cache.seen.has(target.slotKey);
    if ('slotKey' in target) cache.seen.set(target.slotKey, index);
    yield {
      index,
      slot:
        fresh && index > skip
          ? { accountId: target.account.accountId, meterId: target.meter.id, period }
          : undefined,
    };
  }
}

export const runWithdrawal = async (
  base: RunDeps,
  record: ImportRecord,
  limits: Pick<RunLimits, 'until'> = {},
): Promise<ImportRecord> => {
  // Each account meter and enterprise read once a run, as the import reads them.
  const deps = memoised(base);
  const withdrawal = record.withdrawal ?? {
    requestedBy: 'unknown',
    requestedAt: deps.now().toISOString(),
    rowsDone: 0,
    changed: 0,
  };
  for await (const { index, slot } of slotsOf(deps, record, withdrawal.rowsDone)) {
    if (index <= withdrawal.rowsDone) continue;
    if (slot && (await withdrawSlot(deps, record, slot.accountId, slot.meterId, slot.period)))
      withdrawal.changed += 1;
    withdrawal.rowsDone = index;
    // Every slot, not every checkpoint: 200 slots the careful way (four requests or more each) can
    // outlast a minute on a loaded box; the sink keeps to a line a tenth and one a minute (progress.ts).
    deps.progress?.(index, record.counts.rows);
    if (index % CHECKPOINT_ROWS !== 0) continue;
    await deps.store.update(record.id, { withdrawal });
    if (budgetSpent(limits, deps.now())) return { ...record, withdrawal };
  }
  const done = { ...withdrawal, finishedAt: deps.now().toISOString() };
  await deps.store.update(record.id, { status: 'withdrawn', withdrawal: done });
  return { ...record, status: 'withdrawn', withdrawal: done };
};
