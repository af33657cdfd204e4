import { Alert, Button, Card, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Escalations } from '../api.ts';
import { useConsole } from '../context.tsx';
import { departmentName, useDepartments } from '../lib/departments.ts';
import { downloadCsv } from '../lib/download.ts';
import { ESCALATION_LABELS, localDate, localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { mapLimited } from '../lib/load-all.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { toldLabel, toldLines } from './escalation-told.ts';

type Row = Escalations['escalated'][number] & { since?: string };

/**
 * The escalation board (督办): what the hourly job has escalated, at which level, since when (the
 * time of the timeline step that raised the current level) and who was told of each level, on which
 * channel and when (the API's `told`, docs/notifications.md).
 */
/** Who was told, one line per level and person; a channel that did not reach them is flagged. */
const ToldList = ({ told }: { told: Row['told'] }) => {
  const lines = toldLines(told);
  if (lines.length === 0) return <span className="qs-muted">尚未通知</span>;
  return (
    <ul className="qs-told">
      {lines.map((line) => (
        <li key={`${line.kind}|${line.level}|${line.person}`}>
          {toldLabel(line)} <span className="qs-muted qs-nowrap">{localTime(line.at)}</span>
          {line.problem ? (
            <Tag color="red" style={{ marginInlineStart: 4 }}>
              未送达
            </Tag>
          ) : null}
        </li>
      ))}
    </ul>
  );
};

const EscalationBoard = (_: PageProps) => {
  const { api } = useConsole();
  const departments = useDepartments(api);
  const loaded = useLoad(() => api.escalations(), 'escalations');
  const [since, setSince] = useState<Record<string, string>>({});
  const items = loaded.data?.escalated ?? [];
  const key = items.map((i) => i.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the items.
  useEffect(() => {
    void mapLimited(items, 4, async (item) => {
      const timeline =
        item.subject === 'case' ? await api.caseTimeline(item.id) : await api.suggestionTimeline(item.id);
      const raised = timeline.entries
        .filter((e) => e.action === 'escalate' && e.details.level === item.level)
        .at(-1);
      if (raised !== undefined) setSince((all) => ({ ...all, [item.id]: raised.at }));
    }).catch(() => undefined);
  }, [key]);
  if (loaded.error !== undefined) {
    return (
      <section>
        <h1>督办</h1>
        <Alert type="info" showIcon title={loaded.error} />
      </section>
    );
  }
  if (loaded.data === undefined) return <Spin className="qs-page-spin" />;
  const rows: Row[] = items.map((item) => ({
    ...item,
    ...(since[item.id] ? { since: since[item.id] } : {}),
  }));
  return (
    <section aria-labelledby="esc-title">
      <h1 id="esc-title">督办</h1>
      <Typography.Paragraph className="qs-muted">
        截至 {localTime(loaded.data.generatedAt)}{' '}
        的督办情况（每小时更新）。一级：部门负责人；二级：人大工作人员；三级：区领导。
      </Typography.Paragraph>
      <Card size="small">
        <Button
          style={{ marginBottom: 12 }}
          disabled={rows.length === 0}
          onClick={() =>
            downloadCsv(
              `督办-${localDate(new Date())}.csv`,
              [
                { title: '类型', value: (r: Row) => (r.subject === 'case' ? '案件' : '建议') },
                { title: '编号', value: (r: Row) => r.id },
                { title: '标题', value: (r: Row) => r.title },
                { title: '单位', value: (r: Row) => departmentName(departments, r.unitId) },
                { title: '期限', value: (r: Row) => localTime(r.deadline) },
                {
                  title: '督办级别',
                  value: (r: Row) => ESCALATION_LABELS[r.level] ?? r.levelLabel ?? r.level,
                },
                { title: '督办起始', value: (r: Row) => localTime(r.since) },
                {
                  title: '已告知',
                  value: (r: Row) =>
                    toldLines(r.told)
                      .map((line) => `${toldLabel(line)}（${localTime(line.at)}）`)
                      .join('；'),
                },
              ],
              rows,
            )
          }
        >
          导出 CSV
        </Button>
        <Table<Row>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: '类型',
              dataIndex: 'subject',
              width: 70,
              render: (s: string) => (s === 'case' ? '案件' : '建议'),
            },
            {
              title: '标题',
              dataIndex: 'title',
              minWidth: 160,
              render: (_: unknown, r) => (
                <Link to={`${r.subject === 'case' ? 'cases' : 'suggestions'}/${encodeURIComponent(r.id)}`}>
                  {r.title}
                </Link>
              ),
            },
            { title: '单位', dataIndex: 'unitId', render: (id?: string) => departmentName(departments, id) },
            { title: '期限', dataIndex: 'deadline', render: (d: string) => localTime(d) },
            {
              title: '级别',
              dataIndex: 'level',
              render: (level: number, r) => (
                <Tag color={level >= 3 ? 'red' : level === 2 ? 'volcano' : 'orange'}>
                  {ESCALATION_LABELS[level] ?? r.levelLabel ?? level}
                </Tag>
              ),
            },
            { title: '督办起始', dataIndex: 'since', render: (at?: string) => (at ? localTime(at) : '—') },
            { title: '已告知', dataIndex: 'told', render: (_: unknown, r) => <ToldList told={r.told} /> },
          ]}
        />
      </Card>
      {(loaded.data.reviewDue ?? []).length === 0 ? null : (
        <Card size="small" title={<h2>到期复核的挂账案件</h2>} style={{ marginTop: 16 }}>
          {(loaded.data.reviewDue ?? []).map((r) => (
            <div key={r.id}>
              <Link to={`cases/${encodeURIComponent(r.id)}`}>{r.title}</Link>：{r.nextReviewDate}（{r.reason}
              ）
            </div>
          ))}
        </Card>
      )}
    </section>
  );
};

export default EscalationBoard;
