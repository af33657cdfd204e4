import { Alert, Button, Card, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { ReportList, ReportWithLinks } from '../api.ts';
import { ReportDrawer } from '../components/ReportDrawer.tsx';
import { useConsole } from '../context.tsx';
import { localTime } from '../lib/format.ts';
import { useQueryState } from '../lib/query-state.ts';
import { messageOf, useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';

type Entry = ReportList['items'][number];
const KINDS = [
  { key: 'performance-weekly', label: '周报' },
  { key: 'performance-monthly', label: '月报' },
] as const;

/** The weekly and monthly performance reports (newest first), each opened in place. */
const ReportsPage = (_: PageProps) => {
  const { api } = useConsole();
  const query = useQueryState();
  const kind = query.get('kind') === 'performance-monthly' ? 'performance-monthly' : 'performance-weekly';
  const loaded = useLoad(() => api.listReports({ kind, limit: 50 }), kind);
  const [open, setOpen] = useState<ReportWithLinks | string>();
  const show = async (entry: Entry) => {
    try {
      setOpen(await api.getReport(entry.id));
    } catch (error) {
      setOpen(messageOf(error));
    }
  };
  return (
    <section aria-labelledby="rep-title">
      <h1 id="rep-title">绩效报表</h1>
      <Typography.Paragraph className="qs-muted">
        每周一、每月初自动生成的部门绩效报表（案件与建议办理情况）。
      </Typography.Paragraph>
      <Card size="small">
        <Tabs
          activeKey={kind}
          onChange={(key) => query.set({ kind: key })}
          items={KINDS.map((k) => ({ key: k.key, label: k.label }))}
        />
        {loaded.error === undefined ? null : <Alert type="error" showIcon title={loaded.error} />}
        <Table<Entry>
          rowKey="id"
          loading={loaded.loading}
          dataSource={loaded.data?.items ?? []}
          locale={{ emptyText: '暂无报表' }}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '期间', dataIndex: 'period', width: 120 },
            { title: '范围', key: 'subject', render: (_: unknown, e) => e.subject.name },
            { title: '标题', dataIndex: 'title' },
            { title: '生成时间', dataIndex: 'generatedAt', render: (at: string) => localTime(at) },
            {
              title: '操作',
              key: 'open',
              width: 90,
              render: (_: unknown, e) => (
                <Button type="link" onClick={() => void show(e)} aria-label={`打开 ${e.title}`}>
                  打开
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ReportDrawer open={open} onClose={() => setOpen(undefined)} />
    </section>
  );
};

export default ReportsPage;
