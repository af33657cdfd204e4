import type { TelemetryPayload } from '../../../shared/contracts/carbon/telemetry.ts';
import { DEMO_METER_PROFILES, type DemoMeter } from '../demo-registry.ts';
import { advanceRegister, consumptionBetween, type LoadShapeId } from './load-shape.ts';

/** How each demo meter behaves: its load shape and what it draws per hour at full load. */
export const SIMULATION_PROFILES: Readonly<Record<string, { shape: LoadShapeId; ratePerHour: number }>> = {
  'MTR-0001': { shape: 'dayShift', ratePerHour: 800 }, // kWh, metal structures
  'MTR-0002': { shape: 'twoShifts', ratePerHour: 300 }, // Nm3, dyeing boiler
  'MTR-0003': { shape: 'standby', ratePerHour: 60 }, // L, generator test run
  'MTR-0004': { shape: 'dayShift', ratePerHour: 120 }, // Nm3, heat-treatment furnace
  'MTR-0005': { shape: 'twoShifts', ratePerHour: 500 }, // kWh, green-power line
  'MTR-0006': { shape: 'twoShifts', ratePerHour: 6 }, // GJ, purchased steam
  'MTR-0007': { shape: 'continuous', ratePerHour: 18 }, // t coal, kiln
  'MTR-0008': { shape: 'valleyShifted', ratePerHour: 9 }, // MWh, grinding and kiln
  'MTR-0009': { shape: 'continuous', ratePerHour: 40 }, // tCO2e, clinker calcination
  'MTR-0010': { shape: 'refuelling', ratePerHour: 150 }, // L diesel, fleet dispenser
  'MTR-0011': { shape: 'refuelling', ratePerHour: 25 }, // L gasoline
  'MTR-0012': { shape: 'dayShift', ratePerHour: 6 }, // kg LPG, forklifts
};

/** What the simulator remembers of a meter between messages (and between runs). */
export interface MeterState {
  /** Time of the last reading sent, ms. */
  lastTs: number;
  /** Cumulative meters: the register shown at lastTs. */
  register?: number;
  /** Nothing sent yet: a register's first reading is only the ingest's origin, no consumption. */
  fresh?: boolean;
}

export interface SimulatedMeter {
  profile: DemoMeter;
  shape: LoadShapeId;
  ratePerHour: number;
}

export const simulatedFleet = (): SimulatedMeter[] =>
  DEMO_METER_PROFILES.map((profile) => {
    const behaviour = SIMULATION_PROFILES[profile.id] ?? { shape: 'dayShift' as const, ratePerHour: 1 };
    return { profile, ...behaviour };
  });

/**
 * Where a meter starts when the simulator has no memory of it: `startMs`, and for registers a value
 * about two full-load hours short of the rollover, so a run of a few hours shows a wrap.
 */
export const initialState = (meter: SimulatedMeter, startMs: number): MeterState => {
  if (meter.profile.readingKind !== 'cumulative') return { lastTs: startMs };
  const rollover = meter.profile.rolloverValue;
  const register = rollover === undefined ? 0 : Math.max(0, rollover - 2 * meter.ratePerHour);
  return { lastTs: startMs, register, fresh: true };
};

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

export interface GeneratedMessage {
  payload: TelemetryPayload;
  /** Units consumed in this message, as the ingest should account them. */
  consumed: number;
  state: MeterState;
}

/**
 * The next message of a meter: `count` readings `stepMs` apart after its last one. Interval meters
 * report the consumption since the previous reading; cumulative meters their register. The message
 * id is derived from the meter and the first reading time, so re-running over the same period
 * produces the same ids (and the ingest's dedup keeps it counted once).
 */
export const nextMessage = (
  meter: SimulatedMeter,
  state: MeterState,
  options: { count: number; stepMs: number; timeZone: string; noise: () => number },
): GeneratedMessage => {
  const readings: TelemetryPayload['readings'] = [];
  let { lastTs, register } = state;
  let consumed = 0;
  for (let i = 0; i < options.count; i += 1) {
    const ts = lastTs + options.stepMs;
    const draw = consumptionBetween(meter.shape, meter.ratePerHour, lastTs, ts, options.timeZone);
    const quantity = round3(Math.max(0, draw * (1 + options.noise())));
    if (meter.profile.readingKind === 'cumulative') {
      const next = round3(advanceRegister(register ?? 0, quantity, meter.profile.rolloverValue));
      readings.push({ ts: new Date(ts).toISOString(), register: next });
      register = next;
    } else {
      readings.push({ ts: new Date(ts).toISOString(), quantity });
    }
    if (!(state.fresh === true && i === 0)) consumed += quantity;
    lastTs = ts;
  }
  const first = readings[0]?.ts ?? new Date(lastTs).toISOString();
  return {
    payload: { messageId: `sim-${meter.profile.id}-${Date.parse(first) / 1000}`, readings },
    consumed: round3(consumed),
    state: register === undefined ? { lastTs } : { lastTs, register },
  };
};
