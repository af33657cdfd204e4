/**
 * `npm run push-keys -- --stage <stage>`: makes the stage's Web Push (VAPID) key pair and keeps it in
 * Secrets Manager as `qingshan/<stage>/web-push-vapid`, where the notification functions read it
 * (docs/notifications.md). CloudFormation cannot make EC keys, so this runs once per stage after the
 * first deploy; until then push is off and everything else works. Run again it only prints the public
 * key; `--rotate` replaces the pair — every device must subscribe again (the app does on next start).
 */
import { parseArgs } from 'node:util';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { generateVapidKeys } from '../../shared/adapters/push/web-push-sender.ts';
import { vapidSecretName } from '../constructs/notification-delivery.ts';

const { values } = parseArgs({
  options: {
    stage: { type: 'string' },
    region: { type: 'string' },
    subject: { type: 'string', default: 'mailto:ops@qingshan.invalid' },
    rotate: { type: 'boolean', default: false },
  },
});

const main = async (): Promise<void> => {
  if (values.stage === undefined) throw new Error('--stage is required');
  const name = vapidSecretName(values.stage);
  const client = new SecretsManagerClient(values.region === undefined ? {} : { region: values.region });
  const existing = await client
    .send(new GetSecretValueCommand({ SecretId: name }))
    .then((result) => JSON.parse(result.SecretString ?? '{}') as { publicKey?: string })
    .catch((error: Error) => {
      if (error.name === 'ResourceNotFoundException') return undefined;
      throw error;
    });
  if (existing?.publicKey && !values.rotate) {
    return void console.log(`${name} exists; public key ${existing.publicKey} (--rotate to replace it)`);
  }
  const value = JSON.stringify({ ...generateVapidKeys(), subject: values.subject });
  if (existing === undefined) {
    await client.send(
      new CreateSecretCommand({
        Name: name,
        SecretString: value,
        Description: 'Web Push VAPID key pair (Qingshan)',
      }),
    );
  } else {
    await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: value }));
  }
  console.log(
    `${name} ${existing === undefined ? 'created' : 'rotated'}; functions read it within five minutes.`,
  );
};

await main().catch((error: unknown) => {
  console.error(`${(error as Error).name}: ${(error as Error).message}`);
  process.exit(1);
});
