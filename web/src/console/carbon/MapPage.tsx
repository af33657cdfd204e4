import { Alert, Card, Col, Form, List, Row, Select, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { INDUSTRY_SECTIONS } from '../../../../shared/domain/registry/industry-code.ts';
import { useRouter } from '../../shared/router.tsx';
import { Link } from '../lib/link.tsx';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import DistrictMap from '../map/DistrictMap.tsx';
import type { PageProps } from '../module.ts';
import { type CarbonApi, useCarbonApi } from './api.ts';
import { dashboardPath } from './drill.ts';
import { industryName, tonnes } from './labels.ts';
import {
  BUDGET_STATES,
  type BudgetState,
  budgetState,
  type ColourBy,
  type MapRow,
  pointsOf,
  sectionColour,
  sectionOf,
} from './map-data.ts';
import { PeriodBar } from './PeriodBar.tsx';
import { kindOf, monthOf, periodOf } from './period.ts';
import './carbon.css';

/** Enough for the district; the API reads every enterprise whatever the limit. */
const ALL = 1000;

/**
 * Every enterprise's figures of the period with its class and place in one rankings call
 * (`include=registry`, the whole level), and the month's for budget states when the period is a
 * day (budgets are set per month): one or two requests, whatever the number of enterprises.
 */
const loadMapRows = async (
  api: CarbonApi,
  period: string,
): Promise<{ rows: MapRow[]; states: Map<string, BudgetState> }> => {
  const here = api.rankings({ level: 'enterprise', period, include: 'registry', limit: ALL });
  const month =
    kindOf(period) === 'month'
      ? here
      : api.rankings({ level: 'enterprise', period: monthOf(period), limit: ALL });
  const [rows, monthRows] = await Promise.all([here, month]);
  return {
    rows: rows.items,
    states: new Map(monthRows.items.map((row) => [row.id, budgetState(row.budget)])),
  };
};

/**
 * 碳排放地图: the district's enterprises on the bundled district map (offline: no tiles), sized by
 * the period's tCO2e, coloured by industry section or by month budget state; a click opens the
 * enterprise's drill-down. Enterprises with no registered place are listed beside the map. Period,
 * colouring and section filter are in the URL (`carbon/map?period=2026-11&color=budget&section=C`).
 */
const MapPage = (_: PageProps) => {
  const api = useCarbonApi();
  const { navigate } = useRouter();
  const query = useQueryState();
  const period = periodOf(query.get('period'));
  const colourBy: ColourBy = query.get('color') === 'budget' ? 'budget' : 'industry';
  const section = query.get('section');
  const data = useLoad(() => loadMapRows(api, period), period);
  const rows = useMemo(
    () =>
      (data.data?.rows ?? []).filter(
        (r) => section === undefined || sectionOf(r.industryCode)?.letter === section,
      ),
    [data.data, section],
  );
  const states = data.data?.states ?? new Map<string, BudgetState>();
  const points = useMemo(() => pointsOf(rows, states, colourBy), [rows, states, colourBy]);
  const unplaced = rows.filter((r) => r.location === undefined);
  const open = (id: string) => navigate(dashboardPath({ level: 'enterprise', id }, period));
  return (
    <section aria-labelledby="map-title">
      <h1 id="map-title">碳排放地图</h1>
      <PeriodBar period={period} onChange={(changes) => query.set(changes, { push: true })}>
        <Form.Item label="颜色" htmlFor="m-colour">
          <Select
            id="m-colour"
            style={{ width: 140 }}
            value={colourBy}
            options={[
              { value: 'industry', label: '按行业门类' },
              { value: 'budget', label: '按预算状态' },
            ]}
            onChange={(value: string) => query.set({ color: value === 'industry' ? undefined : value })}
          />
        </Form.Item>
        <Form.Item label="行业门类" htmlFor="m-section">
          <Select
            id="m-section"
            allowClear
            placeholder="全部"
            style={{ width: 200 }}
            value={section}
            options={INDUSTRY_SECTIONS.map((s) => ({ value: s.letter, label: `${s.letter} ${s.nameZh}` }))}
            onChange={(value?: string) => query.set({ section: value }, { push: true })}
          />
        </Form.Item>
      </PeriodBar>
      {data.error === undefined ? null : <Alert type="error" showIcon title={data.error} />}
      {data.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={17}>
            <Typography.Paragraph className="qs-muted">
              点的大小表示 {period} 的碳排放（tCO2e，基于位置）；点击企业查看其下钻明细。
            </Typography.Paragraph>
            <DistrictMap
              points={points}
              label={`全区企业 ${period} 碳排放地图，共 ${points.length} 家企业`}
              onSelect={open}
              height={480}
            />
          </Col>
          <Col xs={24} lg={7}>
            <Legend rows={rows.filter((r) => r.location !== undefined)} states={states} colourBy={colourBy} />
            <Card size="small" title={`未登记位置的企业（${unplaced.length}）`} className="qs-carbon-section">
              <List
                size="small"
                dataSource={unplaced}
                locale={{ emptyText: '全部企业均已登记位置' }}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={dashboardPath({ level: 'enterprise', id: r.id }, period)}>
                      {r.name ?? r.id}
                    </Link>
                    <span>{tonnes(r.co2eT)} tCO2e</span>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col span={24}>
            <details>
              <summary>地图数据表</summary>
              <MapTable rows={rows} states={states} period={period} />
            </details>
          </Col>
        </Row>
      )}
    </section>
  );
};

