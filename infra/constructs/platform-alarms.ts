import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { COVERAGE_WARNING_DAYS } from '../../shared/domain/calendar/calendar-coverage.ts';
import { BUSINESS_METRICS } from '../../shared/observability/business-metrics.ts';
import { TABLES } from '../manifest.ts';
import { tableName } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';

export interface PlatformAlarmsProps {
  settings: DeploymentSettings;
  topic: ITopic;
  /** The HTTP API's id (its CloudWatch dimension), read from SSM by the caller. */
  httpApiId: string;
}

const FIVE_MINUTES = Duration.minutes(5);
/** Server errors above this share of requests in a 5-minute window, twice running, page someone. */
export const API_5XX_PERCENT = 5;
/** Below this many requests in 5 minutes a rate says little (one failure of three is not an outage). */
export const API_MIN_REQUESTS = 20;
/** API Gateway gives up at 30 s and handlers default to 10 s; a p99 past 3 s means something is slow. */
export const API_P99_MS = 3000;

/**
 * Alarms on what every context shares: the HTTP API's server-error rate and p99 latency, and DynamoDB
 * throttling of each table (on-demand tables throttle only on a hot partition or a sudden jump past
 * twice the previous peak, both worth a look). All to the stage's alarm topic.
 */
export class PlatformAlarms extends Construct {
  public readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: PlatformAlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(props.topic);
    this.alarmOnApi(props.httpApiId);
    this.alarmOnCalendar(props.settings.stage);
    for (const table of Object.keys(TABLES)) this.alarmOnThrottling(tableName(props.settings.stage, table));
  }

  private alarmOnApi(apiId: string): void {
    const apiMetric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: apiId },
        statistic,
        period: FIVE_MINUTES,
      });
    const rate = new MathExpression({
      expression: `IF(requests >= ${API_MIN_REQUESTS}, 100 * errors / requests, 0)`,
      usingMetrics: { errors: apiMetric('5xx', 'Sum'), requests: apiMetric('Count', 'Sum') },
      label: 'API 5xx, % of requests',
      period: FIVE_MINUTES,
    });
    this.add('Api5xxRate', rate, {
      threshold: API_5XX_PERCENT,
      evaluationPeriods: 2,
      description:
        `More than ${API_5XX_PERCENT} % of API requests failed with 5xx in two 5-minute windows running (at least ` +
        `${API_MIN_REQUESTS} requests each). The API access log (integrationError) names the route; the function's ` +
        'logs say why. A deploy just before? Roll that context stack back.',
    });
    this.add('ApiLatencyP99', apiMetric('Latency', 'p99'), {
      threshold: API_P99_MS,
      evaluationPeriods: 3,
      description:
        `The API's p99 latency stayed above ${API_P99_MS} ms for 15 minutes. Find the slow routes in the access log ` +
        '(latency, routeKey), then the function duration and DynamoDB latency on the dashboard.',
    });
  }

  /**
   * The daily coverage job reports how many days the loaded working calendar has left; from 60 on,
   * deadlines past its end are only provisional until an admin loads the next year's notice.
   */
  private alarmOnCalendar(stage: string): void {
    const daysLeft = new Metric({
      namespace: 'Qingshan',
      metricName: BUSINESS_METRICS.workingCalendarDaysLeft,
      dimensionsMap: { service: 'qingshan', stage },
      statistic: 'Minimum',
      period: Duration.days(1),
    });
    const alarm = new Alarm(this, 'WorkingCalendarRunningOutAlarm', {
      metric: daysLeft,
      threshold: COVERAGE_WARNING_DAYS,
      comparisonOperator: ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.IGNORE,
      alarmDescription:
        `The working calendar runs out in ${COVERAGE_WARNING_DAYS} days or fewer: deadlines counted past its end ` +
        "are provisional. Load the State Council's holiday notice for the next year (PUT /calendar/years/{year}, " +
        'docs/working-calendar.md); the provisional deadlines are recomputed at once.',
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }

  private alarmOnThrottling(table: string): void {
    const events = (metricName: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: table },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    const throttled = new MathExpression({
      expression: 'reads + writes',
      usingMetrics: { reads: events('ReadThrottleEvents'), writes: events('WriteThrottleEvents') },
      label: `${table} throttle events`,
      period: FIVE_MINUTES,
    });
    this.add(`${table.replace(/[^A-Za-z0-9]/g, '')}Throttling`, throttled, {
      threshold: 1,
      evaluationPeriods: 2,
      description:
        `DynamoDB throttled requests on ${table} in two 5-minute windows running. On-demand tables throttle on a hot ` +
        'partition or a burst past twice the previous peak: find the key in CloudWatch Contributor Insights or the ' +
        'function logs; the ingest retries and dead-letters rather than drops.',
    });
  }

  private add(
    id: string,
    metric: IMetric,
    options: { threshold: number; description: string; evaluationPeriods: number },
  ): void {
    const alarm = new Alarm(this, `${id}Alarm`, {
      metric,
      threshold: options.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods,
      datapointsToAlarm: options.evaluationPeriods,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}
