import { Alert, Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import type { CaseView, Department } from '../api.ts';
import { departmentName } from '../lib/departments.ts';
import { ESCALATION_LABELS, localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { DeadlineCell } from './CaseTable.tsx';
import { categoryLabel } from './labels.ts';

const RATINGS: Record<string, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

type Item = { key: string; label: string; children: ReactNode; span?: number };

/** The marks a case may carry: each shown only when it has one. */
const marks = (record: CaseView): Item[] => {
  const items: (Item | false)[] = [
    record.escalationLevel !== undefined && {
      key: 'esc',
      label: '督办',
      span: 2,
      children: ESCALATION_LABELS[record.escalationLevel],
    },
    record.extensionRequest !== undefined && {
      key: 'ext',
      label: '延期申请',
      span: 2,
      children: `${record.extensionRequest.amount} ${record.extensionRequest.unit === 'workingDays' ? '个工作日' : '个工作小时'}：${record.extensionRequest.reason}`,
    },
    record.suspension !== undefined && {
      key: 'susp',
      label: '挂账',
      span: 2,
      children: `${record.suspension.reason}（复核日期 ${record.suspension.nextReviewDate}）`,
    },
    record.duplicateOf !== undefined && {
      key: 'dup',
      label: '重复于',
      span: 2,
      children: <Link to={`cases/${encodeURIComponent(record.duplicateOf)}`}>{record.duplicateOf}</Link>,
    },
    record.rejectionReason !== undefined && {
      key: 'rej',
      label: '不予立案理由',
      span: 2,
      children: record.rejectionReason,
    },
  ];
  return items.filter((item): item is Item => item !== false);
};

const place = (record: CaseView): string =>
  record.location?.address ??
  (record.location ? `${record.location.latitude}, ${record.location.longitude}` : '—');

/** The facts of a case: who handles it, its deadline and marks, and what happened to it. */
export const CaseFactsCard = ({
  record,
  departments,
}: {
  record: CaseView;
  departments: readonly Department[];
}) => {
  const dept = (deptId?: string) => departmentName(departments, deptId);
  const items: Item[] = [
    { key: 'id', label: '编号', children: record.id },
    { key: 'cat', label: '类别', children: categoryLabel(record.categoryId) },
    { key: 'at', label: '上报时间', children: localTime(record.submittedAt) },
    { key: 'pub', label: '公开', children: record.isPublic ? '公开' : '不公开' },
    { key: 'lead', label: '主办部门', children: dept(record.leadDepartmentId) || '—' },
    { key: 'co', label: '协办部门', children: record.coDepartmentIds.map(dept).join('、') || '—' },
    {
      key: 'deadline',
      label: '期限',
      span: 2,
      children: (
        <>
          <DeadlineCell record={record} />
          {record.provisionalNote === undefined ? null : (
            <div className="qs-muted">{record.provisionalNote}</div>
          )}
        </>
      ),
    },
    ...marks(record),
    { key: 'rework', label: '返工次数', children: record.reworkCount },
    { key: 'rating', label: '评价', children: record.rating === undefined ? '—' : RATINGS[record.rating] },
    { key: 'where', label: '地址', span: 2, children: place(record) },
    { key: 'desc', label: '问题描述', span: 2, children: record.description },
  ];
  return (
    <Card title={<h2>案件信息</h2>} size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={2} size="small" bordered items={items} />
      {(record.possibleDuplicates ?? []).length === 0 ? null : (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={
            <span>
              可能重复：
              {(record.possibleDuplicates ?? []).map((d) => (
                <span key={d.id} style={{ marginRight: 8 }}>
                  <Link to={`cases/${encodeURIComponent(d.id)}`}>{d.id}</Link>（{d.distanceMeters} 米）
                </span>
              ))}
            </span>
          }
        />
      )}
    </Card>
  );
};
