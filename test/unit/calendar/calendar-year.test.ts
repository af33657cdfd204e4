import { describe, expect, it } from 'vitest';
import seed2026 from '../../../shared/data/calendar/years/2026.json' with { type: 'json' };
import { CalendarYearSchema } from '../../../shared/domain/calendar/calendar-year.ts';

/** The failing fields of a document, as JSON pointers with their messages. */
const errorsOf = (document: unknown): Record<string, string> => {
  const result = CalendarYearSchema.safeParse(document);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [`/${issue.path.join('/')}`, issue.message]));
};
// biome-ignore lint/suspicious/noExplicitAny: a test document is patched freely, including into invalid shapes
type Loose = Record<string, any>;
const patched = (patch: (doc: Loose) => void) => {
  const copy = structuredClone(seed2026) as Loose;
  patch(copy);
  return copy;
};
const CHINESE = /[\u4e00-\u9fff]/;

describe('the calendar year format', () => {
  it('accepts the bundled 2026 notice, defaulting nothing it states', () => {
    const parsed = CalendarYearSchema.parse(seed2026);
    expect(parsed.year).toBe(2026);
    expect(parsed.holidays).toHaveLength(7);
    expect(parsed.makeUpWorkdays).toContain('2026-02-28');
    expect(parsed.verified).toBe(true);
  });

  it('refuses a make-up workday on a weekday, inside a holiday, or outside the year', () => {
    const errors = errorsOf(
      patched((doc) => {
        doc.makeUpWorkdays = ['2026-03-04', '2026-02-21', '2027-01-02'];
      }),
    );
    expect(errors['/makeUpWorkdays/0']).toMatch(/周末/);
    expect(errors['/makeUpWorkdays/1']).toMatch(/春节/);
    expect(errors['/makeUpWorkdays/2']).toMatch(/2026 年内/);
  });

  it('refuses a holiday range that runs backwards, leaves the year, or overlaps another', () => {
    const errors = errorsOf(
      patched((doc) => {
        doc.holidays[1].to = '2026-02-10'; // Spring Festival ends before it starts
        doc.holidays[2].from = '2025-04-04';
        doc.holidays.push({ name: { zh: '测试', en: 'Test' }, from: '2026-10-07', to: '2026-10-08' });
      }),
    );
    expect(errors['/holidays/1/to']).toMatch(/早于/);
    expect(errors['/holidays/2/from']).toMatch(/2026 年内/);
    expect(errors['/holidays/7']).toMatch(/重叠/);
  });

  it('requires New Year’s Day and a notice that names the year', () => {
    const errors = errorsOf(
      patched((doc) => {
        doc.holidays.shift();
        doc.source.title = '国务院办公厅关于2025年部分节假日安排的通知';
      }),
    );
    expect(errors['/holidays']).toMatch(/元旦/);
    expect(errors['/source/title']).toMatch(/2026年/);
  });

  it('names missing, mistyped and unknown fields in Chinese, all in one answer', () => {
    const errors = errorsOf(
      patched((doc) => {
        delete doc.source.url;
        doc.holidays[0].from = '2026-13-01';
        doc.makeupWorkdays = [];
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['/', '/holidays/0/from', '/source/url']);
    expect(errors['/source/url']).toMatch(/^缺少来源网址/);
    expect(errors['/']).toMatch(/makeupWorkdays/);
    for (const message of Object.values(errors)) expect(message).toMatch(CHINESE);
  });
});
