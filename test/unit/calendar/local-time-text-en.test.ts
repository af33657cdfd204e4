import { describe, expect, it } from 'vitest';
import { formatLocalDateTimeEn } from '../../../shared/domain/calendar/local-time-text-en.ts';

describe('local time in English words', () => {
  it('reads a UTC instant as the wall clock of the office zone, naming the zone', () => {
    expect(formatLocalDateTimeEn('2026-12-18T10:00:00.000Z', 'Asia/Shanghai')).toBe(
      '2026-12-18 18:00 (Asia/Shanghai)',
    );
    expect(formatLocalDateTimeEn(new Date('2026-03-04T16:30:00Z'), 'Asia/Shanghai')).toBe(
      '2026-03-05 00:30 (Asia/Shanghai)',
    );
  });

  it('follows another configured zone, daylight saving included', () => {
    expect(formatLocalDateTimeEn('2026-07-01T12:05:00Z', 'Europe/Berlin')).toBe(
      '2026-07-01 14:05 (Europe/Berlin)',
    );
    expect(formatLocalDateTimeEn('2026-01-01T12:05:00Z', 'Europe/Berlin')).toBe(
      '2026-01-01 13:05 (Europe/Berlin)',
    );
  });
});
