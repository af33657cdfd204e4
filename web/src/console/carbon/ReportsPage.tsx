import { Alert, Button, Card, DatePicker, Form, Select, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReportList } from '../api.ts';
import { ReportDrawer } from '../components/ReportDrawer.tsx';
import { useConsole } from '../context.tsx';
import { localTime } from '../lib/format.ts';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { LEVEL_LABELS } from './labels.ts';
import './carbon.css';

type Entry = ReportList['items'][number];
const KINDS = [
  { key: 'carbon-monthly', label: '月报' },
  { key: 'carbon-daily', label: '日报' },
] as const;
const LEVELS = ['city', 'industry', 'enterprise'] as const;

/**
 * 碳排放报表: the daily and monthly carbon reports (the city, each industry, each enterprise),
 * newest period first, filtered by month and level; one opens in place, rendered, with its files to
 * download. Kind, month, level and the open report are in the URL
 * (`carbon/reports?kind=carbon-monthly&month=2026-11&level=city&open=<id>`).
 */
const ReportsPage = (_: PageProps) => {
  const { api } = useConsole();
  const query = useQueryState();
  const kind = query.get('kind') === 'carbon-daily' ? 'carbon-daily' : 'carbon-monthly';
  const month = query.get('month');
  const level = query.get('level');
  const openId = query.get('open');
  const loaded = useLoad(
    () => api.listReports({ kind, limit: 100, ...(month === undefined ? {} : { period: month }) }),
    `${kind}|${month}`,
  );
  const opened = useLoad(
    async () => (openId === undefined ? undefined : api.getReport(openId)),
    openId ?? '',
  );
  const rows = (loaded.data?.items ?? []).filter((e) => level === undefined || e.subject.level === level);
  return (
    <section aria-labelledby="creports-title">
      <h1 id="creports-title">碳排放报表</h1>
      <Typography.Paragraph className="qs-muted">
        每日、每月自动生成的全区、行业与企业碳排放报表；点击“打开”在此阅读，或下载原文件。
      </Typography.Paragraph>
      <Card size="small">
        <Tabs
          activeKey={kind}
          onChange={(key) => query.set({ kind: key, open: undefined }, { push: true })}
          items={KINDS.map((k) => ({ key: k.key, label: k.label }))}
        />
        <Form layout="inline" className="qs-filters" aria-label="筛选">
          <Form.Item label="月份" htmlFor="r-month">
            <DatePicker
              id="r-month"
              picker="month"
              value={month === undefined ? null : dayjs(`${month}-01`)}
              onChange={(d) => query.set({ month: d?.format('YYYY-MM') }, { push: true })}
            />
          </Form.Item>
          <Form.Item label="范围" htmlFor="r-level">
            <Select
              id="r-level"
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              value={level}
              options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
              onChange={(value?: string) => query.set({ level: value }, { push: true })}
            />
          </Form.Item>
        </Form>
        {loaded.error === undefined ? null : <Alert type="error" showIcon title={loaded.error} />}
        <Table<Entry>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          loading={loaded.loading}
          dataSource={rows}
          locale={{ emptyText: '暂无报表' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '期间', dataIndex: 'period', width: 110 },
            {
              title: '范围',
              key: 'subject',
              render: (_: unknown, e) =>
                `${LEVEL_LABELS[e.subject.level as keyof typeof LEVEL_LABELS] ?? e.subject.level} ${e.subject.name}`,
            },
            { title: '标题', dataIndex: 'title' },
            { title: '生成时间', dataIndex: 'generatedAt', render: (at: string) => localTime(at) },
            {
              title: '操作',
              key: 'open',
              width: 80,
              render: (_: unknown, e) => (
                <Button
                  type="link"
                  onClick={() => query.set({ open: e.id }, { push: true })}
                  aria-label={`打开 ${e.title}`}
                >
                  打开
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ReportDrawer
        open={openId === undefined ? undefined : (opened.error ?? opened.data)}
        onClose={() => query.set({ open: undefined }, { push: true })}
      />
    </section>
  );
};

export default ReportsPage;
