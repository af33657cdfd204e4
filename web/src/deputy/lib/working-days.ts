import year2025 from '../../../../shared/data/calendar/years/2025.json';
import year2026 from '../../../../shared/data/calendar/years/2026.json';

/**
 * Working days left until a deadline, for the countdown on a case: the holiday notices the API is
 * seeded with (shared/data/calendar/years), read as data. Days are local dates of the deployment
 * zone. Negative when overdue. The deadline itself always comes from the API; this only counts down.
 */
interface CalendarData {
  timeZone: string;
  years: { holidays: { from: string; to: string }[]; makeUpWorkdays: string[] }[];
}

const data: CalendarData = { timeZone: 'Asia/Shanghai', years: [year2025, year2026] };

const localDate = (instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: data.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

const isHoliday = (date: string) =>
  data.years.some((year) => year.holidays.some((h) => h.from <= date && date <= h.to));
const isMakeUp = (date: string) => data.years.some((year) => year.makeUpWorkdays.includes(date));

export const isWorkingDate = (date: string): boolean => {
  if (isMakeUp(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(date);
};

const nextDate = (date: string, step: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + step);
  return d.toISOString().slice(0, 10);
};

/** Working days strictly after today up to and including the deadline's day (0: due today). */
export const workingDaysLeft = (deadline: string, now: Date): number => {
  const today = localDate(now);
  const due = localDate(new Date(deadline));
  if (due === today) return 0;
  const step = due > today ? 1 : -1;
  let count = 0;
  for (let d = today; d !== due; d = nextDate(d, step)) {
    if (isWorkingDate(nextDate(d, step))) count += step;
    if (Math.abs(count) > 400) break;
  }
  return count;
};
