import { Tag, Timeline, Typography } from 'antd';
import type { ConsoleApi } from '../api.ts';
import { localTime } from '../lib/format.ts';
import { MediaGallery } from './MediaGallery.tsx';

export interface TimelineEntryView {
  seq: number;
  at: string;
  actorId?: string | undefined;
  actorRole: string;
  action: string;
  to: string;
  note?: string | undefined;
  mediaIds: string[];
  details: Record<string, unknown>;
}

const ROLE = {
  deputy: '代表',
  handler: '承办人',
  head: '负责人',
  supervisor: '人大工作人员',
  admin: '管理员',
  system: '系统',
} as Record<string, string>;

const detailText = (details: Record<string, unknown>): string =>
  ['reason', 'leaderName', 'class', 'rating', 'duplicateOf', 'leadDepartmentId']
    .filter((key) => typeof details[key] === 'string')
    .map((key) => String(details[key]))
    .join(' · ');

/** The append-only timeline of a case or suggestion: who (role), what, when (local), and its photos. */
export const WorkflowTimeline = ({
  entries,
  api,
  actionLabel,
  stateLabel,
}: {
  entries: readonly TimelineEntryView[];
  api: ConsoleApi;
  actionLabel: (action: string) => string;
  stateLabel: (state: string) => string;
}) => (
  <Timeline
    items={entries.map((entry) => ({
      key: entry.seq,
      color: entry.action === 'escalate' ? 'red' : entry.action === 'submit' ? 'blue' : 'green',
      children: (
        <div>
          <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>{' '}
          <Tag>{ROLE[entry.actorRole] ?? entry.actorRole}</Tag>
          <span className="qs-muted">
            {localTime(entry.at)} → {stateLabel(entry.to)}
          </span>
          {entry.note === undefined && detailText(entry.details) === '' ? null : (
            <div>{[entry.note, detailText(entry.details)].filter(Boolean).join(' · ')}</div>
          )}
          {entry.mediaIds.length === 0 ? null : (
            <MediaGallery api={api} ids={entry.mediaIds} label="本步照片" />
          )}
        </div>
      ),
    }))}
  />
);
