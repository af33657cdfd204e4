import { AccountingError } from '../carbon/errors.ts';
import type { FactorLibrary } from '../carbon/factors.ts';
import type { GwpSet } from '../carbon/gwp.ts';
import { UnitConversionError } from '../emissions/canonical-units.ts';
import { readingEmissions } from '../emissions/reading-emissions.ts';
import { localPeriodsOf } from '../emissions/rollup-model.ts';
import type { MeterRecord } from '../registry/records.ts';
import { deliveryOf, messageQuarantineId } from './quarantine-records.ts';
import { judgeTelemetryEvent, type QuarantineRecord, type ReadingBatch } from './reading-batch.ts';
import type { PlausibleLimit } from './reading-checks.ts';

/**
 * Whether a message can be applied at all: the contract, then the registry (the meter must exist,
 * be active and not revoked), then what is true of every reading alike (the meter's kind of value,
 * a unit the engine accounts). A problem here refuses the whole message; a problem of one value
 * (reading-checks.ts) refuses only that reading, later, while planning.
 */

export interface JudgeDependencies {
  meters: { getMeter(id: string): Promise<MeterRecord | undefined> };
  /** The meter's device credential, when the deployment keeps one (revoked → quarantine). */
  credentials?: { get(meterId: string): Promise<{ status: 'active' | 'revoked' } | undefined> };
  /** The meter's plausible quantity per hour (plausible-limits.ts); none → only absolute bounds. */
  plausibility?: { limitFor(meter: MeterRecord): Promise<PlausibleLimit | undefined> };
  library: FactorLibrary;
  gwpSet: GwpSet;
  timeZone: string;
}

/** A message that passed judgement: what it is, when it was judged, and its meter's limit. */
export interface JudgedMessage {
  event: unknown;
  now: Date;
  batch: ReadingBatch;
  meter: MeterRecord;
  /** The id the whole message is quarantined under if every reading is refused later. */
  quarantineId: string;
  limit?: PlausibleLimit;
}

/** A refusal of the whole message with one issue. */
export const messageRefusal = (
  event: unknown,
  now: Date,
  batch: Pick<ReadingBatch, 'meterId' | 'messageId'>,
  reason: string,
  issues: QuarantineRecord['issues'],
): QuarantineRecord => ({
  id: messageQuarantineId(event, now),
  receivedAt: now.toISOString(),
  meterId: batch.meterId,
  messageId: batch.messageId,
  reason,
  issues,
  original: event,
  delivery: deliveryOf(event, now),
});

export const judgeMessage = async (
  event: unknown,
  deps: JudgeDependencies,
  now: Date,
): Promise<QuarantineRecord | JudgedMessage> => {
  const quarantineId = messageQuarantineId(event, now);
  const verdict = judgeTelemetryEvent(event, now, quarantineId);
  if (!verdict.ok) return verdict.quarantine;
  const batch = verdict.batch;
  const refuse = (reason: string, path: string, message: string) =>
    messageRefusal(event, now, batch, reason, [{ path, message }]);
  const [meter, credential] = await Promise.all([
    deps.meters.getMeter(batch.meterId),
    deps.credentials?.get(batch.meterId),
  ]);
  if (meter === undefined)
    return refuse('unknown meter', '/meterId', `meter ${batch.meterId} is not registered`);
  if (meter.status !== 'active')
    return refuse('meter retired', '/meterId', `meter ${meter.id} is ${meter.status}`);
  if (credential?.status === 'revoked')
    return refuse('meter credential revoked', '/clientId', `the device credential of ${meter.id} is revoked`);
  const problem = judgeReadingKinds(batch, meter) ?? judgeAccounting(batch, meter, deps);
  if (problem) return refuse(problem.reason, problem.path, problem.message);
  const limit = await deps.plausibility?.limitFor(meter);
  return { event, now, batch, meter, quarantineId, ...(limit ? { limit } : {}) };
};

interface MeterProblem {
  reason: string;
  path: string;
  message: string;
}

/** Each reading has the meter's kind of value (a register for a register, a quantity otherwise). */
const judgeReadingKinds = (batch: ReadingBatch, meter: MeterRecord): MeterProblem | undefined => {
  const wants = meter.readingKind === 'cumulative' ? 'register' : 'quantity';
  const index = batch.readings.findIndex((reading) => reading[wants] === undefined);
  if (index < 0) return undefined;
  return {
    reason: 'reading kind mismatch',
    path: `/readings/${index}`,
    message: `meter ${meter.id} is ${meter.readingKind}: each reading needs "${wants}"`,
  };
};

/** The same meter and year always account the same way: probe each year once with a zero quantity. */
const judgeAccounting = (
  batch: ReadingBatch,
  meter: MeterRecord,
  deps: Pick<JudgeDependencies, 'library' | 'gwpSet' | 'timeZone'>,
): MeterProblem | undefined => {
  const years = new Set(
    batch.readings.map((r) => localPeriodsOf(new Date(r.ts), deps.timeZone).month.slice(0, 4)),
  );
  for (const year of years) {
    try {
      readingEmissions(meter, 0, Number(year), deps.library, deps.gwpSet);
    } catch (error) {
      if (error instanceof UnitConversionError)
        return { reason: 'unit-mismatch', path: '/unit', message: error.message };
      if (!(error instanceof AccountingError)) throw error;
      return { reason: error.code, path: error.field ?? '/meter', message: error.message };
    }
  }
  return undefined;
};
