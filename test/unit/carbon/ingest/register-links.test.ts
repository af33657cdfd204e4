import { describe, expect, it } from 'vitest';
import { linksAfter, linksConsistent } from '../../../../shared/domain/carbon/ingest/register-links.ts';

/**
 * A cumulative meter's hour items link forward, so a read that saw a concurrent message only half
 * (its neighbour bump, not yet its new hour) is known as stale and read again instead of counting
 * the same interval twice.
 */
const ORIGIN = '#origin';
const item = (hour: string, next?: string, registers = 1) => ({
  hour,
  version: 1,
  registers: Array.from({ length: registers }, (_, i) => ({ ts: i, value: i })),
  messageIds: [],
  logSize: 0,
  ...(next === undefined ? {} : { next }),
});

describe('register links', () => {
  it('know a read that saw a neighbour relinked to an hour it did not see', () => {
    // A message at hour 11 read hour 09 after a concurrent message relinked it to its new hour 10,
    // but before hour 10 was visible: 09 says "10 follows me", and there is no 10 in the read.
    expect(linksConsistent([item('2026-11-25T09', '2026-11-25T10')], '2026-11-25T11', ORIGIN)).toBe(false);
    expect(
      linksConsistent(
        [item('2026-11-25T09', '2026-11-25T10'), item('2026-11-25T10', '')],
        '2026-11-25T11',
        ORIGIN,
      ),
    ).toBe(true);
  });

  it('accept the nearest item after the chunk linking on, and items never linked', () => {
    const read = [item('2026-11-25T09', '2026-11-25T12'), item('2026-11-25T12', '2026-11-26T08')];
    expect(linksConsistent(read, '2026-11-25T11', ORIGIN)).toBe(true);
    expect(linksConsistent([item('2026-11-25T09'), item('2026-11-25T12')], '2026-11-25T11', ORIGIN)).toBe(
      true,
    );
    // An item that skips one the read holds was relinked by a message not yet fully visible either.
    expect(
      linksConsistent(
        [
          item('2026-11-25T09', '2026-11-25T12'),
          item('2026-11-25T10', '2026-11-25T12'),
          item('2026-11-25T12'),
        ],
        '2026-11-25T11',
        ORIGIN,
      ),
    ).toBe(false);
  });

  it('relink the predecessor to a new hour, and the new hour to the next, leaving the last one alone', () => {
    const read = [
      item(ORIGIN, '2026-11-25T09', 0),
      item('2026-11-25T09', '2026-11-25T12'),
      item('2026-11-25T12'),
    ];
    const links = linksAfter(read, new Map([['2026-11-25T10', 2]]), '2026-11-25T10', ORIGIN);
    expect(Object.fromEntries(links)).toEqual({
      [ORIGIN]: '2026-11-25T09',
      '2026-11-25T09': '2026-11-25T10',
      '2026-11-25T10': '2026-11-25T12',
    });
    // The latest hour links to nothing.
    expect(
      linksAfter([item('2026-11-25T09', '')], new Map([['2026-11-25T10', 1]]), '2026-11-25T10', ORIGIN),
    ).toEqual(
      new Map([
        ['2026-11-25T09', '2026-11-25T10'],
        ['2026-11-25T10', ''],
      ]),
    );
  });
});
