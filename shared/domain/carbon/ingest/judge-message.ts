import type { EnterpriseRecord, MeterRecord } from '../../registry/records.ts';
import type { AccountingDefaults } from '../accounting/accounting-context.ts';
import { AccountingError } from '../accounting/errors.ts';
import type { FactorLibrary } from '../accounting/factors.ts';
import { UnitConversionError } from '../rollups/canonical-units.ts';
import { type MeterAccounting, meterAccountingFor, readingDateOf } from '../rollups/meter-accounting.ts';
import { readingEmissions } from '../rollups/reading-emissions.ts';
import { localPeriodsOf } from '../rollups/rollup-model.ts';
import type { EventParser } from './ingest-records.ts';
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
  /** The message contract's check (the handler's side supplies the schema: ingest-records.ts). */
  parseEvent: EventParser;
  /** `getMeters`: many at once, for a queue batch (one request instead of one per message). */
  meters: {
    getMeter(id: string): Promise<MeterRecord | undefined>;
    getMeters?(ids: readonly string[]): Promise<ReadonlyMap<string, MeterRecord>>;
  };
  /** The meter's device credential, when the deployment keeps one (revoked → quarantine). */
  credentials?: {
    get(meterId: string): Promise<CredentialStatus | undefined>;
    getMany?(meterIds: readonly string[]): Promise<ReadonlyMap<string, CredentialStatus>>;
  };
  /** The meter's plausible quantity per hour (plausible-limits.ts); none → only absolute bounds. */
  plausibility?: { limitFor(meter: MeterRecord): Promise<PlausibleLimit | undefined> };
  /** The meter's enterprise, for its factor programme (absent: the deployment's). */
  enterprises?: {
    getEnterprise(id: string): Promise<EnterpriseRecord | undefined>;
    getEnterprises?(ids: readonly string[]): Promise<ReadonlyMap<string, EnterpriseRecord>>;
  };
  /**
   * Whether a feed counts this meter's activity instead (docs/imports.md); absent: it counts.
   * `recordedOnlyOf`: the ids of those recorded only among many meters.
   */
  counting?: {
    recordedOnly(meter: MeterRecord): Promise<boolean>;
    recordedOnlyOf?(meters: readonly MeterRecord[]): Promise<ReadonlySet<string>>;
  };
  library: FactorLibrary;
  /** The deployment's method, programme and GWP set (shared/config/env.ts). */
  accounting: AccountingDefaults;
  timeZone: string;
}

interface CredentialStatus {
  status: 'active' | 'revoked';
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
  /** How the meter's readings are accounted (meter-accounting.ts). */
  accounting: MeterAccounting;
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
  const verdict = judgeTelemetryEvent(event, now, quarantineId, deps.parseEvent);
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
  const enterprise = await deps.enterprises?.getEnterprise(meter.enterpriseId);
  const accounting = meterAccountingFor(deps.accounting, meter, enterprise);
  const problem = judgeReadingKinds(batch, meter) ?? judgeAccounting(batch, meter, accounting, deps);
  if (problem) return refuse(problem.reason, problem.path, problem.message);
  const limit = await deps.plausibility?.limitFor(meter);
  const recordedOnly = (await deps.counting?.recordedOnly(meter)) === true;
  const judged = recordedOnly ? { ...meter, recordedOnly } : meter;
  return { event, now, batch, meter: judged, quarantineId, accounting, ...(limit ? { limit } : {}) };
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

/**
 * The same meter and day always account the same way (measured parameters hold by day): probe each
 * local day of the message once with a zero quantity.
 */
const judgeAccounting = (
  batch: ReadingBatch,
  meter: MeterRecord,
  accounting: MeterAccounting,
  deps: Pick<JudgeDependencies, 'library' | 'timeZone'>,
): MeterProblem | undefined => {
  const days = new Set(batch.readings.map((r) => localPeriodsOf(new Date(r.ts), deps.timeZone).day));
  for (const day of days) {
    try {
      readingEmissions(meter, 0, readingDateOf(day), deps.library, accounting);
    } catch (error) {
      if (error instanceof UnitConversionError)
        return { reason: 'unit-mismatch', path: '/unit', message: error.message };
      if (!(error instanceof AccountingError)) throw error;
      if (error.code === 'unknown-region') return unknownRegion(meter);
      return { reason: error.code, path: error.field ?? '/meter', message: error.message };
    }
  }
  return undefined;
};

/**
 * A meter registered before grid regions became a closed list may carry one that is not a real
 * grid (`CN-SOUHT`): its readings are quarantined, never priced at some other grid's factor, and
 * the entry says what to do (`npm run check:grid-regions` lists every such meter).
 */
const unknownRegion = (meter: MeterRecord): MeterProblem => ({
  reason: 'unknown grid region',
  path: '/meterId',
  message:
    `计量器具 ${meter.id} 登记的电网区域 ${meter.gridRegion ?? '（空）'} 不在电网区域清单内，读数已隔离；` +
    `请管理员更正该表的 gridRegion（PATCH /meters/${meter.id}）后重放隔离记录。` +
    ` (meter ${meter.id} has grid region ${meter.gridRegion ?? 'none'}, which is not a published grid:` +
    ' its readings are quarantined; correct its gridRegion, then replay them)',
});
