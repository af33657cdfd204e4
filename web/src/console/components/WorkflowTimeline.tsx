import { Tag, Timeline, Typography } from 'antd';
import { roleLabelOf } from '../../../../shared/domain/role-labels.ts';
import type { ConsoleApi } from '../api.ts';
import { localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
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

const RATINGS: Record<string, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

/** The facts of a step worth reading beside it, departments by name. */
const detailText = (details: Record<string, unknown>, unitName: (id: string) => string): string => {
  const parts: string[] = [];
  for (const key of ['leadDepartmentId', 'leadUnitId'])
    if (typeof details[key] === 'string') parts.push(`主办：${unitName(details[key])}`);
  for (const key of ['coDepartmentIds', 'coUnitIds'])
    if (Array.isArray(details[key]) && details[key].length > 0)
      parts.push(`协办：${(details[key] as string[]).map(unitName).join('、')}`);
  if (typeof details.class === 'string') parts.push(`${details.class} 类`);
  if (typeof details.rating === 'string') parts.push(RATINGS[details.rating] ?? details.rating);
  if (typeof details.leaderName === 'string') parts.push(`督办领导：${details.leaderName}`);
  return parts.join(' · ');
};

/**
 * A duplicate's step names the other case by id: a link to it reads better than the id. The
 * original's `linkDuplicate` note only repeats that id in two languages, so the link replaces it.
 */
const relatedCase = (entry: TimelineEntryView) => {
  const { duplicateOf, duplicateId } = entry.details;
  if (typeof duplicateOf === 'string')
    return <Link to={`cases/${encodeURIComponent(duplicateOf)}`}>查看原案件</Link>;
  if (typeof duplicateId === 'string')
    return <Link to={`cases/${encodeURIComponent(duplicateId)}`}>查看重复上报的案件</Link>;
  return null;
};

const StepText = ({ entry, unitName }: { entry: TimelineEntryView; unitName: (id: string) => string }) => {
  const note = entry.action === 'linkDuplicate' ? undefined : entry.note;
  const text = [note, detailText(entry.details, unitName)].filter(Boolean).join(' · ');
  const related = relatedCase(entry);
  if (text === '' && related === null) return null;
  return (
    <div>
      {text}
      {text !== '' && related !== null ? ' · ' : null}
      {related}
    </div>
  );
};

/** The append-only timeline of a case or suggestion: who (role), what, when (local), and its photos. */
export const WorkflowTimeline = ({
  entries,
  api,
  actionLabel,
  stateLabel,
  unitName,
}: {
  entries: readonly TimelineEntryView[];
  api: ConsoleApi;
  actionLabel: (action: string) => string;
  stateLabel: (state: string) => string;
  unitName: (id: string) => string;
}) => (
  <Timeline
    items={entries.map((entry) => ({
      key: entry.seq,
      color: entry.action === 'escalate' ? 'red' : entry.action === 'submit' ? 'blue' : 'green',
      children: (
        <div>
          <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>{' '}
          <Tag>{roleLabelOf(entry.actorRole) ?? entry.actorRole}</Tag>
          <span className="qs-muted">
            {localTime(entry.at)} → {stateLabel(entry.to)}
          </span>
          <StepText entry={entry} unitName={unitName} />
          {entry.mediaIds.length === 0 ? null : (
            <MediaGallery api={api} ids={entry.mediaIds} label="本步照片" />
          )}
        </div>
      ),
    }))}
  />
);
