import * as z from 'zod';
import { checkCalendarYear } from './calendar-year-rules.ts';
import { zhMessage } from './zh-issues.ts';

/**
 * The file an admin loads once a year: one calendar year as the General Office of the State Council
 * announces it in its notice (国务院办公厅关于YYYY年部分节假日安排的通知), with the notice itself as
 * the source. Format and rules: docs/working-calendar.md. Every message reads zh-CN first.
 */

const LocalDate = z.iso.date({ error: zhMessage('日期', 'date', '须为 YYYY-MM-DD 格式的日期') });

const HolidayName = z.strictObject(
  {
    zh: z
      .string({ error: zhMessage('中文名称', 'Chinese name') })
      .trim()
      .min(1, '中文名称不能为空 (empty)')
      .max(50),
    en: z
      .string({ error: zhMessage('英文名称', 'English name') })
      .trim()
      .min(1, '英文名称不能为空 (empty)')
      .max(100),
  },
  { error: zhMessage('节日名称', 'holiday name', '须为 {"zh": …, "en": …}') },
);

const Holiday = z.strictObject(
  { name: HolidayName, from: LocalDate, to: LocalDate },
  { error: zhMessage('假期', 'holiday', '须为 {"name", "from", "to"}') },
);

const Source = z.strictObject(
  {
    title: z
      .string({ error: zhMessage('通知标题', 'notice title') })
      .trim()
      .min(1, '通知标题不能为空 (empty)')
      .max(200),
    number: z
      .string({ error: zhMessage('文号', 'document number') })
      .trim()
      .min(1, '文号不能为空；未知时省略此字段 (empty: leave the field out when unknown)')
      .max(50)
      .optional(),
    publishedOn: LocalDate,
    url: z.url({
      protocol: /^https?$/,
      error: zhMessage('来源网址', 'source URL', '须为 http(s) 网址 (must be an http(s) URL)'),
    }),
  },
  { error: zhMessage('来源', 'source', '须为 {"title", "publishedOn", "url"}') },
);

export const CalendarYearSchema = z
  .strictObject(
    {
      year: z
        .int({ error: zhMessage('年份', 'year', '须为整数 (must be a whole number)') })
        .min(2000, '年份须在 2000–2100 之间 (2000–2100)')
        .max(2100, '年份须在 2000–2100 之间 (2000–2100)'),
      source: Source,
      verified: z
        .boolean({ error: zhMessage('核对标记', 'verified flag', '须为 true 或 false') })
        .default(false)
        .describe('true when every date was checked against the published text of the notice'),
      note: z
        .string({ error: zhMessage('备注', 'note') })
        .max(1000)
        .optional(),
      holidays: z
        .array(Holiday, { error: zhMessage('假期列表', 'holidays', '须为数组 (must be an array)') })
        .min(1, '至少须有一个假期 (at least one holiday)')
        .max(20, '假期不能超过 20 个 (at most 20)'),
      makeUpWorkdays: z
        .array(LocalDate, {
          error: zhMessage('调休上班日列表', 'make-up workdays', '须为数组 (must be an array)'),
        })
        .max(20, '调休上班日不能超过 20 个 (at most 20)'),
    },
    { error: zhMessage('年度日历', 'calendar year', '须为 JSON 对象 (must be a JSON object)') },
  )
  // Cross-field rules run whenever the body is an object, so one answer names every failing field.
  .superRefine(checkCalendarYear, {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  .meta({ id: 'CalendarYear' });

export type CalendarYearDocument = z.output<typeof CalendarYearSchema>;
export type CalendarYearInput = z.input<typeof CalendarYearSchema>;
