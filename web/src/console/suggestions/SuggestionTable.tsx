import { Steps, Table, Tag } from 'antd';
import type { Department, SuggestionView } from '../api.ts';
import type { CsvColumn } from '../lib/csv.ts';
import { departmentName } from '../lib/departments.ts';
import { ESCALATION_LABELS, localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { STAGES, stageOf, suggestionCategoryLabel, suggestionStateLabel } from './labels.ts';

export const Progress = ({ record }: { record: SuggestionView }) => (
  <Steps
    size="small"
    current={stageOf(record)}
    items={STAGES.map((title) => ({ title }))}
    aria-label={`进度：${STAGES[stageOf(record)]}`}
  />
);

/** The stages in one line for a table cell: done ones plain, the current one marked, later ones grey. */
export const CompactProgress = ({ record }: { record: SuggestionView }) => {
  const current = stageOf(record);
  return (
    <span>
      <span className="qs-sr-only">{`进度：${STAGES[current]}（第 ${current + 1} 步，共 ${STAGES.length} 步）`}</span>
      {STAGES.map((stage, index) => (
        <span key={stage} aria-hidden="true">
          {index === 0 ? null : <span className="qs-muted"> › </span>}
          {index === current ? (
            <strong style={{ color: '#0b6e4f' }}>{stage}</strong>
          ) : (
            <span className={index > current ? 'qs-muted' : undefined}>{stage}</span>
          )}
        </span>
      ))}
    </span>
  );
};

export const DueCell = ({ record }: { record: SuggestionView }) => (
  <span>
    <span className={record.overdue ? 'qs-overdue' : undefined}>{record.replyDue ?? '—'}</span>
    {record.overdue ? (
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

export const suggestionCsvColumns = (departments: readonly Department[]): CsvColumn<SuggestionView>[] => [
  { title: '建议编号', value: (s) => s.id },
  { title: '标题', value: (s) => s.title },
  { title: '类别', value: (s) => suggestionCategoryLabel(s.category) },
  { title: '状态', value: (s) => suggestionStateLabel(s.state) },
  { title: '主办单位', value: (s) => departmentName(departments, s.assignment?.leadUnitId) },
  {
    title: '协办单位',
    value: (s) => (s.assignment?.coUnitIds ?? []).map((id) => departmentName(departments, id)).join('、'),
  },
  { title: '提出时间', value: (s) => localTime(s.submittedAt) },
  { title: '答复期限', value: (s) => s.replyDue ?? '' },
  { title: '超期', value: (s) => (s.overdue ? '是' : '否') },
  { title: '重点督办', value: (s) => s.keySupervision?.leaderName ?? '' },
  { title: '答复分类', value: (s) => s.replies.at(-1)?.class ?? '' },
];

export const SuggestionTable = ({
  rows,
  loading,
  departments,
  showProgress,
  caption,
}: {
  rows: readonly SuggestionView[];
  loading: boolean;
  departments: readonly Department[];
  showProgress: boolean;
  caption: string;
}) => (
  <Table<SuggestionView>
    rowKey="id"
    loading={loading}
    dataSource={rows as SuggestionView[]}
    title={() => <span className="qs-muted">{caption}</span>}
    pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 件`, showSizeChanger: false }}
    columns={[
      {
        title: '建议',
        dataIndex: 'title',
        render: (_: unknown, s) => (
          <span>
            <Link to={`suggestions/${encodeURIComponent(s.id)}`}>{s.title}</Link>
            {s.keySupervision === undefined ? null : (
              <Tag color="red" style={{ marginLeft: 6 }}>
                重点督办 · {s.keySupervision.leaderName}
              </Tag>
            )}
          </span>
        ),
      },
      { title: '类别', dataIndex: 'category', width: 100, render: (c: string) => suggestionCategoryLabel(c) },
      {
        title: '状态',
        dataIndex: 'state',
        width: 110,
        render: (st: string) => <Tag>{suggestionStateLabel(st)}</Tag>,
      },
      {
        title: '主办单位',
        key: 'lead',
        width: 150,
        render: (_: unknown, s) => departmentName(departments, s.assignment?.leadUnitId) || '—',
      },
      ...(showProgress
        ? [
            {
              title: '进度',
              key: 'progress',
              width: 260,
              render: (_: unknown, s: SuggestionView) => <CompactProgress record={s} />,
            },
          ]
        : []),
      { title: '答复期限', key: 'due', width: 200, render: (_: unknown, s) => <DueCell record={s} /> },
    ]}
  />
);
