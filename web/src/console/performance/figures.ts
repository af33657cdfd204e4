import type { Indicators } from '../api.ts';
import { percent } from '../lib/format.ts';

/** The figures whose cases the drill-down lists (`caseIds` of GET /departments/{id}/indicators). */
export const FIGURE_LABELS: Record<string, string> = {
  dispatched: '应结案（派遣给本部门主办）',
  closed: '已结案',
  closedOnTime: '按期结案',
  closedLate: '未按期结案',
  rectified: '已整改',
  reworked: '返工',
  extended: '延期',
  overdueOpen: '超期在办',
  handled: '计入处置时长',
  rated: '已评价',
  unsatisfied: '不满意',
};

export interface Kpi {
  key: string;
  title: string;
  value: (i: Indicators) => string;
  /** The counts beside the rate, each a way into its cases. */
  counts: { figure: string; label: string; count: (i: Indicators) => number }[];
  /** For the trend: the rate as a number 0–100 (null when undefined). */
  rate?: (i: Indicators) => number | null;
}

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export const KPIS: Kpi[] = [
  {
    key: 'onTime',
    title: '按期处置率',
    value: (i) => percent(i.onTimeRate),
    rate: (i) => pct(i.onTimeRate),
    counts: [
      { figure: 'closedOnTime', label: '按期', count: (i) => i.closedOnTime },
      { figure: 'closedLate', label: '未按期', count: (i) => i.closed - i.closedOnTime },
    ],
  },
  {
    key: 'closure',
    title: '结案率',
    value: (i) => percent(i.closureRate),
    rate: (i) => pct(i.closureRate),
    counts: [
      { figure: 'closed', label: '结案', count: (i) => i.closed },
      { figure: 'dispatched', label: '应结案', count: (i) => i.dispatched },
    ],
  },
  {
    key: 'rework',
    title: '返工率',
    value: (i) => percent(i.reworkRate),
    rate: (i) => pct(i.reworkRate),
    counts: [
      { figure: 'reworked', label: '返工', count: (i) => i.reworked },
      { figure: 'rectified', label: '整改', count: (i) => i.rectified },
    ],
  },
  {
    key: 'extension',
    title: '延期率',
    value: (i) => percent(i.extensionRate),
    rate: (i) => pct(i.extensionRate),
    counts: [{ figure: 'extended', label: '延期', count: (i) => i.extended }],
  },
  {
    key: 'handling',
    title: '平均处置时长',
    value: (i) =>
      i.averageHandlingWorkingHours === null ? '—' : `${i.averageHandlingWorkingHours.toFixed(1)} 工作小时`,
    counts: [{ figure: 'handled', label: '案件', count: (i) => i.rectified }],
  },
  {
    key: 'satisfaction',
    title: '满意率',
    value: (i) => percent(i.satisfaction.satisfactionRate),
    rate: (i) => pct(i.satisfaction.satisfactionRate),
    counts: [
      { figure: 'rated', label: '已评价', count: (i) => i.satisfaction.rated },
      { figure: 'unsatisfied', label: '不满意', count: (i) => i.satisfaction.unsatisfied },
    ],
  },
  {
    key: 'overdue',
    title: '超期在办',
    value: (i) => `${i.overdueOpen} 件`,
    counts: [{ figure: 'overdueOpen', label: '查看', count: (i) => i.overdueOpen }],
  },
];

/** The last `count` months up to `end` (YYYY-MM), oldest first, each with its first and last day. */
export const monthsEnding = (end: string, count: number): { month: string; from: string; to: string }[] => {
  const [year = 2026, month = 1] = end.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    const iso = (x: Date) => x.toISOString().slice(0, 10);
    return { month: iso(d).slice(0, 7), from: iso(d), to: iso(last) };
  });
};
