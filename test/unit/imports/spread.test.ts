import { describe, expect, it } from 'vitest';
import { excelPeriod } from '../../../shared/domain/imports/file-rows.ts';
import {
  convertMicro,
  daysInMonth,
  parseMicro,
  spreadMonth,
  spreadParts,
} from '../../../shared/domain/imports/spread.ts';

describe('spreading a monthly value over its days', () => {
  it('gives integer parts that sum exactly to the whole, the first days taking the remainder', () => {
    for (const [micro, days] of [
      [84_560_000_000, 31],
      [1, 30],
      [29, 28],
      [1_000_000_000_001, 29],
      [Number.MAX_SAFE_INTEGER, 31],
    ] as const) {
      const parts = spreadParts(micro, days);
      expect(parts).toHaveLength(days);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(micro);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      expect(parts).toEqual([...parts].sort((a, b) => b - a));
    }
    expect(spreadParts(31, 30)).toEqual([2, ...Array(29).fill(1)]);
  });

  it('books each part at local noon of its day, in the month', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    const parts = spreadMonth('2026-02', 28_000_000, 'Asia/Shanghai');
    expect(parts).toHaveLength(28);
    expect(parts[0]).toEqual({
      ts: '2026-02-01T04:00:00.000Z',
      day: '2026-02-01',
      quantity: 1,
      micro: 1_000_000,
    });
    expect(parts.at(-1)?.ts).toBe('2026-02-28T04:00:00.000Z');
  });
});

describe('decimal text as millionths', () => {
  it('reads digits exactly and rounds half-even past six decimals', () => {
    expect(parseMicro('0.1')).toBe(100_000);
    expect(parseMicro('84,560')).toBe(84_560_000_000);
    expect(parseMicro('1.0000005')).toBe(1_000_000);
    expect(parseMicro('1.0000015')).toBe(1_000_002);
    expect(parseMicro('1.00000051')).toBe(1_000_001);
    expect(parseMicro('-1')).toBeUndefined();
    expect(parseMicro('1e3')).toBeUndefined();
    expect(parseMicro('')).toBeUndefined();
    expect(parseMicro('99999999999999')).toBeUndefined();
  });

  it('converts between units by powers of ten, half-even', () => {
    expect(convertMicro(1_500_000, 1000)).toBe(1_500_000_000);
    expect(convertMicro(2_500, 0.001)).toBe(2);
    expect(convertMicro(3_500, 0.001)).toBe(4);
    expect(convertMicro(3_501, 0.001)).toBe(4);
  });
});

describe('periods typed into Excel', () => {
  it('reads a date serial back as its month and leaves anything else alone', () => {
    expect(excelPeriod('46023')).toBe('2026-01');
    expect(excelPeriod('46053.5')).toBe('2026-01');
    expect(excelPeriod('2026-10')).toBe('2026-10');
    expect(excelPeriod('12345')).toBe('12345');
  });
});
