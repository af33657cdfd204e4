import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import { escalationsDue, escalationTarget } from '../../../shared/domain/workflow/escalation.ts';

const calendar = defaultWorkingCalendar({ timeZone: 'Asia/Shanghai' });
/** Shanghai wall-clock time as a UTC instant (UTC+8, no DST). */
const cst = (local: string) => new Date(`${local}+08:00`);

describe('escalation levels across working-day boundaries', () => {
  // Deadline: Friday 2026-11-27 18:00 (close of office); office 09–12, 13–18.
  const deadline = cst('2026-11-27T18:00:00');

  it('is level 0 with more than one working day left, level 1 within it', () => {
    // Thu 17:00 → Fri 18:00 is 1 h Thu + 8 h Fri = 9 working hours
    expect(escalationTarget(deadline, cst('2026-11-26T17:00:00'), calendar)).toBe(0);
    // Thu 18:00 → exactly 8 working hours left
    expect(escalationTarget(deadline, cst('2026-11-26T18:00:00'), calendar)).toBe(1);
  });

  it('a weekend before a Monday deadline counts as no working time', () => {
    // Deadline Monday 11-30 18:00; on Friday 18:00 only Monday's 8 hours remain → level 1
    expect(escalationTarget(cst('2026-11-30T18:00:00'), cst('2026-11-27T18:00:00'), calendar)).toBe(1);
  });

  it('is level 2 once past the deadline, even over the weekend', () => {
    expect(escalationTarget(deadline, cst('2026-11-28T10:00:00'), calendar)).toBe(2);
  });

  it('is level 3 only after three more whole working days, skipping the weekend', () => {
    // 3 working days after Fri 11-27: Mon 30, Tue 1, Wed 2 → leader from Wed 12-02 18:00
    expect(escalationTarget(deadline, cst('2026-12-02T17:59:00'), calendar)).toBe(2);
    expect(escalationTarget(deadline, cst('2026-12-02T18:01:00'), calendar)).toBe(3);
  });

  it('skips a public holiday and counts its make-up Saturday', () => {
    // Deadline Wed 09-30 18:00. Holiday 10-01..07; working days after it: Thu 10-08, Fri 10-09 and
    // the make-up Saturday 10-10 → the leader level starts after Sat 10-10 18:00. Counting plain
    // weekdays would have reached it on Mon 10-05.
    const due = cst('2026-09-30T18:00:00');
    expect(escalationTarget(due, cst('2026-10-09T12:00:00'), calendar)).toBe(2);
    expect(escalationTarget(due, cst('2026-10-10T17:00:00'), calendar)).toBe(2);
    expect(escalationTarget(due, cst('2026-10-10T18:01:00'), calendar)).toBe(3);
  });

  it('has no level without a deadline', () => {
    expect(escalationTarget(undefined, new Date(), calendar)).toBe(0);
  });
});

describe('levels to record', () => {
  it('records every level between the stored one and the target, once', () => {
    expect(escalationsDue(0, 3)).toEqual([1, 2, 3]);
    expect(escalationsDue(1, 2)).toEqual([2]);
    expect(escalationsDue(2, 2)).toEqual([]);
    expect(escalationsDue(3, 2)).toEqual([]);
  });
});
