import { Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { importAlarmTopic } from '../constructs/alarm-topic.ts';
import { OpsDashboard } from '../constructs/dashboard.ts';
import { PlatformAlarms } from '../constructs/platform-alarms.ts';
import { parameterNames } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';

export interface OpsStackProps extends StackProps {
  settings: DeploymentSettings;
}

/**
 * What an operator looks at: the stage's dashboard and the alarms on what all contexts share (API
 * errors and latency, DynamoDB throttling). Everything it watches is found by stage name or SSM.
 */
export class OpsStack extends Stack {
  public readonly dashboard: OpsDashboard;
  public readonly alarms: PlatformAlarms;

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const httpApiId = StringParameter.valueForStringParameter(this, parameterNames(settings.stage).httpApiId);
    this.dashboard = new OpsDashboard(this, 'Dashboard', { settings, httpApiId });
    this.alarms = new PlatformAlarms(this, 'Alarms', {
      settings,
      topic: importAlarmTopic(this, settings),
      httpApiId,
    });
  }
}
