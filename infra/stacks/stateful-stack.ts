import { cx_api as cxapi, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/alarm-topic.ts';
import { Data } from '../constructs/data.ts';
import { MeterPolicy } from '../constructs/devices.ts';
import { Identity } from '../constructs/identity.ts';
import { WebHosting } from '../constructs/web-hosting.ts';
import type { DeploymentSettings } from '../settings.ts';

export interface StatefulStackProps extends StackProps {
  settings: DeploymentSettings;
}

/**
 * What holds state: tables, buckets, the user pool (where Cognito is the issuer), the meter policy that
 * certificates are attached to, the alarm topic and its key. Deployable alone and first; retained in
 * production (tables, buckets, pool and key survive `cdk destroy`), emptied and deleted in other stages.
 * Nothing in it refers to another stack, and other stacks find its resources by name or SSM parameter.
 *
 * The web app's hosting (bucket and distribution) is not state, but sits here beside the user pool:
 * the web client's callback URLs must name the distribution, and within one template they can, in
 * one deployment, without an export (docs/deploying.md).
 */
export class StatefulStack extends Stack {
  public readonly data: Data;
  public readonly identity: Identity | undefined;
  public readonly web: WebHosting | undefined;
  public readonly meterPolicy: MeterPolicy;
  public readonly alarmTopic: AlarmTopic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    // Every bucket has ACLs disabled, so access logs must be delivered through a bucket policy. Set here
    // as well as in cdk.json so the stack does not depend on who constructs it.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const { settings } = props;
    this.data = new Data(this, 'Data', { settings });
    this.web =
      settings.web === undefined
        ? undefined
        : new WebHosting(this, 'Web', {
            settings,
            web: settings.web,
            accessLogBucket: this.data.accessLogBucket,
          });
    const { identity } = settings;
    this.identity =
      identity.kind === 'cognito'
        ? new Identity(this, 'Identity', {
            settings,
            cognito: identity,
            ...(this.web === undefined ? {} : { webOrigin: this.web.origin }),
          })
        : undefined;
    this.meterPolicy = new MeterPolicy(this, 'Devices', { settings });
    this.alarmTopic = new AlarmTopic(this, 'OpsAlarms', { settings });
  }
}
