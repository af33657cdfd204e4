import { Card, Col, Row, Table, Typography } from 'antd';
import { Link } from '../lib/link.tsx';
import type { Child } from './dashboard-data.ts';
import { dashboardPath, tracePath } from './drill.ts';
import { change, intensityText, LEVEL_LABELS, tonnes } from './labels.ts';

const growth = (c: Child) =>
  c.co2eT === undefined || c.previousCo2eT === undefined || c.previousCo2eT === 0
    ? undefined
    : (c.co2eT - c.previousCo2eT) / c.previousCo2eT;

const num = (v: number | undefined) => v ?? -Infinity;

/** The level below: each row drills down; columns sort, so the table is also the ranking. */
export const ChildrenTable = ({ items, period }: { items: Child[]; period: string }) => {
  const level = items[0]?.level;
  if (level === undefined) return null;
  const what = LEVEL_LABELS[level];
  return (
    <Card size="small" title={`下钻：各${what}（点击名称查看其明细）`}>
      <Table<Child>
        size="small"
        rowKey="id"
        dataSource={[...items].sort((a, b) => num(b.co2eT) - num(a.co2eT))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: what,
            dataIndex: 'name',
            render: (name: string, c) => <Link to={dashboardPath(c, period)}>{name}</Link>,
          },
          {
            title: '碳排放 tCO2e（基于位置）',
            dataIndex: 'co2eT',
            align: 'right',
            sorter: (a, b) => num(a.co2eT) - num(b.co2eT),
            render: tonnes,
          },
          { title: '基于市场 tCO2e', dataIndex: 'co2eMarketT', align: 'right', render: tonnes },
          {
            title: '能耗 tce',
            dataIndex: 'tce',
            align: 'right',
            sorter: (a, b) => num(a.tce) - num(b.tce),
            render: tonnes,
          },
          {
            title: '环比',
            key: 'growth',
            align: 'right',
            sorter: (a, b) => num(growth(a)) - num(growth(b)),
            render: (_, c) => (c.co2eT === undefined ? '—' : change(c.co2eT, c.previousCo2eT)),
          },
          {
            title: '预算已用',
            dataIndex: 'budgetUse',
            align: 'right',
            render: (u?: number) => (u === undefined ? '—' : `${(u * 100).toFixed(1)}%`),
          },
          {
            title: '溯源',
            key: 'trace',
            render: (_, c) => (
              <Link to={tracePath(c, period)} aria-label={`${c.name} ${period} 溯源`}>
                溯源
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
};

const TopList = ({
  title,
  rows,
  period,
  note,
}: {
  title: string;
  rows: { c: Child; text: string }[];
  period: string;
  note?: string | undefined;
}) => (
  <Card size="small" title={title}>
    {rows.length === 0 ? (
      <Typography.Text className="qs-muted">本期无数据</Typography.Text>
    ) : (
      <ol className="qs-carbon-top">
        {rows.map(({ c, text }) => (
          <li key={c.id}>
            <Link to={dashboardPath(c, period)}>{c.name}</Link> <span className="qs-muted">{text}</span>
          </li>
        ))}
      </ol>
    )}
    {note === undefined ? null : <Typography.Paragraph className="qs-muted">{note}</Typography.Paragraph>}
  </Card>
);

/**
 * Rankings of the level below: the biggest emitters, energy users and the fastest growing; for
 * enterprises also the most carbon-intensive (tCO2e per 万元 of value added, else output value, as
 * entered in the registry; docs/intensity.md), with a count of those that have no figures.
 */
export const Rankings = ({ items, period }: { items: Child[]; period: string }) => {
  const top = (key: (c: Child) => number | undefined, text: (c: Child) => string) =>
    items
      .filter((c) => (key(c) ?? 0) > 0)
      .sort((a, b) => num(key(b)) - num(key(a)))
      .slice(0, 5)
      .map((c) => ({ c, text: text(c) }));
  const enterprises = items[0]?.level === 'enterprise';
  const span = enterprises ? 6 : 8;
  const unranked = items.filter((c) => c.intensity === undefined).length;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={span}>
        <TopList
          period={period}
          title="排放排名"
          rows={top(
            (c) => c.co2eT,
            (c) => `${tonnes(c.co2eT)} tCO2e`,
          )}
        />
      </Col>
      <Col xs={24} lg={span}>
        <TopList
          period={period}
          title="能耗排名"
          rows={top(
            (c) => c.tce,
            (c) => `${tonnes(c.tce)} tce`,
          )}
        />
      </Col>
      <Col xs={24} lg={span}>
        <TopList
          period={period}
          title="增长排名（环比）"
          rows={top(growth, (c) => change(c.co2eT ?? 0, c.previousCo2eT))}
        />
      </Col>
      {enterprises ? (
        <Col xs={24} lg={span}>
          <TopList
            period={period}
            title="强度排名（单位产值排放）"
            rows={top(
              (c) => c.intensity?.value,
              (c) => (c.intensity ? intensityText(c.intensity.value, c.intensity.basis) : ''),
            )}
            note={unranked === 0 ? undefined : `${unranked} 家企业无产值数据，未参与排名`}
          />
        </Col>
      ) : null}
    </Row>
  );
};
