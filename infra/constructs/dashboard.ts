import { Duration } from 'aws-cdk-lib';
import {
  Dashboard,
  GraphWidget,
  type IWidget,
  Metric,
  SingleValueWidget,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { BUSINESS_METRICS, type BusinessMetric } from '../../shared/observability/business-metrics.ts';
import { CONTEXTS, type FunctionSpec, TABLES } from '../manifest.ts';
import { functionName, METRICS_NAMESPACE, stageName, tableName } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';

export interface OpsDashboardProps {
  settings: DeploymentSettings;
  /** The HTTP API's id (its CloudWatch dimension), read from SSM by the caller. */
  httpApiId: string;
}

const HOUR = Duration.hours(1);
const FIVE_MINUTES = Duration.minutes(5);

/**
 * One CloudWatch dashboard per stage, `qingshan-<stage>`, built from the manifest: the business figures
 * the functions count (shared/observability/metrics.ts), the ingest queues, the API, every context's
 * functions and every table. A new context or table appears without an edit here.
 */
export class OpsDashboard extends Construct {
  public readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OpsDashboardProps) {
    super(scope, id);
    const { stage } = props.settings;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: stageName(stage, 'operations'),
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Qingshan ${stage}\nBusiness figures (hourly sums), ingest, API, functions by context, tables. Runbook: README "Runbook".`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(...businessWidgets(stage));
    this.dashboard.addWidgets(...ingestWidgets(stage), ...apiWidgets(props.httpApiId));
    this.dashboard.addWidgets(...functionWidgets(stage));
    this.dashboard.addWidgets(...tableWidgets(stage));
  }
}

const business = (stage: string, name: BusinessMetric, statistic = 'Sum') =>
  new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: BUSINESS_METRICS[name],
    dimensionsMap: { service: 'qingshan', stage },
    statistic,
    period: HOUR,
  });

const businessWidgets = (stage: string): IWidget[] => [
  new GraphWidget({
    title: 'Telemetry messages per hour',
    left: (
      ['telemetryApplied', 'telemetryQuarantined', 'telemetryDuplicate', 'telemetryRetried'] as const
    ).map((name) => business(stage, name)),
    width: 12,
  }),
  new GraphWidget({
    title: 'Cases, escalations, job units per hour; items overdue',
    left: (['casesOpened', 'itemsEscalated', 'jobUnitsDone'] as const).map((name) => business(stage, name)),
    right: [business(stage, 'itemsOverdue', 'Maximum')],
    width: 12,
  }),
  new SingleValueWidget({
    title: 'Working calendar: days left (load the next year before 60)',
    metrics: [
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: BUSINESS_METRICS.workingCalendarDaysLeft,
        dimensionsMap: { service: 'qingshan', stage },
        statistic: 'Minimum',
        period: Duration.days(1),
      }),
    ],
    width: 6,
  }),
  new GraphWidget({
    title: 'Notifications per hour: written, sent, retried; failed and devices gone (right)',
    left: (
      ['notificationsCreated', 'notificationDeliveriesSent', 'notificationDeliveriesRetried'] as const
    ).map((name) => business(stage, name)),
    right: (['notificationDeliveriesFailed', 'pushSubscriptionsGone'] as const).map((name) =>
      business(stage, name),
    ),
    width: 12,
  }),
];

const iotSpecs = (): FunctionSpec[] =>
  Object.values(CONTEXTS)
    .flat()
    .filter((spec) => spec.trigger.kind === 'iotRule');

const sqs = (queueName: string, metricName: string) =>
  new Metric({
    namespace: 'AWS/SQS',
    metricName,
    dimensionsMap: { QueueName: queueName },
    statistic: 'Maximum',
    period: FIVE_MINUTES,
  });

/** The ingest queues have stage names (ingest.ts), so they are graphed without a reference. */
const ingestWidgets = (stage: string): IWidget[] => [
  new GraphWidget({
    title: 'Ingest: oldest queued record (s) and dead letters',
    left: iotSpecs().map((spec) => sqs(stageName(stage, spec.id), 'ApproximateAgeOfOldestMessage')),
    right: iotSpecs().map((spec) =>
      sqs(stageName(stage, `${spec.id}-dlq`), 'ApproximateNumberOfMessagesVisible'),
    ),
    width: 8,
  }),
];

const api = (apiId: string, metricName: string, statistic: string) =>
  new Metric({
    namespace: 'AWS/ApiGateway',
    metricName,
    dimensionsMap: { ApiId: apiId },
    statistic,
    period: FIVE_MINUTES,
  });

const apiWidgets = (apiId: string): IWidget[] => [
  new GraphWidget({
    title: 'API requests and errors',
    left: [api(apiId, 'Count', 'Sum')],
    right: [api(apiId, '4xx', 'Sum'), api(apiId, '5xx', 'Sum')],
    width: 8,
  }),
  new GraphWidget({
    title: 'API latency (ms)',
    left: [api(apiId, 'Latency', 'p50'), api(apiId, 'Latency', 'p99')],
    width: 8,
  }),
];

const lambda = (stage: string, spec: FunctionSpec, metricName: string, statistic: string) =>
  new Metric({
    namespace: 'AWS/Lambda',
    metricName,
    dimensionsMap: { FunctionName: functionName(stage, spec.id) },
    statistic,
    period: FIVE_MINUTES,
    label: spec.id,
  });

/** Per context: errors and throttles on the left, p99 duration on the right. */
const functionWidgets = (stage: string): IWidget[] =>
  Object.entries(CONTEXTS).map(
    ([context, specs]) =>
      new GraphWidget({
        title: `Functions: ${context} — errors + throttles (left), p99 duration ms (right)`,
        left: specs.flatMap((spec) => [
          lambda(stage, spec, 'Errors', 'Sum'),
          lambda(stage, spec, 'Throttles', 'Sum'),
        ]),
        right: specs.map((spec) => lambda(stage, spec, 'Duration', 'p99')),
        width: 12,
      }),
  );

const dynamo = (table: string, metricName: string) =>
  new Metric({
    namespace: 'AWS/DynamoDB',
    metricName,
    dimensionsMap: { TableName: table },
    statistic: 'Sum',
    period: FIVE_MINUTES,
    label: `${table} ${metricName}`,
  });

const tableWidgets = (stage: string): IWidget[] => {
  const tables = Object.keys(TABLES).map((id) => tableName(stage, id));
  return [
    new GraphWidget({
      title: 'DynamoDB consumed capacity (read left, write right)',
      left: tables.map((table) => dynamo(table, 'ConsumedReadCapacityUnits')),
      right: tables.map((table) => dynamo(table, 'ConsumedWriteCapacityUnits')),
      width: 12,
    }),
    new GraphWidget({
      title: 'DynamoDB throttle events and system errors',
      left: tables.flatMap((table) => [
        dynamo(table, 'ReadThrottleEvents'),
        dynamo(table, 'WriteThrottleEvents'),
      ]),
      right: tables.map((table) => dynamo(table, 'SystemErrors')),
      width: 12,
    }),
  ];
};
