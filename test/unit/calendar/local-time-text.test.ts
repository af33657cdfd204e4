import { describe, expect, it } from 'vitest';
import {
  formatLocalDate,
  formatLocalDateTime,
  formatLocalDateTimeEn,
} from '../../../shared/domain/calendar/local-time-text.ts';

describe('local time in words', () => {
  it('reads a UTC instant as the wall clock of the office zone', () => {
    expect(formatLocalDateTime('2026-12-18T10:00:00.000Z', 'Asia/Shanghai')).toBe('2026年12月18日 18:00');
    expect(formatLocalDateTimeEn('2026-12-18T10:00:00.000Z', 'Asia/Shanghai')).toBe(
      '2026-12-18 18:00 (Asia/Shanghai)',
    );
  });

  it('moves to the next local day when UTC is still on the previous one', () => {
    expect(formatLocalDateTime(new Date('2026-03-04T16:30:00Z'), 'Asia/Shanghai')).toBe('2026年3月5日 00:30');
  });

  it('follows another configured zone, daylight saving included', () => {
    expect(formatLocalDateTime('2026-07-01T12:05:00Z', 'Europe/Berlin')).toBe('2026年7月1日 14:05');
    expect(formatLocalDateTime('2026-01-01T12:05:00Z', 'Europe/Berlin')).toBe('2026年1月1日 13:05');
  });

  it('writes a local date without leading zeros', () => {
    expect(formatLocalDate('2026-03-05')).toBe('2026年3月5日');
    expect(formatLocalDate('2026-12-18')).toBe('2026年12月18日');
  });
});
