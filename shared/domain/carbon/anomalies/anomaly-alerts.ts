import type { NewAlert } from '../../../ports/alert-writer.ts';
import type { EnterpriseRecord, MeterRecord } from '../../registry/records.ts';
import { type BudgetMetric, METRIC_UNITS } from '../budgets/budget-model.ts';
import type { Anomaly, MonthProjection } from './anomaly.ts';

/**
 * The alerts the anomaly scan raises, with their zh-CN messages. Periods are chosen so the alert key
 * (`anomaly#<period>`) is deterministic: one alert per meter and hour, one per enterprise and month.
 */

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

const describeAnomaly = (anomaly: Anomaly): string => {
  const seen = `${round(anomaly.value)} tCO2e`;
  const usual = `同时段（前几周同一星期、同一小时）中位数 ${round(anomaly.expected)} tCO2e`;
  switch (anomaly.kind) {
    case 'spike':
      return `碳排放异常升高：${seen}，${usual}，稳健 z 值 ${round(anomaly.score, 1)}`;
    case 'dropToZero':
      return `碳排放骤降为零，${usual}`;
    case 'flatLine':
      return `连续 ${anomaly.score} 小时读数完全相同（${seen}），疑似传感器卡滞或数据被复制`;
  }
};

export const meterAnomalyAlert = (
  meter: Pick<MeterRecord, 'id' | 'name'>,
  hour: string,
  anomaly: Anomaly,
  raisedAt: string,
): NewAlert => ({
  kind: 'anomaly',
  level: 'meter',
  targetId: meter.id,
  period: hour,
  raisedAt,
  message: `计量点 ${meter.name}（${meter.id}）${hour.replace('T', ' ')}时 ${describeAnomaly(anomaly)}`,
  anomalyKind: anomaly.kind,
  value: anomaly.value,
  expected: anomaly.expected,
  score: anomaly.score,
});

/** A month-end projection past a month budget: of carbon (tCO2e) or of energy (tce). */
export const projectedBreachAlert = (
  enterprise: Pick<EnterpriseRecord, 'id' | 'name'>,
  month: string,
  monthToDateTonnes: number,
  projection: MonthProjection,
  limitTonnes: number,
  raisedAt: string,
  metric: BudgetMetric = 'co2e',
): NewAlert => ({
  kind: 'anomaly',
  level: 'enterprise',
  targetId: enterprise.id,
  period: `projectedBreach#${month}`,
  ...(metric === 'co2e' ? {} : { metric }),
  raisedAt,
  message: projectionMessage(enterprise, month, monthToDateTonnes, projection, limitTonnes, metric),
  anomalyKind: 'projectedBreach',
  value: projection.projectedTonnes,
  expected: monthToDateTonnes,
  limit: limitTonnes,
  score: projection.budgetUse ?? 0,
});

const projectionMessage = (
  enterprise: Pick<EnterpriseRecord, 'id' | 'name'>,
  month: string,
  monthToDate: number,
  projection: MonthProjection,
  limit: number,
  metric: BudgetMetric,
): string => {
  const unit = METRIC_UNITS[metric];
  const [rate, done, budget] =
    metric === 'tce' ? ['能耗速率', '已消耗', '月度能耗预算'] : ['排放速率', '已排放', '月度碳预算'];
  return (
    `企业 ${enterprise.name}（${enterprise.id}）按本月至今的${rate}（${done} ${round(monthToDate)} ${unit}），` +
    `预计 ${month} 月末达 ${round(projection.projectedTonnes)} ${unit}，将超出${budget} ${limit} ${unit}` +
    `（${round((projection.budgetUse ?? 0) * 100, 1)}%）`
  );
};
