import type { BadMessageKind } from './faults.ts';

/** What a run sent, per meter and in all, for the progress line and the closing summary. */
export interface MeterTally {
  unit: string;
  messages: number;
  readings: number;
  /** Units consumed in the messages sent (what /emissions should show as activity). */
  consumed: number;
  duplicates: number;
  bad: number;
  firstTs?: string;
  lastTs?: string;
  offline?: boolean;
}

export interface RunTally {
  meters: Map<string, MeterTally>;
  bad: Partial<Record<BadMessageKind, number>>;
  acked: number;
  failed: number;
}

export const totals = (tally: RunTally) => {
  let messages = 0;
  let readings = 0;
  let duplicates = 0;
  let bad = 0;
  for (const meter of tally.meters.values()) {
    messages += meter.messages;
    readings += meter.readings;
    duplicates += meter.duplicates;
    bad += meter.bad;
  }
  return { messages, readings, duplicates, bad, sent: messages + duplicates + bad };
};

/** One `\r` line: a bar, the share done, counts and the rate. */
export const progressLine = (
  fraction: number,
  tally: RunTally,
  elapsedMs: number,
  simTime: string,
): string => {
  const width = 24;
  const done = Math.max(0, Math.min(width, Math.round(fraction * width)));
  const sum = totals(tally);
  const rate = elapsedMs > 0 ? (sum.sent / elapsedMs) * 1000 : 0;
  return (
    `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ` +
    `${sum.sent} msgs (${sum.readings} readings, ${sum.duplicates} dup, ${sum.bad} bad) ` +
    `${rate.toFixed(1)} msg/s  sim ${simTime} `
  );
};

export const summaryText = (tally: RunTally, elapsedMs: number): string => {
  const sum = totals(tally);
  const lines = [
    '',
    `Sent ${sum.sent} messages in ${(elapsedMs / 1000).toFixed(1)} s (${((sum.sent / Math.max(1, elapsedMs)) * 1000).toFixed(1)} msg/s), ` +
      `${tally.acked} acknowledged by the broker, ${tally.failed} failed.`,
    `  good messages ${sum.messages} (${sum.readings} readings), duplicates ${sum.duplicates} (must count once), ` +
      `bad ${sum.bad} (must be quarantined: ${Object.entries(tally.bad)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')})`,
    '',
    '  meter     msgs  readings       consumed  unit    first reading → last reading',
  ];
  for (const [id, meter] of tally.meters) {
    lines.push(
      `  ${id}  ${String(meter.messages).padStart(5)}  ${String(meter.readings).padStart(8)}  ` +
        `${meter.consumed.toFixed(3).padStart(13)}  ${meter.unit.padEnd(6)}  ${meter.firstTs ?? '-'} → ${meter.lastTs ?? '-'}` +
        (meter.offline === true ? '  (went offline)' : ''),
    );
  }
  lines.push(
    '',
    'A cumulative register’s very first reading is only its origin; it is not in "consumed".',
    'Check: GET /emissions?level=meter&id=MTR-0001&from=<YYYY-MM-DD>&to=<YYYY-MM-DD>&granularity=hour, GET /alerts,',
    'GET /quarantine?date=<YYYY-MM-DD> (admin).',
  );
  return lines.join('\n');
};
