import { parseArgs } from 'node:util';

export interface SimulatorOptions {
  /** The running stack's data folder; absent: the one stack running. */
  dataDir?: string;
  /** Messages per second (all meters together). */
  rate: number;
  /** Real run time, ms; undefined: until caught up (with --backfill) or 60 s. */
  durationMs: number | undefined;
  readingsPerMessage: number;
  /** Simulated hours to publish quickly before going live. */
  backfillHours: number;
  /** Share of messages re-sent as duplicates, and share of bad messages. */
  duplicateShare: number;
  badShare: number;
  /** The meter that falls silent halfway through the run (none: ''). */
  offlineMeter: string;
  seed: number;
  timeZone: string;
}

export const USAGE = `npm run simulate -- [options]
  --rate <n>                  messages per second, all meters together (default 10)
  --duration <60s|10m|1h>     how long to run (default: until the backfill has caught up, else 60s)
  --readings-per-message <n>  readings in each message (default 4)
  --backfill <hours>          first publish this many past hours of simulated time, as fast as --rate allows
  --duplicates <share>        share of messages sent twice (default 0.02)
  --bad <share>               share of bad messages (default 0.01)
  --offline-meter <id>        meter that goes silent halfway (default MTR-0012; '' for none)
  --seed <n>                  random seed (default 1)
  --data-dir <dir>            the running stack's data folder (default: the one stack running)`;

/** `90s`, `10m`, `1.5h`, or plain seconds. */
export const parseDuration = (text: string): number => {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`--duration: ${text} is not a duration like 60s, 10m or 1h`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * unit;
};

const positive = (name: string, text: string, integer = false): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name}: ${text} must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return value;
};

const share = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 0.5)
    throw new Error(`--${name}: ${text} must be within 0–0.5`);
  return value;
};

export const parseSimulatorOptions = (args: string[]): SimulatorOptions => {
  const { values } = parseArgs({
    args,
    options: {
      rate: { type: 'string', default: '10' },
      duration: { type: 'string' },
      'readings-per-message': { type: 'string', default: '4' },
      backfill: { type: 'string', default: '0' },
      duplicates: { type: 'string', default: '0.02' },
      bad: { type: 'string', default: '0.01' },
      'offline-meter': { type: 'string', default: 'MTR-0012' },
      seed: { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
      'time-zone': { type: 'string', default: process.env.QS_TIME_ZONE ?? 'Asia/Shanghai' },
    },
  });
  const backfillHours = values.backfill === '0' ? 0 : positive('backfill', values.backfill);
  const readingsPerMessage = positive('readings-per-message', values['readings-per-message'], true);
  if (readingsPerMessage > 500) throw new Error('--readings-per-message: at most 500 (the message schema)');
  return {
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    rate: positive('rate', values.rate),
    durationMs:
      values.duration !== undefined ? parseDuration(values.duration) : backfillHours > 0 ? undefined : 60_000,
    readingsPerMessage,
    backfillHours,
    duplicateShare: share('duplicates', values.duplicates),
    badShare: share('bad', values.bad),
    offlineMeter: values['offline-meter'],
    seed: Math.trunc(Number(values.seed)) || 1,
    timeZone: values['time-zone'],
  };
};
