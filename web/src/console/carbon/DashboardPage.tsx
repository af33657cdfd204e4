import { Alert, Breadcrumb, Spin, Table, Typography } from 'antd';
import { useRouter } from '../../shared/router.tsx';
import { useConsole } from '../context.tsx';
import { Link } from '../lib/link.tsx';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { type Granularity, useCarbonApi } from './api.ts';
import { Breakdowns } from './Breakdowns.tsx';
import { ChildrenTable, Rankings } from './ChildrenTable.tsx';
import { loadChildren, loadCompleteness, loadFigures } from './dashboard-data.ts';
import { dashboardPath, drillPath, targetOf, tracePath } from './drill.ts';
import { KpiCards } from './KpiCards.tsx';
import { GRANULARITY_LABELS, LEVEL_LABELS, tonnes } from './labels.ts';
import { PeriodBar } from './PeriodBar.tsx';
import { defaultGranularity, periodOf } from './period.ts';
import { SeriesChart } from './SeriesChart.tsx';
import './carbon.css';

const GRANULARITIES: readonly string[] = ['hour', 'day', 'month'];

/**
 * 双碳大脑: the figures of the city, an industry, an enterprise or a meter for a month or a day,
 * with its series, breakdowns, the level below to drill into, and a trace behind every figure.
 * Target, period and granularity are in the URL (`carbon?level=enterprise&id=ENT-0001&period=2026-11`).
 */
const DashboardPage = (_: PageProps) => {
  const { session } = useConsole();
  const api = useCarbonApi();
  const { navigate } = useRouter();
  const query = useQueryState();
  const target = targetOf(query.get('level'), query.get('id'));
  const period = periodOf(query.get('period'));
  const gran = query.get('gran');
  const granularity = (
    gran !== undefined && GRANULARITIES.includes(gran) ? gran : defaultGranularity(period)
  ) as Granularity;
  const key = `${target.level}|${target.id}|${period}`;
  const path = useLoad(() => drillPath(api, target), `${target.level}|${target.id}`);
  const figures = useLoad(() => loadFigures(api, target, period, granularity), `${key}|${granularity}`);
  const children = useLoad(() => loadChildren(api, target, period), key);
  const admin = session.roles.includes('admin');
  const completeness = useLoad(() => loadCompleteness(api, target, period, admin), key);
  const here = path.data?.at(-1);
  const title = here === undefined ? LEVEL_LABELS[target.level] : here.name;
  return (
    <section aria-labelledby="carbon-title">
      <h1 id="carbon-title">碳排放：{title}</h1>
      <Breadcrumb
        aria-label="下钻路径"
        items={(path.data ?? []).map((place, i, all) => ({
          title:
            i === all.length - 1 ? (
              <span aria-current="page">{place.name}</span>
            ) : (
              <Link to={dashboardPath(place, period)}>{place.name}</Link>
            ),
        }))}
      />
      <PeriodBar
        period={period}
        granularity={granularity}
        onChange={(changes) => query.set(changes, { push: true })}
      />
      {[path, figures, children, completeness].map((l, i) =>
        l.error === undefined ? null : <Alert key={String(i)} type="error" showIcon title={l.error} />,
      )}
      {figures.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <>
          <KpiCards target={target} period={period} figures={figures.data} completeness={completeness.data} />
          <h2 className="qs-carbon-section">
            {period} 曲线（按{GRANULARITY_LABELS[granularity]}）
          </h2>
          <Typography.Paragraph className="qs-muted">
            点击曲线上的点，查看该时段数字的来源。
          </Typography.Paragraph>
          <SeriesChart
            series={figures.data.series.series}
            label={`${title} ${period} 碳排放与能耗曲线`}
            onPick={(p) => navigate(tracePath(target, p))}
          />
          <details>
            <summary>曲线数据表</summary>
            <Table
              size="small"
              rowKey="period"
              pagination={{ pageSize: 24, hideOnSinglePage: true }}
              dataSource={figures.data.series.series}
              columns={[
                { title: '时段', dataIndex: 'period' },
                { title: 'tCO2e（基于位置）', dataIndex: 'co2eT', align: 'right', render: tonnes },
                { title: 'tCO2e（基于市场）', dataIndex: 'co2eMarketT', align: 'right', render: tonnes },
                { title: 'tce', dataIndex: 'tce', align: 'right', render: tonnes },
                { title: '读数条数', dataIndex: 'readings', align: 'right' },
                {
                  title: '溯源',
                  key: 'trace',
                  render: (_, p) => <Link to={tracePath(target, p.period)}>溯源 {p.period}</Link>,
                },
              ]}
            />
          </details>
          <h2 className="qs-carbon-section">构成</h2>
          <Breakdowns data={figures.data.series} />
        </>
      )}
      {children.data === undefined || children.data.length === 0 ? null : (
        <>
          <h2 className="qs-carbon-section">排名</h2>
          <Rankings items={children.data} period={period} />
          <div className="qs-carbon-section">
            <ChildrenTable items={children.data} period={period} />
          </div>
        </>
      )}
    </section>
  );
};

export default DashboardPage;
