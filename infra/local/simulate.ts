/**
 * `npm run simulate`: the demo fleet (infra/local/demo-registry.ts) publishing telemetry over real
 * MQTT to the broker of a running `npm start`, with daily and weekly load shapes, rolling registers,
 * a few duplicates and bad messages, and one meter that goes offline halfway. `--help` for options.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findRunningStack } from './running-stacks.ts';
import { BAD_MESSAGE_KINDS, badMessageBody } from './simulator/faults.ts';
import {
  initialState,
  type MeterState,
  nextMessage,
  type SimulatedMeter,
  simulatedFleet,
} from './simulator/fleet-model.ts';
import { FleetPublisher } from './simulator/fleet-publisher.ts';
import { parseSimulatorOptions, USAGE } from './simulator/options.ts';
import { alignedStart, dueAt, pacingFor, seededRandom, stepFor } from './simulator/pacing.ts';
import { progressLine, type RunTally, summaryText } from './simulator/report.ts';

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const options = parseSimulatorOptions(process.argv.slice(2));
const projectRoot = resolve(import.meta.dirname, '..', '..');
const running = await findRunningStack(projectRoot, options.dataDir);
if (typeof running === 'string') {
  console.error(running);
  process.exit(1);
}
const dataDir = running.dataDir;
const stateFile = join(dataDir, 'simulator-state.json');
const readJson = async <T>(file: string): Promise<T | undefined> =>
  (JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) as T | null) ?? undefined;

const stack = running;
const devices = (await readJson<{ meterId: string; secret: string }[]>(join(dataDir, 'devices.json'))) ?? [];
if (devices.length === 0) {
  console.error(
    `The stack on ${dataDir} has no demo meters (devices.json): npm start -- --reset seeds them.`,
  );
  process.exit(1);
}

const tally: RunTally = { meters: new Map(), bad: {}, acked: 0, failed: 0 };
const publisher = await FleetPublisher.connect(
  stack.urls.mqtt,
  devices.filter((d) => simulatedFleet().some((m) => m.profile.id === d.meterId)),
  tally,
);
const fleet = simulatedFleet().filter((meter) => publisher.isConnected(meter.profile.id));
if (fleet.length === 0) {
  console.error('No demo meter could connect to the broker with the secrets in devices.json.');
  process.exit(1);
}
const pacing = pacingFor(
  fleet.length,
  options.readingsPerMessage,
  options.rate,
  options.durationMs !== undefined,
);
const random = seededRandom(options.seed);
const noise = () => (random() - 0.5) * 0.1; // ±5 %
const startMs = Date.now();

/** Resume after what an earlier run sent (simulator-state.json), so no period is sent twice. */
const startingStates = async (): Promise<Map<string, MeterState>> => {
  const saved = (await readJson<Record<string, MeterState>>(stateFile)) ?? {};
  const states = new Map<string, MeterState>();
  for (const meter of fleet) {
    const from = alignedStart(meter, startMs - options.backfillHours * 3_600_000);
    const previous = saved[meter.profile.id];
    if (previous !== undefined && previous.lastTs >= from) states.set(meter.profile.id, previous);
    else if (previous?.register !== undefined)
      states.set(meter.profile.id, { lastTs: from, register: previous.register });
    else states.set(meter.profile.id, initialState(meter, from));
  }
  return states;
};
const states = await startingStates();
for (const meter of fleet) {
  const blank = { unit: meter.profile.unit, messages: 0, readings: 0, consumed: 0, duplicates: 0, bad: 0 };
  tally.meters.set(meter.profile.id, blank);
}
/** The reading time the fleet has reached: the oldest of the meters still sending. */
const oldestReading = () =>
  Math.min(
    ...[...states].filter(([id]) => id !== options.offlineMeter || !wentOffline()).map(([, s]) => s.lastTs),
  );
const wentOffline = () => tally.meters.get(options.offlineMeter)?.offline === true;
const simStart = oldestReading();

