import type { NewAlert } from '../../ports/alert-writer.ts';
import type { EnterpriseRecord, MeterRecord } from '../registry/records.ts';
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

export const projectedBreachAlert = (
  enterprise: Pick<EnterpriseRecord, 'id' | 'name'>,
  month: string,
  monthToDateTonnes: number,
  projection: MonthProjection,
  limitTonnes: number,
  raisedAt: string,
): NewAlert => ({
  kind: 'anomaly',
  level: 'enterprise',
  targetId: enterprise.id,
  period: `projectedBreach#${month}`,
  raisedAt,
  message:
    `企业 ${enterprise.name}（${enterprise.id}）按本月至今的排放速率（已排放 ${round(monthToDateTonnes)} tCO2e），` +
    `预计 ${month} 月末达 ${round(projection.projectedTonnes)} tCO2e，将超出月度碳预算 ${limitTonnes} tCO2e` +
    `（${round((projection.budgetUse ?? 0) * 100, 1)}%）`,
  anomalyKind: 'projectedBreach',
  value: projection.projectedTonnes,
  expected: monthToDateTonnes,
  limit: limitTonnes,
  score: projection.budgetUse ?? 0,
});
