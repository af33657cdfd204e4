import { describe, expect, it } from 'vitest';
import { wallClockOf } from '../../../shared/domain/calendar/local-date.ts';

/** What Intl says, field by field: the reference the quarter-hour offsets must agree with. */
const formats = new Map<string, Intl.DateTimeFormat>();
const reference = (instant: number, timeZone: string) => {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  formats.set(timeZone, format);
  const parts = format.formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
};

describe('wallClockOf (offsets kept per quarter hour)', () => {
  // DST at whole and half hours, a 45-minute zone, and Shanghai's local mean time before 1901.
  const zones = [
    'Asia/Shanghai',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Europe/London',
  ];
  const around = [
    Date.UTC(2026, 2, 8, 6, 59, 59, 999), // New York springs forward at 07:00 UTC
    Date.UTC(2026, 10, 1, 5, 59, 59, 500), // and falls back at 06:00 UTC
    Date.UTC(2026, 3, 4, 14, 59, 59), // Lord Howe: 30 minutes back at 15:00 UTC
    Date.UTC(1900, 0, 1, 12, 0, 0), // Shanghai LMT (+8:05:43)
    Date.UTC(1986, 4, 3, 17, 59, 59), // Shanghai's DST of 1986
  ];

  it('reads every field as the formatter does, across offset changes', () => {
    for (const zone of zones)
      for (const start of around)
        for (let step = -4; step <= 4; step += 1) {
          const instant = start + step * 7 * 60_000 + (step % 3) * 999;
          expect(wallClockOf(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toEqual(
            reference(instant, zone),
          );
        }
  });

  it('agrees on a spread of instants over a century', () => {
    for (let i = 0; i < 200; i += 1) {
      const instant = Date.UTC(1950, 0, 1) + i * 6_316_493_831;
      for (const zone of zones) expect(wallClockOf(instant, zone)).toEqual(reference(instant, zone));
    }
  });
});
