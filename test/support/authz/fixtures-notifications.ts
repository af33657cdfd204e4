import { createECDH } from 'node:crypto';
import type { TestStack } from '../local-stack.ts';
import type { Principals } from './principals.ts';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const context = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 60_000 };

/**
 * Deputy A's notification and push device: the dispatcher is run once (as the scheduler would) so
 * the workflow fixtures' steps tell deputy A, and A registers a device on a loopback push endpoint
 * (the local runtime accepts one). Built after the workflow fixtures.
 */
export const buildNotificationFixtures = async (
  t: TestStack,
  principals: Principals,
): Promise<Record<string, string>> => {
  const dispatch = (
    (await import('../../../functions/notifications/dispatch-notifications.ts')) as {
      handler: Handler;
    }
  ).handler;
  await dispatch({ job: 'notificationDispatch', scheduledTime: new Date().toISOString() }, context);
  const token = principals.tokens.deputyA;
  const inbox = (await (await t.api('/notifications?limit=1', { token })).json()) as {
    items: { id: string }[];
  };
  const device = await t.api('/push-subscriptions', {
    token,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      endpoint: 'http://127.0.0.1:9/authz-matrix-device',
      keys: {
        p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
        auth: 'AAAAAAAAAAAAAAAAAAAAAA',
      },
    }),
  });
  const note = inbox.items[0]?.id;
  if (note === undefined || device.status !== 201) {
    throw new Error(`notification fixtures: inbox ${JSON.stringify(inbox)}, device ${device.status}`);
  }
  return { 'notification.depA': note, 'push.depA': ((await device.json()) as { id: string }).id };
};
