import { MASS_SCALE, toFixed } from '../rollups/fixed-point.ts';
import type { BatchLogEntry } from './batch-log.ts';
import type { ChunkPlan, MeterHourWrite, PlanContext } from './chunk-plan.ts';
import {
  type ChunkState,
  MAX_BATCH_LOG,
  type MeterHourState,
  REGISTER_ORIGIN_PERIOD,
} from './meter-hour-state.ts';
import type { Accounting } from './plan-accounting.ts';
import type { ReadingChunk } from './reading-chunks.ts';
import type { Periods, Steps } from './reading-steps.ts';
import { linksAfter } from './register-links.ts';

/**
 * The meter-hour items a chunk's plan writes: its own hours (marker, registers, batch-log entry),
 * the later hours a late register reading corrected, and the forward links between them. Pure.
 */

/** The entry's CO2e in tonnes, summed in milligrams so the log shows the stored resolution. */
const sumCo2e = (deltas: BatchLogEntry['deltas']) =>
  deltas.reduce((s, d) => s + d.sign * toFixed(d.co2eT, MASS_SCALE), 0) / MASS_SCALE;

/** The entry's energy in tce, summed the same way. */
const sumTce = (deltas: BatchLogEntry['deltas']) =>
  deltas.reduce((s, d) => s + d.sign * toFixed(d.tce ?? 0, MASS_SCALE), 0) / MASS_SCALE;

/** The chunk's own meter-hour items: marker, registers, batch log entry, last reading time. */
export const chunkHourWrites = (
  ctx: PlanContext,
  chunk: ReadingChunk,
  state: Map<string, MeterHourState>,
  steps: Steps,
  accounting: Accounting,
  periodsOf: Periods,
): MeterHourWrite[] =>
  chunk.hours.map((hour) => {
    const refused = new Set(steps.rejected.map((r) => r.index));
    const inHour = chunk.readings
      .filter((r) => periodsOf(Date.parse(r.ts)).hour === hour && !refused.has(ctx.batch.readings.indexOf(r)))
      .sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
    const existing = state.get(hour);
    const deltas = accounting.deltasByHour.get(hour) ?? [];
    const conflicts = steps.conflicts.filter((ts) => periodsOf(ts).hour === hour);
    const registers = [
      ...(existing?.registers ?? []),
      ...steps.newRegisters.filter((r) => periodsOf(r.ts).hour === hour),
    ];
    return {
      hour,
      marksMessage: true,
      logTo: logTarget(existing),
      ...(ctx.meter.readingKind === 'cumulative'
        ? { expectedVersion: existing?.version ?? 0, registers: registers.sort((a, b) => a.ts - b.ts) }
        : {}),
      logEntry: {
        ...entryBaseOf(ctx, accounting),
        readings: inHour,
        deltas,
        co2eT: sumCo2e(deltas),
        tce: sumTce(deltas),
        ...(conflicts.length > 0 ? { conflicts: conflicts.map((ts) => new Date(ts).toISOString()) } : {}),
      },
      lastReadingAt: inHour.at(-1)?.ts ?? ctx.batch.receivedAt,
    };
  });

const logTarget = (item: MeterHourState | undefined): MeterHourWrite['logTo'] =>
  (item?.logSize ?? 0) >= MAX_BATCH_LOG ? 'overflow' : 'item';

/** What every entry of the message names: who sent it, and how it was accounted. */
const entryBaseOf = (ctx: PlanContext, accounting: Accounting) => {
  const { location, market } = ctx.accounting;
  const { meter } = ctx;
  const electricity = meter.energyType === 'electricity';
  return {
    messageId: ctx.batch.messageId,
    batchHandle: ctx.batchHandle,
    clientId: ctx.batch.clientId,
    receivedAt: ctx.batch.receivedAt,
    factorRefs: accounting.factorRefs,
    gwpSet: location.gwpSet.id,
    method: location.method,
    ...(electricity ? { programme: location.programme } : {}),
    ...(electricity && market ? { marketProgramme: market.programme } : {}),
    ...(accounting.measuredParameters.length > 0
      ? { measuredParameters: accounting.measuredParameters }
      : {}),
    ...(meter.recordedOnly ? { recordedOnly: true as const } : {}),
    activity: {
      energyType: meter.energyType,
      unit: meter.unit,
      ...(meter.gridRegion === undefined ? {} : { gridRegion: meter.gridRegion }),
      ...(electricity ? { greenPower: meter.greenPower } : {}),
    },
  };
};

/** Hours outside the chunk a late reading corrected (the hour of the next stored reading). */
export const correctionWrites = (
  ctx: PlanContext,
  chunk: ReadingChunk,
  state: Map<string, MeterHourState>,
  accounting: Accounting,
): MeterHourWrite[] =>
  [...accounting.deltasByHour.entries()]
    .filter(([hour]) => !chunk.hours.includes(hour))
    .map(([hour, deltas]) => {
      const item = state.get(hour);
      if (item === undefined) throw new Error(`correction in hour ${hour}, which holds no register reading`);
      return {
        hour,
        marksMessage: false,
        logTo: logTarget(item),
        expectedVersion: item.version,
        logEntry: {
          ...entryBaseOf(ctx, accounting),
          readings: [],
          deltas,
          co2eT: sumCo2e(deltas),
          tce: sumTce(deltas),
          correction: true,
        },
      };
    });

/**
 * Sets the forward links the plan changes (register-links.ts): on the hours it writes, and as a
 * bump on read items it does not write (the predecessor of a new hour). Returns the origin's link.
 */
export const linkWrites = (
  state: ChunkState,
  stateByHour: ReadonlyMap<string, MeterHourState>,
  meterHours: MeterHourWrite[],
  checks: ChunkPlan['checks'],
  lastHour: string,
): { next?: string } => {
  const registersAfter = new Map(
    meterHours.map((w) => [w.hour, w.registers?.length ?? stateByHour.get(w.hour)?.registers.length ?? 0]),
  );
  // A new origin is a node of the list too: it links to the first hour holding registers.
  const read = stateByHour.has(REGISTER_ORIGIN_PERIOD)
    ? state.hours
    : [
        ...state.hours,
        { hour: REGISTER_ORIGIN_PERIOD, version: 0, registers: [], messageIds: [], logSize: 0 },
      ];
  const links = linksAfter(read, registersAfter, lastHour, REGISTER_ORIGIN_PERIOD);
  for (const write of meterHours) {
    const next = links.get(write.hour);
    if (next !== undefined) write.next = next;
  }
  for (const item of state.hours) {
    const next = links.get(item.hour);
    if (next === undefined || next === item.next || registersAfter.has(item.hour)) continue;
    const check = checks.find((c) => c.hour === item.hour);
    if (check) check.next = next;
    else checks.push({ hour: item.hour, version: item.version, next });
  }
  const originNext = links.get(REGISTER_ORIGIN_PERIOD);
  return originNext === undefined ? {} : { next: originNext };
};
