import {
  Alert,
  Card,
  Col,
  DatePicker,
  Form,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { Indicators } from '../api.ts';
import { useConsole } from '../context.tsx';
import { departmentName, useDepartments } from '../lib/departments.ts';
import { localDate, percent } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { mapLimited } from '../lib/load-all.ts';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { KPIS, monthsEnding } from './figures.ts';
import { TrendChart } from './TrendChart.tsx';

/**
 * A department's indicators for the cases dispatched in a span of months, each figure a link to
 * the cases behind it, with the monthly trend. Department, end month and span are in the URL.
 */
const IndicatorsPage = (_: PageProps) => {
  const { api, session } = useConsole();
  const query = useQueryState();
  const departments = useDepartments(api);
  const overseer = session.roles.includes('supervisor') || session.roles.includes('admin');
  const department = overseer ? (query.get('department') ?? departments[0]?.id) : session.departmentId;
  const end = query.get('end') ?? localDate(new Date()).slice(0, 7);
  const span = Number(query.get('months') ?? '6');
  const months = monthsEnding(end, span);
  const from = months[0]?.from ?? '';
  const to = months.at(-1)?.to ?? '';
  const loaded = useLoad(async () => {
    if (department === undefined) return undefined;
    const [total, ...monthly] = await mapLimited([{ from, to }, ...months], 3, (m) =>
      api.indicators(department, { from: m.from, to: m.to }),
    );
    return { total: total as Indicators, monthly };
  }, `${department}|${from}|${to}`);
  const trend = useMemo(
    () =>
      KPIS.filter((k) => k.rate !== undefined).map((k) => ({
        name: k.title,
        values: (loaded.data?.monthly ?? []).map((i) => k.rate?.(i) ?? null),
      })),
    [loaded.data],
  );
  const drill = (figure: string) =>
    `performance/drill?department=${encodeURIComponent(department ?? '')}&from=${from}&to=${to}&figure=${figure}`;
  const total = loaded.data?.total;
  return (
    <section aria-labelledby="ind-title">
      <h1 id="ind-title">部门指标</h1>
      <Typography.Paragraph className="qs-muted">
        统计期内派遣给该部门主办的案件，按其至今的办理情况计算；点击数字查看对应案件。
      </Typography.Paragraph>
      <Form layout="inline" className="qs-filters" aria-label="统计条件">
        {overseer ? (
          <Form.Item label="部门" htmlFor="p-dept">
            <Select
              id="p-dept"
              style={{ width: 200 }}
              value={department}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
              onChange={(value: string) => query.set({ department: value })}
            />
          </Form.Item>
        ) : null}
        <Form.Item label="截至月份" htmlFor="p-end">
          <DatePicker
            id="p-end"
            picker="month"
            allowClear={false}
            value={dayjs(`${end}-01`)}
            onChange={(d) => d && query.set({ end: d.format('YYYY-MM') })}
          />
        </Form.Item>
        <Form.Item label="月数" htmlFor="p-months">
          <Select
            id="p-months"
            style={{ width: 100 }}
            value={String(span)}
            options={['1', '3', '6', '12'].map((m) => ({ value: m, label: `${m} 个月` }))}
            onChange={(value: string) => query.set({ months: value })}
          />
        </Form.Item>
      </Form>
      {loaded.error === undefined ? null : <Alert type="error" showIcon title={loaded.error} />}
      {total === undefined ? (
        loaded.loading ? (
          <Spin className="qs-page-spin" />
        ) : null
      ) : (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {departmentName(departments, department)}：{from} 至 {to}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {KPIS.map((k) => (
              <Col key={k.key} xs={24} sm={12} lg={6} xxl={3}>
                <Card size="small">
                  <Statistic title={k.title} value={k.value(total)} />
                  <Space size="small" wrap>
                    {k.counts.map((c) => (
                      <Link
                        key={c.figure}
                        to={drill(c.figure)}
                        aria-label={`${k.title}：${c.label} ${c.count(total)} 件，查看案件`}
                      >
                        {c.label} {c.count(total)} 件
                      </Link>
                    ))}
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={<h2>月度趋势</h2>} style={{ marginTop: 16 }}>
            <TrendChart
              months={months.map((m) => m.month)}
              series={trend}
              label={`${departmentName(departments, department)} 各月指标趋势`}
            />
            <Table
              size="small"
              rowKey="month"
              pagination={false}
              dataSource={months.map((m, index) => ({ ...m, i: loaded.data?.monthly[index] }))}
              columns={[
                { title: '月份', dataIndex: 'month' },
                { title: '应结案', render: (_: unknown, r) => r.i?.dispatched ?? '—' },
                { title: '按期处置率', render: (_: unknown, r) => percent(r.i?.onTimeRate) },
                { title: '结案率', render: (_: unknown, r) => percent(r.i?.closureRate) },
                { title: '返工率', render: (_: unknown, r) => percent(r.i?.reworkRate) },
                { title: '延期率', render: (_: unknown, r) => percent(r.i?.extensionRate) },
                { title: '满意率', render: (_: unknown, r) => percent(r.i?.satisfaction.satisfactionRate) },
              ]}
            />
          </Card>
        </>
      )}
    </section>
  );
};

export default IndicatorsPage;
