import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_5XX_PERCENT, API_P99_MS } from '../../infra/constructs/platform-alarms.ts';
import { FUNCTIONS, TABLES } from '../../infra/manifest.ts';
import { BUSINESS_METRICS } from '../../shared/observability/business-metrics.ts';
import { flat, type Resource, required, type Synthesized, synthesize } from './synth-stack.ts';

const TOPIC_ARN = 'arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:qingshan-dev-ops-alarms';

describe('observability: the ops stack’s dashboard and alarms', () => {
  let synth: Synthesized;
  const opsResources = (type: string) =>
    Object.values(synth.templateOf(synth.stacks.ops).findResources(type)) as Resource[];
  const alarms = () => opsResources('AWS::CloudWatch::Alarm').map((alarm) => alarm.Properties);
  /** The SSM parameter a `{Ref}` in the ops stack reads. */
  const parameterOf = (ref: unknown) =>
    (
      synth.templateOf(synth.stacks.ops).toJSON().Parameters?.[(ref as { Ref: string }).Ref] as {
        Default?: string;
      }
    )?.Default;
  const metricsOf = (alarm: Record<string, unknown>) =>
    (alarm.Metrics as {
      Id: string;
      Expression?: string;
      MetricStat?: { Metric: Record<string, unknown> };
    }[]) ?? [];

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  it('alarms when more than 5 % of API requests fail with 5xx, twice running, on enough traffic', () => {
    const rate = alarms().find((alarm) =>
      metricsOf(alarm).some((metric) => metric.MetricStat?.Metric.MetricName === '5xx'),
    );
    const metrics = metricsOf(required(rate, '5xx alarm'));
    const expression = metrics.find((metric) => metric.Expression !== undefined)?.Expression ?? '';
    const apiIds = metrics.flatMap((metric) =>
      ((metric.MetricStat?.Metric.Dimensions as { Name: string; Value: unknown }[]) ?? []).map(
        (d) => d.Value,
      ),
    );

    expect(rate).toMatchObject({
      Threshold: API_5XX_PERCENT,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
    });
    expect(expression).toMatch(/100 \* errors \/ requests/);
    expect(apiIds.map(parameterOf)).toEqual(['/qingshan/dev/api/id', '/qingshan/dev/api/id']);
  });

  it('alarms when the API’s p99 latency stays above 3 s for 15 minutes', () => {
    const latency = alarms().find((alarm) => alarm.MetricName === 'Latency');

    expect(latency).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p99',
      Threshold: API_P99_MS,
      Period: 300,
      EvaluationPeriods: 3,
    });
  });

  it.each(Object.keys(TABLES))('alarms on DynamoDB throttling of the %s table', (table) => {
    const throttling = alarms().filter((alarm) =>
      metricsOf(alarm).some(
        (metric) =>
          JSON.stringify(metric.MetricStat?.Metric.Dimensions) ===
          JSON.stringify([{ Name: 'TableName', Value: `qingshan-dev-${table}` }]),
      ),
    );
    const names = throttling.flatMap((alarm) => metricsOf(alarm).map((m) => m.MetricStat?.Metric.MetricName));

    expect(throttling).toHaveLength(1);
    expect(names).toEqual(expect.arrayContaining(['ReadThrottleEvents', 'WriteThrottleEvents']));
    expect(throttling[0]).toMatchObject({ Threshold: 1, EvaluationPeriods: 2 });
  });

  it('rings once the working calendar has 60 days or fewer left, from the daily coverage figure', () => {
    const calendar = alarms().filter((alarm) => alarm.MetricName === 'WorkingCalendarDaysLeft');

    expect(calendar).toEqual([
      expect.objectContaining({
        Namespace: 'Qingshan',
        Dimensions: expect.arrayContaining([
          { Name: 'service', Value: 'qingshan' },
          { Name: 'stage', Value: 'dev' },
        ]),
        Statistic: 'Minimum',
        Period: 86_400,
        ComparisonOperator: 'LessThanOrEqualToThreshold',
        Threshold: 60,
        TreatMissingData: 'ignore',
      }),
    ]);
  });

  it('sends every one of its alarms to the stage’s topic, with what to do', () => {
    // API 5xx rate, API p99, the working calendar, and throttling per table.
    expect(alarms().length).toBe(3 + Object.keys(TABLES).length);
    for (const alarm of alarms()) {
      expect((alarm.AlarmActions as unknown[]).map(flat)).toEqual([TOPIC_ARN]);
      expect(String(alarm.AlarmDescription).length).toBeGreaterThan(80);
    }
  });

  it('has a dashboard with the business figures, every function, table and the ingest queue', () => {
    const [dashboard] = opsResources('AWS::CloudWatch::Dashboard');
    const body = flat(required(dashboard, 'dashboard').Properties.DashboardBody);

    expect(required(dashboard, 'dashboard').Properties.DashboardName).toBe('qingshan-dev-operations');
    for (const name of Object.values(BUSINESS_METRICS)) expect(body).toContain(`"${name}"`);
    expect(body).toContain('"Qingshan"');
    for (const fn of FUNCTIONS) expect(body).toContain(`"qingshan-dev-${fn.id}"`);
    for (const table of Object.keys(TABLES)) expect(body).toContain(`"qingshan-dev-${table}"`);
    expect(body).toContain('"qingshan-dev-ingestTelemetry"');
    expect(body).toContain('"qingshan-dev-ingestTelemetry-dlq"');
  });
});
