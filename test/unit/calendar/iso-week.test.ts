import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekRange, mondayOf } from '../../../shared/domain/calendar/iso-week.ts';

describe('ISO weeks', () => {
  it('names weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeekOf('2026-11-28')).toBe('2026-W48'); // a Saturday
    expect(mondayOf('2026-11-28')).toBe('2026-11-23');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53'); // Sunday of the 53rd week of 2020
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // Monday already in week 1 of 2025
  });

  it('gives the Monday-to-Monday range of a week', () => {
    expect(isoWeekRange('2026-W48')).toEqual({ first: '2026-11-23', next: '2026-11-30' });
    expect(isoWeekRange('2025-W01')).toEqual({ first: '2024-12-30', next: '2025-01-06' });
  });
});
