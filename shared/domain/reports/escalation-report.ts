import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import type { ReviewDue } from '../workflow/escalation-candidates.ts';
import type { EscalationPassResult } from '../workflow/escalation-job.ts';
import type { ReconciliationResult } from '../workflow/reconciliation.ts';
import { toCsv } from './csv.ts';
import { renderHtmlDocument } from './html-document.ts';
import {
  markedDeadline,
  PROVISIONAL_CELL,
  provisionalFootnotes,
  provisionalNoteOf,
  withProvisionalNote,
} from './provisional-mark.ts';

/** The escalations report of one hourly run: who is escalated to whom, and whether the books balance. */
export interface EscalationReportInput {
  period: string;
  generatedAt: string;
  /** The deployment's zone: times in the HTML and the CSV's local column are read in it. */
  timeZone: string;
  pass: EscalationPassResult;
  reconciliation: { cases: ReconciliationResult; suggestions: ReconciliationResult };
  /** Suspended cases whose review date has come. */
  reviewDue: readonly ReviewDue[];
}

const SUBJECT_LABEL = { case: '案件 case', suggestion: '建议 suggestion' } as const;

export const buildEscalationReport = (input: EscalationReportInput) => {
  const local = (instant: string) => formatLocalDateTime(instant, input.timeZone);
  const json = {
    kind: 'escalations',
    period: input.period,
    generatedAt: input.generatedAt,
    checked: input.pass.checked,
    raisedNow: input.pass.raised,
    escalated: input.pass.escalated.map((item) => withProvisionalNote(item, input.timeZone)),
    reviewDue: input.reviewDue,
    reconciliation: input.reconciliation,
  };
  const rows = input.pass.escalated.map((item) => [
    item.subject,
    item.id,
    item.title,
    item.unitId ?? '',
    item.state,
    item.deadline,
    local(item.deadline),
    item.provisional ? PROVISIONAL_CELL : '',
    provisionalNoteOf(item, input.timeZone) ?? '',
    item.overdue ? 'yes' : 'no',
    item.level,
    item.raisedNow.join(' '),
  ]);
  const csv = toCsv(
    [
      'subject',
      'id',
      'title',
      'unit',
      'state',
      'deadline',
      'deadline (local)',
      'deadline provisional',
      'provisional note',
      'overdue',
      'level',
      'raised now',
    ],
    rows,
  );
  const balance = (name: string, result: ReconciliationResult) =>
    `${name}: 已创建 ${result.created}，${Object.entries(result.byState)
      .map(([state, count]) => `${state} ${count}`)
      .join(
        '，',
      )}；${result.balanced ? '账实相符 balanced' : `异常 ${result.outside.length} 件 OUT OF BALANCE`}`;
  const provisionalNotes = provisionalFootnotes(input.pass.escalated, input.timeZone);
  const html = renderHtmlDocument({
    title: `督办升级与不漏一件核对 Escalations and reconciliation ${input.period}`,
    generatedAt: local(input.generatedAt),
    sections: [
      {
        heading: '督办升级 Escalated now',
        paragraphs: [
          `检查 ${input.pass.checked} 件，本次升级 ${input.pass.raised} 级次，当前在督办 ${input.pass.escalated.length} 件。`,
        ],
        tables: [
          {
            header: ['类型', '编号', '标题', '承办单位', '状态', '期限', '超期', '督办级别', '本次升级'],
            rows: input.pass.escalated.map((item) => [
              SUBJECT_LABEL[item.subject],
              item.id,
              item.title,
              item.unitId ?? '',
              item.state,
              markedDeadline(local(item.deadline), item),
              item.overdue ? '是' : '否',
              `${item.level} ${item.levelLabel ?? ''}`,
              item.raisedNow.join(' '),
            ]),
          },
        ],
        ...(provisionalNotes.length > 0 ? { notes: provisionalNotes } : {}),
      },
      {
        heading: '挂账到期复核 Suspended cases due for review',
        tables: [
          {
            header: ['编号 Id', '标题 Title', '复核日期 Review date', '挂账理由 Reason'],
            rows: input.reviewDue.map((item) => [item.id, item.title, item.nextReviewDate, item.reason]),
          },
        ],
      },
      {
        heading: '不漏一件核对 Not one missed',
        paragraphs: [
          balance('案件 Cases', input.reconciliation.cases),
          balance('建议 Suggestions', input.reconciliation.suggestions),
        ],
        tables: [
          {
            header: ['编号 Id', '问题 Problem', '状态 State'],
            rows: [...input.reconciliation.cases.outside, ...input.reconciliation.suggestions.outside].map(
              (o) => [o.id, o.problem, o.state ?? ''],
            ),
          },
        ],
      },
    ],
  });
  return { json, csv, html };
};
