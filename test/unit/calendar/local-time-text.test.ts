import { describe, expect, it } from 'vitest';
import { formatLocalDate, formatLocalDateTime } from '../../../shared/domain/calendar/local-time-text.ts';

describe('times as people read them', () => {
  it('shows a UTC instant as Beijing time in words, not as an ISO string', () => {
    // 10:00 UTC is 18:00 in Shanghai
    expect(formatLocalDateTime('2026-12-18T10:00:00.000Z', 'Asia/Shanghai')).toBe(
      '2026年12月18日 18:00（北京时间）',
    );
  });

  it('moves to the next local day when UTC is still on the previous one', () => {
    expect(formatLocalDateTime(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe(
      '2027年1月1日 00:30（北京时间）',
    );
  });

  it('names another zone by its id', () => {
    expect(formatLocalDateTime('2026-07-01T08:05:00Z', 'Europe/Berlin')).toBe(
      '2026年7月1日 10:05（Europe/Berlin 时间）',
    );
  });

  it('writes a local date without leading zeros', () => {
    expect(formatLocalDate('2027-01-05')).toBe('2027年1月5日');
  });
});
