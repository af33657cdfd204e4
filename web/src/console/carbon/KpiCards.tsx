import { Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { Link } from '../lib/link.tsx';
import type { Budget, Figures } from './api.ts';
import type { Completeness, Figures3 } from './dashboard-data.ts';
import type { Target } from './drill.ts';
import { tracePath } from './drill.ts';
import { change, tonnes, UNIT_CO2E, UNIT_TCE } from './labels.ts';
import { projectTotal } from './period.ts';

const Compare = ({ now, previous, yearAgo }: { now: number; previous?: number; yearAgo?: number }) => (
  <Typography.Text className="qs-muted">
    环比 {change(now, previous)} · 同比 {change(now, yearAgo)}
  </Typography.Text>
);

const Figure = ({
  title,
  value,
  unit,
  previous,
  yearAgo,
  trace,
}: {
  title: string;
  value: number;
  unit: string;
  previous?: number | undefined;
  yearAgo?: number | undefined;
  trace?: string | undefined;
}) => (
  <Card size="small">
    <Statistic title={title} value={tonnes(value)} suffix={<span className="qs-unit">{unit}</span>} />
    <Space direction="vertical" size={0}>
      <Compare
        now={value}
        {...(previous === undefined ? {} : { previous })}
        {...(yearAgo === undefined ? {} : { yearAgo })}
      />
      {trace === undefined ? null : (
        <Link to={trace} aria-label={`${title} 溯源`}>
          溯源：读数与排放因子
        </Link>
      )}
    </Space>
  </Card>
);

const BudgetUse = ({
  budget,
  used,
  period,
  unit,
}: {
  budget: Budget;
  used: number;
  period: string;
  unit: string;
}) => {
  const share = used / budget.limitTonnes;
  const projected = projectTotal(used, period);
  const status = share >= 1 ? 'exception' : share >= budget.warningRatio ? 'normal' : 'success';
  return (
    <div>
      <Typography.Text>
        {budget.metric === 'co2e' ? '碳排放' : '能耗'}预算 {budget.period}：{tonnes(budget.limitTonnes)}{' '}
        {unit}
      </Typography.Text>
      <Progress
        percent={Math.round(share * 1000) / 10}
        status={status}
        aria-label={`预算已用 ${(share * 100).toFixed(1)}%`}
      />
      <Typography.Text className="qs-muted">
        已用 {(share * 100).toFixed(1)}%
        {projected === undefined
          ? ''
          : ` · 按目前速度，期末约 ${tonnes(projected)}（${((projected / budget.limitTonnes) * 100).toFixed(1)}%）`}
      </Typography.Text>
    </div>
  );
};

/** The period's headline figures: emissions both ways, energy, budgets and how complete the data is. */
export const KpiCards = ({
  target,
  period,
  figures,
  completeness,
}: {
  target: Target;
  period: string;
  figures: Figures3;
  completeness?: Completeness | undefined;
}) => {
  const t: Figures = figures.series.totals;
  const { previous, yearAgo, budgets } = figures;
  const monthTotal = period.length === 7 ? t : undefined;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={6}>
        <Figure
          title="碳排放（基于位置）"
          value={t.co2eT}
          unit={UNIT_CO2E}
          previous={previous?.co2eT}
          yearAgo={yearAgo?.co2eT}
          trace={tracePath(target, period)}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Figure
          title="碳排放（基于市场）"
          value={t.co2eMarketT}
          unit={UNIT_CO2E}
          previous={previous?.co2eMarketT}
          yearAgo={yearAgo?.co2eMarketT}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Figure title="能耗" value={t.tce} unit={UNIT_TCE} previous={previous?.tce} yearAgo={yearAgo?.tce} />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" title="预算与数据完整性">
          {budgets.co2e === undefined && budgets.tce === undefined ? (
            <Typography.Paragraph className="qs-muted">本月未设预算。</Typography.Paragraph>
          ) : null}
          {budgets.co2e !== undefined && monthTotal !== undefined ? (
            <BudgetUse budget={budgets.co2e} used={t.co2eT} period={period} unit="tCO2e" />
          ) : null}
          {budgets.tce !== undefined && monthTotal !== undefined ? (
            <BudgetUse budget={budgets.tce} used={t.tce} period={period} unit="tce" />
          ) : null}
          {budgets.co2e !== undefined && monthTotal === undefined ? (
            <Typography.Paragraph className="qs-muted">
              预算按月设定：请按月查看预算使用。
            </Typography.Paragraph>
          ) : null}
          <CompletenessList value={completeness} />
        </Card>
      </Col>
    </Row>
  );
};

const CompletenessList = ({ value }: { value?: Completeness | undefined }) =>
  value === undefined ? (
    <Typography.Text className="qs-muted">正在统计数据完整性…</Typography.Text>
  ) : (
    <dl className="qs-carbon-dl" aria-label="数据完整性">
      <dt>有数据的计量器具</dt>
      <dd>
        {value.reporting} / {value.meters}
      </dd>
      <dt>本期报过离线</dt>
      <dd>{value.offline.length}</dd>
      <dt>隔离的消息</dt>
      <dd>{value.quarantined === undefined ? '仅管理员可查' : value.quarantined}</dd>
    </dl>
  );
