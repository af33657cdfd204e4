import { formatLocalDate, formatLocalDateTime } from '../calendar/local-time-text.ts';
import type { DepartmentIndicators } from '../cases/case-indicators.ts';
import type { SuggestionFigures } from '../suggestions/suggestion-statistics.ts';
import { toCsv } from './csv.ts';
import { type ReportSection, renderHtmlDocument } from './html-document.ts';
import {
  markedDeadline,
  type ProvisionalFacts,
  provisionalFootnotes,
  withProvisionalNote,
} from './provisional-mark.ts';
import { barChart } from './svg-charts.ts';

/**
 * The department performance report (weekly and monthly): the case indicators and the suggestion
 * figures of each department, its overdue lists, rework and satisfaction. One report per department
 * and one for the district that sets all departments side by side.
 */

export interface OverdueItem extends ProvisionalFacts {
  id: string;
  title: string;
  /** Instant (cases) or local date (suggestion reply due). */
  due: string;
  escalationLevel?: number;
}

export interface DepartmentPerformance {
  departmentId: string;
  name: string;
  cases?: DepartmentIndicators;
  suggestions?: SuggestionFigures;
  overdueCases: readonly OverdueItem[];
  overdueSuggestions: readonly OverdueItem[];
}

export interface PerformanceReportInput {
  kind: 'weekly' | 'monthly';
  period: string;
  /** Local dates [from, to) the period covers. */
  range: { from: string; to: string };
  departments: readonly DepartmentPerformance[];
  generatedAt: string;
  /** The deployment's zone: the HTML names instants in it. */
  timeZone: string;
}

const pct = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
const hours = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toFixed(1);

const KIND_LABEL = { weekly: '周报', monthly: '月报' } as const;

export const departmentRow = (d: DepartmentPerformance): (string | number)[] => [
  d.departmentId,
  d.name,
  d.cases?.dispatched ?? 0,
  d.cases?.closed ?? 0,
  pct(d.cases?.onTimeRate),
  pct(d.cases?.closureRate),
  pct(d.cases?.reworkRate),
  pct(d.cases?.extensionRate),
  hours(d.cases?.averageHandlingWorkingHours),
  d.overdueCases.length,
  d.overdueCases.filter((item) => item.provisional).length,
  d.suggestions?.count ?? 0,
  pct(d.suggestions?.onTimeRate),
  pct(d.suggestions?.satisfaction.satisfactionRate),
  d.suggestions?.rehandled ?? 0,
  d.overdueSuggestions.length,
];

const HEADER = [
  'department',
  'name',
  'cases dispatched',
  'cases closed',
  'on-time rate',
  'closure rate',
  'rework rate',
  'extension rate',
  'avg handling (working h)',
  'cases overdue now',
  'cases overdue now with provisional deadline',
  'suggestions',
  'replied on time',
  'satisfaction rate',
  're-handled',
  'suggestions overdue now',
];

const HEADER_ZH = [
  '单位编号',
  '单位',
  '派遣案件',
  '结案',
  '按期结案率',
  '结案率',
  '返工率',
  '延期率',
  '平均处置时长(工作小时)',
  '超期未办',
  '其中暂定期限',
  '代表建议',
  '按期答复率',
  '满意率',
  '重新办理',
  '建议超期',
];

export const buildPerformanceReport = (input: PerformanceReportInput, title: string) => {
  const rows = input.departments.map(departmentRow);
  const json = {
    kind: `performance-${input.kind}`,
    period: input.period,
    range: input.range,
    departments: input.departments.map((d) => ({
      ...d,
      overdueCases: d.overdueCases.map((item) => withProvisionalNote(item, input.timeZone)),
    })),
    generatedAt: input.generatedAt,
  };
  const csv = toCsv(HEADER, rows);
  const sections: ReportSection[] = [
    {
      heading: '指标总览 Indicators',
      paragraphs: [`统计区间 ${input.range.from} 至 ${input.range.to}（不含）。比率分母为零时记为“—”。`],
      charts:
        input.departments.length > 1
          ? [
              barChart({
                title: '按期结案率 On-time handling rate',
                unit: '%',
                bars: input.departments.map((d) => ({
                  label: d.name,
                  value: (d.cases?.onTimeRate ?? 0) * 100,
                })),
              }),
              barChart({
                title: '代表建议满意率 Suggestion satisfaction',
                unit: '%',
                bars: input.departments.map((d) => ({
                  label: d.name,
                  value: (d.suggestions?.satisfaction.satisfactionRate ?? 0) * 100,
                })),
              }),
            ]
          : [],
      tables: [{ header: HEADER_ZH, rows, numericColumns: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] }],
    },
    ...input.departments
      .filter((d) => d.overdueCases.length + d.overdueSuggestions.length > 0)
      .map((d) => ({
        heading: `超期清单 Overdue — ${d.name}`,
        tables: [
          {
            header: ['类型 Type', '编号 Id', '标题 Title', '期限 Due', '督办级别 Escalation'],
            rows: [
              ...d.overdueCases.map((item) => [
                '案件 case',
                item.id,
                item.title,
                markedDeadline(formatLocalDateTime(item.due, input.timeZone), item),
                item.escalationLevel ?? 0,
              ]),
              ...d.overdueSuggestions.map((item) => [
                '建议 suggestion',
                item.id,
                item.title,
                formatLocalDate(item.due),
                item.escalationLevel ?? 0,
              ]),
            ],
          },
        ],
        notes: provisionalFootnotes(d.overdueCases, input.timeZone),
      })),
  ];
  const html = renderHtmlDocument({
    title,
    subtitle: `${KIND_LABEL[input.kind]} ${input.period}`,
    generatedAt: formatLocalDateTime(input.generatedAt, input.timeZone),
    sections,
    footnotes: [
      '指标口径见 shared/domain/cases/case-indicators.ts 与 suggestion-statistics.ts。Indicator definitions are documented with the code that computes them.',
    ],
  });
  return { json, csv, html };
};