const Legend = ({
  rows,
  states,
  colourBy,
}: {
  rows: readonly MapRow[];
  states: ReadonlyMap<string, BudgetState>;
  colourBy: ColourBy;
}) => {
  const entries =
    colourBy === 'budget'
      ? (Object.keys(BUDGET_STATES) as BudgetState[])
          .filter((s) => rows.some((r) => (states.get(r.id) ?? 'none') === s))
          .map((s) => ({ key: s, ...BUDGET_STATES[s] }))
      : [...new Set(rows.map((r) => sectionOf(r.industryCode)))].map((s) => ({
          key: s?.letter ?? '?',
          label: s === undefined ? '未知门类' : `${s.letter} ${s.nameZh}`,
          color: sectionColour(s),
        }));
  return (
    <Card size="small" title="图例（地图上的企业）">
      <ul className="qs-map-legend">
        {entries.map((e) => (
          <li key={e.key}>
            <span className="qs-map-swatch" style={{ background: e.color }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
      </ul>
    </Card>
  );
};

const MapTable = ({
  rows,
  states,
  period,
}: {
  rows: readonly MapRow[];
  states: ReadonlyMap<string, BudgetState>;
  period: string;
}) => (
  <Table<MapRow>
    size="small"
    rowKey="id"
    scroll={{ x: true }}
    dataSource={[...rows]}
    pagination={{ pageSize: 50, hideOnSinglePage: true }}
    columns={[
      {
        title: '企业',
        dataIndex: 'name',
        render: (name: string | undefined, r) => (
          <Link to={dashboardPath({ level: 'enterprise', id: r.id }, period)}>{name ?? r.id}</Link>
        ),
      },
      {
        title: '行业',
        dataIndex: 'industryCode',
        render: (code?: string) => (code === undefined ? '—' : industryName(code)),
      },
      { title: 'tCO2e', dataIndex: 'co2eT', align: 'right', render: tonnes },
      { title: 'tce', dataIndex: 'tce', align: 'right', render: tonnes },
      {
        title: '预算状态',
        key: 'budget',
        render: (_, r) => BUDGET_STATES[states.get(r.id) ?? 'none'].label,
      },
      {
        title: '位置',
        dataIndex: 'location',
        render: (l?: MapRow['location']) =>
          l === undefined ? '未登记' : `${l.latitude.toFixed(4)}, ${l.longitude.toFixed(4)}`,
      },
    ]}
  />
);

export default MapPage;
