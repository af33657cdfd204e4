import { Table, Tag, Tooltip } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import type { CaseView, Department } from '../api.ts';
import type { CsvColumn } from '../lib/csv.ts';
import { departmentName } from '../lib/departments.ts';
import { countdown, ESCALATION_LABELS, localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { categoryLabel, STATE_COLORS, stateLabel } from './labels.ts';

interface Props {
  rows: readonly CaseView[];
  loading: boolean;
  departments: readonly Department[];
  page?: number;
  onPage?: (page: number) => void;
  selection?: TableRowSelection<CaseView>;
  caption: string;
}

/** A case's deadline as staff need it: the countdown in working days, overdue and escalation marks. */
export const DeadlineCell = ({ record }: { record: CaseView }) => {
  if (record.deadline === undefined) return <span className="qs-muted">—</span>;
  const { text, overdue } = countdown(record.deadline);
  const running = ['dispatched', 'inProgress', 'rectified'].includes(record.state);
  return (
    <span>
      <Tooltip title={`期限 ${localTime(record.deadline)}${record.provisional ? '（暂定）' : ''}`}>
        <span className={record.overdue ? 'qs-overdue' : undefined}>
          {running ? text : localTime(record.deadline)}
        </span>
      </Tooltip>
      {record.overdue || (running && overdue) ? (
        <Tag color="red" style={{ marginLeft: 6 }}>
          超期
        </Tag>
      ) : null}
      {record.escalationLevel === undefined ? null : (
        <Tag color="volcano" style={{ marginLeft: 6 }} title={ESCALATION_LABELS[record.escalationLevel]}>
          督办{record.escalationLevel}级
        </Tag>
      )}
    </span>
  );
};

export const caseCsvColumns = (departments: readonly Department[]): CsvColumn<CaseView>[] => [
  { title: '案件编号', value: (r) => r.id },
  { title: '标题', value: (r) => r.title },
  { title: '类别', value: (r) => categoryLabel(r.categoryId) },
  { title: '状态', value: (r) => stateLabel(r.state) },
  { title: '主办部门', value: (r) => departmentName(departments, r.leadDepartmentId) },
  {
    title: '协办部门',
    value: (r) => r.coDepartmentIds.map((id) => departmentName(departments, id)).join('、'),
  },
  { title: '上报时间', value: (r) => localTime(r.submittedAt) },
  { title: '处置期限', value: (r) => localTime(r.deadline) },
  { title: '超期', value: (r) => (r.overdue ? '是' : '否') },
  { title: '督办级别', value: (r) => r.escalationLevel ?? '' },
  { title: '返工次数', value: (r) => r.reworkCount },
  { title: '地址', value: (r) => r.location?.address ?? '' },
];

export const CaseTable = ({ rows, loading, departments, page, onPage, selection, caption }: Props) => (
  <Table<CaseView>
    rowKey="id"
    size="middle"
    loading={loading}
    dataSource={rows as CaseView[]}
    rowSelection={selection}
    title={() => <span className="qs-muted">{caption}</span>}
    pagination={{
      current: page ?? 1,
      pageSize: 20,
      showTotal: (total) => `共 ${total} 件`,
      showSizeChanger: false,
      onChange: (next) => onPage?.(next),
    }}
    columns={[
      {
        title: '案件',
        dataIndex: 'title',
        render: (_: unknown, r) => (
          <span>
            <Link to={`cases/${encodeURIComponent(r.id)}`}>{r.title}</Link>
            {r.state === 'submitted' && (r.possibleDuplicates ?? []).length > 0 ? (
              <Tag color="gold" style={{ marginLeft: 6 }}>
                可能重复
              </Tag>
            ) : null}
          </span>
        ),
      },
      { title: '类别', dataIndex: 'categoryId', render: (id: string) => categoryLabel(id), width: 110 },
      {
        title: '状态',
        dataIndex: 'state',
        width: 100,
        render: (state: string) => <Tag color={STATE_COLORS[state]}>{stateLabel(state)}</Tag>,
      },
      {
        title: '主办部门',
        dataIndex: 'leadDepartmentId',
        width: 160,
        render: (id?: string) => departmentName(departments, id) || <span className="qs-muted">—</span>,
      },
      { title: '上报时间', dataIndex: 'submittedAt', width: 150, render: (at: string) => localTime(at) },
      { title: '期限', key: 'deadline', width: 230, render: (_: unknown, r) => <DeadlineCell record={r} /> },
    ]}
  />
);