let stopRequested = false;
process.on('SIGINT', () => {
  stopRequested = true;
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Share of the run done: of the duration, or of the simulated past still to catch up. */
const progress = (now: number): number =>
  options.durationMs !== undefined
    ? (now - startMs) / options.durationMs
    : (oldestReading() - simStart) / Math.max(1, now - simStart);

const nextDue = (): { meter: SimulatedMeter; state: MeterState; at: number } | undefined => {
  const now = Date.now();
  return fleet
    .filter((meter) => publisher.isConnected(meter.profile.id))
    .map((meter) => {
      const state = states.get(meter.profile.id) as MeterState;
      return { meter, state, at: dueAt(meter, state, pacing, now) };
    })
    .sort((a, b) => a.at - b.at)[0];
};

const pendingDuplicates: { meterId: string; body: string; after: number }[] = [];
let serial = 0;

const sendBad = async (meter: SimulatedMeter, state: MeterState) => {
  const id = meter.profile.id;
  const kind = BAD_MESSAGE_KINDS[Math.floor(random() * BAD_MESSAGE_KINDS.length)] ?? 'negative';
  const context = { meterId: id, readingKind: meter.profile.readingKind, atMs: state.lastTs, serial };
  await publisher.publish(id, badMessageBody(kind, context));
  const meterTally = tally.meters.get(id);
  if (meterTally) meterTally.bad += 1;
  tally.bad[kind] = (tally.bad[kind] ?? 0) + 1;
};

const sendGood = async (meter: SimulatedMeter, state: MeterState) => {
  const id = meter.profile.id;
  const stepMs = stepFor(meter, state, pacing, Date.now());
  const count = options.readingsPerMessage;
  const message = nextMessage(meter, state, { count, stepMs, timeZone: options.timeZone, noise });
  states.set(id, message.state);
  const body = JSON.stringify(message.payload);
  await publisher.publish(id, body);
  const meterTally = tally.meters.get(id);
  if (meterTally === undefined) return;
  meterTally.messages += 1;
  meterTally.readings += message.payload.readings.length;
  meterTally.consumed += message.consumed;
  meterTally.firstTs ??= message.payload.readings[0]?.ts;
  meterTally.lastTs = message.payload.readings.at(-1)?.ts;
  if (random() < options.duplicateShare) {
    pendingDuplicates.push({ meterId: id, body, after: serial + 1 + Math.floor(random() * 20) });
  }
};

const sendDuplicate = async (duplicate: { meterId: string; body: string }) => {
  await publisher.publish(duplicate.meterId, duplicate.body);
  const meterTally = tally.meters.get(duplicate.meterId);
  if (meterTally) meterTally.duplicates += 1;
};

const takeOfflineAtHalfway = async (fraction: number) => {
  const meterTally = tally.meters.get(options.offlineMeter);
  if (fraction < 0.5 || meterTally === undefined || meterTally.offline === true) return;
  meterTally.offline = true;
  await publisher.disconnect(options.offlineMeter);
};

/** One rate slot: a due duplicate, else the most overdue meter's next (good or bad) message. */
const step = async (): Promise<'sent' | 'wait' | 'caught-up'> => {
  const duplicate = pendingDuplicates[0];
  if (duplicate !== undefined && duplicate.after <= serial) {
    pendingDuplicates.shift();
    await sendDuplicate(duplicate);
    return 'sent';
  }
  const due = nextDue();
  if (due === undefined) return 'caught-up';
  if (due.at > Date.now()) return options.durationMs === undefined ? 'caught-up' : 'wait';
  serial += 1;
  if (random() < options.badShare) await sendBad(due.meter, due.state);
  else await sendGood(due.meter, due.state);
  return 'sent';
};

const saveState = () => writeFile(stateFile, JSON.stringify(Object.fromEntries(states), null, 2));

const run = async () => {
  let nextSlot = Date.now();
  let lastDraw = 0;
  let lastSave = Date.now();
  for (;;) {
    const now = Date.now();
    const fraction = progress(now);
    if (stopRequested || fraction >= 1) return;
    await takeOfflineAtHalfway(fraction);
    if (now - lastSave > 5_000) {
      await saveState(); // a killed run still resumes close to where it stopped
      lastSave = now;
    }
    if (now - lastDraw > 100) {
      const sim = new Date(oldestReading()).toISOString().slice(0, 16);
      process.stderr.write(progressLine(Math.min(1, fraction), tally, now - startMs, sim));
      lastDraw = now;
    }
    if (nextSlot > now) await sleep(nextSlot - now);
    nextSlot = Math.max(nextSlot + 1000 / options.rate, Date.now() - 1000);
    const outcome = await step();
    if (outcome === 'caught-up') return;
    if (outcome === 'wait') await sleep(50);
  }
};

await run();
for (const duplicate of pendingDuplicates.splice(0)) await sendDuplicate(duplicate);
await publisher.close();
await saveState();
process.stderr.write(
  `${progressLine(1, tally, Date.now() - startMs, new Date().toISOString().slice(0, 16))}\n`,
);
console.log(summaryText(tally, Date.now() - startMs));
