import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { NOTIFY_ENV } from '../../shared/config/notification-env.ts';
import { parameterNames } from '../names.ts';
import { type DeploymentSettings, LOCAL_APP_URL } from '../settings.ts';
import type { HouseFunction } from './house-function.ts';
import { acknowledgeWildcardResource, nagNotation } from './nag-suppressions.ts';

/** The Secrets Manager secret `npm run push-keys` writes: the stage's VAPID key pair. */
export const vapidSecretName = (stage: string): string => `qingshan/${stage}/web-push-vapid`;

/**
 * What a notification function may reach beyond its tables (manifest `notify`), least privilege:
 * `pushKey` reads the VAPID secret; `deliver` also sends email from the configured SES identity only,
 * and SMS through SNS when enabled — and gets the settings as environment variables.
 */
export const grantNotificationDelivery = (
  fn: HouseFunction,
  level: 'pushKey' | 'deliver',
  settings: DeploymentSettings,
): void => {
  const stack = Stack.of(fn);
  const secret = stack.formatArn({
    service: 'secretsmanager',
    resource: 'secret',
    resourceName: `${vapidSecretName(settings.stage)}-??????`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  fn.fn.addEnvironment(NOTIFY_ENV.vapidSecretId, vapidSecretName(settings.stage));
  fn.role.addToPolicy(
    new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret] }),
  );
  acknowledgeWildcardResource(
    fn.role,
    nagNotation(fn.role, secret),
    'Secrets Manager appends six random characters to a secret’s ARN; the pattern names this one secret.',
  );
  if (level === 'deliver') grantSending(fn, settings);
};

/**
 * Where links in messages point, unless `-c appBaseUrl` says: a stage that hosts the app links to
 * its address (the distribution or its own domain, from the parameter the stateful stack writes and
 * the context stacks deploy after), so a link in a mail opens the hosted app; without hosting, the
 * dev server outside production, and relative in production (fine in the app and push, not in mail).
 */
export const linkBase = (stack: Stack, settings: DeploymentSettings): string => {
  const given = settings.notifications.appBaseUrl;
  if (given !== undefined) return given;
  if (settings.web !== undefined) {
    return StringParameter.valueForStringParameter(stack, parameterNames(settings.stage).webOrigin);
  }
  return settings.stage === 'prod' ? '' : LOCAL_APP_URL;
};

const grantSending = (fn: HouseFunction, settings: DeploymentSettings): void => {
  const { notifications } = settings;
  fn.fn.addEnvironment(NOTIFY_ENV.appBaseUrl, linkBase(Stack.of(fn), settings));
  fn.fn.addEnvironment(NOTIFY_ENV.districtLeaderIds, notifications.districtLeaderIds.join(','));
  fn.fn.addEnvironment(NOTIFY_ENV.ecologyDepartmentId, notifications.ecologyDepartmentId);
  if (notifications.emailFrom !== undefined) {
    fn.fn.addEnvironment(NOTIFY_ENV.emailSender, 'ses');
    fn.fn.addEnvironment(NOTIFY_ENV.emailFrom, notifications.emailFrom);
    const identity = notifications.emailFrom.includes('@')
      ? notifications.emailFrom.split('@')[1]
      : notifications.emailFrom;
    fn.role.addToPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          Stack.of(fn).formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
          Stack.of(fn).formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: notifications.emailFrom,
          }),
        ],
      }),
    );
  }
  if (notifications.sms) {
    fn.fn.addEnvironment(NOTIFY_ENV.smsSender, 'sns');
    if (notifications.smsSenderId) fn.fn.addEnvironment(NOTIFY_ENV.smsSenderId, notifications.smsSenderId);
    // Publishing to a phone number names no topic: SNS has no resource to scope it to. Topics are
    // denied, so the grant sends SMS and nothing else.
    fn.role.addToPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    fn.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ['sns:Publish'],
        resources: [Stack.of(fn).formatArn({ service: 'sns', resource: '*' })],
      }),
    );
    acknowledgeWildcardResource(
      fn.role,
      '*',
      'sns:Publish to a phone number (SMS) has no resource; publishing to any topic is denied beside it.',
    );
  }
};
