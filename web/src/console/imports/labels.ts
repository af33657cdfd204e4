import type { ImportStatus } from '../../../../shared/domain/imports/import-record.ts';
import type { RefusalReason } from '../../../../shared/domain/imports/judge-row.ts';
import { FEED_KIND_NAMES, type FeedKind } from '../../../../shared/domain/imports/templates.ts';

/** The feeds' names, as the job's messages say them. */
export const KIND_LABELS: Readonly<Record<FeedKind, string>> = FEED_KIND_NAMES;

export const STATUS_LABELS: Record<ImportStatus, { text: string; color: string }> = {
  queued: { text: '排队中', color: 'default' },
  running: { text: '导入中', color: 'blue' },
  succeeded: { text: '已完成', color: 'green' },
  failed: { text: '失败', color: 'red' },
  withdrawing: { text: '撤回中', color: 'orange' },
  withdrawn: { text: '已撤回', color: 'default' },
};

/** The refusal reasons of docs/imports.md, "Row by row", as a person reads them. */
export const REASON_LABELS: Record<RefusalReason, string> = {
  'unknown-account': '账户未登记',
  'unit-not-allowed': '单位不适用',
  'period-malformed': '期间格式错误',
  'value-malformed': '用量格式错误',
  implausible: '用量不合理',
  duplicate: '重复',
  'measured-invalid': '实测参数无效',
  'no-factor': '该月份无排放因子',
  'not-accountable': '无法核算',
};

export const reasonLabel = (reason: string): string =>
  (REASON_LABELS as Record<string, string>)[reason] ?? reason;

/** Still moving: the page polls the record while it is. */
export const isActive = (status: string): boolean =>
  status === 'queued' || status === 'running' || status === 'withdrawing';
