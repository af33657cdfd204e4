import { DeleteCommand, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { DynamoAlertWriter } from '../../shared/adapters/dynamodb/carbon/alert-writer.ts';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { readCaptured } from '../../shared/adapters/local/captured-outbox.ts';
import { NOTIFY_ENV } from '../../shared/config/notification-env.ts';
import type { Principal, Role } from '../../shared/domain/roles.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { type PushService, startPushService } from '../support/push-service.ts';

/**
 * Issue 18 end to end on the local stack: a case is dispatched, its deadline comes within a working
 * day, it passes, and it stays overdue — the hourly escalation job records levels 1, 2 and 3 (judged
 * at past instants, as `--at … --commit` does), and the minute's dispatcher tells exactly the right
 * people on exactly the channels they chose: in-app, Web Push to a push service of our own, email and
 * SMS captured in the data folder. Running everything again tells no one anything new.
 */

type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
const lambdaContext = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 };
const DAY = 86_400_000;
const HOUR = 3_600_000;

let t: TestStack;
// biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON, as in the other integration tests
type Json = Record<string, any>;
let push: PushService;
let escalate: Handler;
let dispatch: Handler;
let caseId: string;
let deadline: string;
const HANDLER_2 = {
  sub: 'notify-handler-eco-2',
  username: 'handler-eco-2',
  groups: ['handler' as Role],
  department: 'dept-ecology',
};
const BOUNCING_SUPERVISOR = 'notify-supervisor-bounce';

const id = (role: Role) => t.stack.users[role].user.sub;
const principal = (role: Role): Principal => {
  const { user } = t.stack.users[role];
  return {
    userId: user.sub,
    username: user.username,
    roles: [role],
    ...(user.department ? { departmentId: user.department } : {}),
  };
};
const api = async (path: string, token: string, init: RequestInit = {}) => {
  const response = await t.api(path, {
    ...init,
    token,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return {
    status: response.status,
    body: response.status === 204 ? {} : ((await response.json()) as Json),
  };
};
const runDispatch = (at = new Date()) =>
  dispatch({ job: 'notificationDispatch', scheduledTime: at.toISOString() }, lambdaContext);
const runEscalation = (at: Date) =>
  escalate({ job: 'escalateOverdue', scheduledTime: at.toISOString() }, lambdaContext);

/** Every notification and delivery in the table (a test may scan; nothing in the product does). */
const stored = async () => {
  const items =
    (await t.dynamo.send(new ScanCommand({ TableName: localTableName('notifications') }))).Items ?? [];
  return {
    notes: items.filter((i) => i.itemType === 'notification' && i.subject?.id === caseId),
    deliveries: items.filter((i) => i.itemType === 'delivery' && i.subject?.id === caseId),
  };
};
/** `recipient kind channel` lines, sorted: what was told, to whom, where. */
const told = async () => {
  const { notes, deliveries } = await stored();
  const byId = new Map(notes.map((n) => [n.id, n]));
  return [
    ...notes.map((n) => `${n.recipientId} ${n.kind} inApp`),
    ...deliveries.map((d) => `${d.recipientId} ${byId.get(d.notificationId)?.kind} ${d.channel}:${d.status}`),
  ].sort();
};
const outbox = (channel: 'email' | 'sms') =>
  readCaptured<{ to: string; subject?: string; text: string }>(
    `${t.stack.env[NOTIFY_ENV.localOutboxDir]}/${channel}.ndjson`,
  );

beforeAll(async () => {
  t = await startTestStack();
  push = await startPushService();
  escalate = ((await import('../../functions/jobs/escalate-overdue.ts')) as { handler: Handler }).handler;
  dispatch = (
    (await import('../../functions/notifications/dispatch-notifications.ts')) as { handler: Handler }
  ).handler;
  const directory = new DynamoUserDirectory(t.dynamo, localTableName('registry'));
  // A second ecology handler, whose quiet hours cover now; a supervisor whose address bounces.
  await directory.putPerson({
    id: HANDLER_2.sub,
    name: '经办人二',
    roles: ['handler'],
    departmentId: 'dept-ecology',
    email: 'h2@qingshan.example',
    status: 'active',
  });
  await directory.putPerson({
    id: BOUNCING_SUPERVISOR,
    name: '退信科长',
    roles: ['supervisor'],
    email: 'nobody@qingshan.invalid',
    status: 'active',
  });
  const handler2 = await t.stack.issueToken(HANDLER_2);
  const local = (offsetMs: number) =>
    new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(Date.now() + offsetMs));
  expect(
    (
      await api('/notification-preferences', handler2, {
        method: 'PUT',
        body: JSON.stringify({
          channels: { push: true, email: true, sms: false },
          quietHours: { start: local(-2 * HOUR), end: local(2 * HOUR) },
        }),
      })
    ).status,
  ).toBe(200);
  // The head wants SMS too, and has a phone and an old tablet the push service has forgotten.
  const head = t.stack.users.head.token;
  expect(
    (
      await api('/notification-preferences', head, {
        method: 'PUT',
        body: JSON.stringify({
          channels: { push: true, email: true, sms: true },
          quietHours: null,
          version: 0,
        }),
      })
    ).status,
  ).toBe(200);
  for (const device of [push.device('head-phone'), push.device('head-old-tablet', 'gone')]) {
    expect(
      (await api('/push-subscriptions', head, { method: 'POST', body: JSON.stringify(device) })).status,
    ).toBe(201);
  }
  // The district leader reads SMS only.
  const leader = t.stack.districtLeader.token;
  await api('/notification-preferences', leader, {
    method: 'PUT',
    body: JSON.stringify({ channels: { push: false, email: false, sms: true }, quietHours: null }),
  });
  // Dispatched 30 days ago: its deadline is long past, and each level can be judged when it was due.
  const seeded = await seedCaseSteps(t, {
    reporter: principal('deputy'),
    submittedAt: new Date(Date.now() - 30 * DAY).toISOString(),
    steps: [
      ['accept', 'supervisor', new Date(Date.now() - 30 * DAY + HOUR).toISOString()],
      [
        'dispatch',
        'supervisor',
        new Date(Date.now() - 30 * DAY + 2 * HOUR).toISOString(),
        { leadDepartmentId: 'dept-ecology' },
      ],
    ],
    principals: { supervisor: principal('supervisor') },
  });
  caseId = seeded.record.id;
  deadline = String(seeded.record.deadline);
  await runDispatch();
  await runEscalation(new Date(Date.parse(deadline) - 30 * 60_000)); // within a working day: level 1
  await runDispatch();
  await runEscalation(new Date(Date.parse(deadline) + 30 * 60_000)); // just past: level 2
  await runDispatch();
  await runEscalation(new Date()); // three working days and more past: level 3
  await runDispatch();
}, 120_000);

afterAll(async () => {
  await push?.close();
  await t?.close();
});

describe('a case through dispatch, a near deadline and three escalation levels', () => {
  it('tells each person once, on the channels they chose', async () => {
    const deputy = id('deputy');
    const handler = id('handler');
    const head = id('head');
    const supervisor = id('supervisor');
    const leader = t.stack.districtLeader.user.sub;
    expect(await told()).toEqual(
      [
        // accept and dispatch change the case's state: the reporter (in-app and email, the defaults)
        `${deputy} stateChanged inApp`,
        `${deputy} stateChanged inApp`,
        `${deputy} stateChanged email:sent`,
        `${deputy} stateChanged email:sent`,
        // dispatch: the department's handlers and head
        `${handler} caseDispatched inApp`,
        `${handler} caseDispatched email:sent`,
        `${HANDLER_2.sub} caseDispatched inApp`,
        `${HANDLER_2.sub} caseDispatched email:deferred`,
        `${head} caseDispatched inApp`,
        `${head} caseDispatched email:sent`,
        `${head} caseDispatched sms:sent`,
        `${head} caseDispatched push:sent`,
        `${head} caseDispatched push:gone`,
        // level 1: the head (urgent), the handlers that the deadline is a working day away
        `${head} escalation inApp`,
        `${head} escalation email:sent`,
        `${head} escalation sms:sent`,
        `${head} escalation push:sent`,
        `${handler} deadlineNear inApp`,
        `${handler} deadlineNear email:sent`,
        `${HANDLER_2.sub} deadlineNear inApp`,
        `${HANDLER_2.sub} deadlineNear email:deferred`,
        // level 2: People's Congress staff; one address bounces and is retried
        `${supervisor} escalation inApp`,
        `${supervisor} escalation email:sent`,
        `${BOUNCING_SUPERVISOR} escalation inApp`,
        `${BOUNCING_SUPERVISOR} escalation email:pending`,
        // level 3: the district leader, by SMS only
        `${leader} escalation inApp`,
        `${leader} escalation sms:sent`,
      ].sort(),
    );
  });

  it('writes messages people read: the case, its place and its deadline in local time, and a link into their app', async () => {
    const inbox = await api('/notifications', t.stack.users.head.token);
    expect(inbox.status).toBe(200);
    const escalation = inbox.body.items.find((n: { kind: string }) => n.kind === 'escalation');
    expect(escalation).toMatchObject({
      urgent: true,
      level: 1,
      title: '督办升级（承办部门负责人）：种子案件',
      link: `${t.stack.urls.api}/console/cases/${caseId}`,
    });
    expect(escalation.body).toMatch(
      /^案件「种子案件」（地点：未注明地点）临近办理期限 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间），承办部门：区生态环境局，已升级至承办部门负责人督办。$/,
    );
    const deputy = await api('/notifications', t.stack.users.deputy.token);
    expect(deputy.body.items.map((n: { link: string }) => n.link)).toEqual([
      `${t.stack.urls.api}/app/cases/${caseId}`,
      `${t.stack.urls.api}/app/cases/${caseId}`,
    ]);
    const sms = await outbox('sms');
    const leader = await new DynamoUserDirectory(t.dynamo, localTableName('registry')).getPerson(
      t.stack.districtLeader.user.sub,
    );
    expect(leader?.phone).toMatch(/^\+86\d{11}$/);
    expect(sms.filter((m) => m.to === leader?.phone)).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(
          /^【青山】督办升级（区领导）：种子案件：案件「种子案件」.*已超过办理期限/,
        ),
      }),
    ]);
  });

  it('pushes to the head’s phone, encrypted and signed, and forgets the device the push service has dropped', async () => {
    const phone = push.received.filter((p) => p.device === 'head-phone');
    expect(phone.map((p) => (p.payload as { kind: string }).kind).sort()).toEqual([
      'caseDispatched',
      'escalation',
    ]);
    const urgent = phone.find((p) => (p.payload as { kind: string }).kind === 'escalation');
    expect(urgent?.headers.urgency).toBe('high');
    expect(urgent?.payload).toMatchObject({
      url: `${t.stack.urls.api}/console/cases/${caseId}`,
      urgent: true,
    });
    expect(urgent?.vapidSubject).toBe('mailto:ops@qingshan.example');
    expect(push.hits.get('head-old-tablet')).toBe(1);
    const devices = await api('/push-subscriptions', t.stack.users.head.token);
    expect(devices.body.items).toHaveLength(1);
    expect(devices.body.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it('shows on the escalation board who was told of each level, and when', async () => {
    const board = await api('/reports/escalations', t.stack.users.supervisor.token);
    const item = board.body.escalated.find((e: { id: string }) => e.id === caseId);
    const rows = (
      item.told as {
        level: number;
        recipientId: string;
        channel: string;
        status: string;
        at: string;
        recipientName?: string;
      }[]
    ).map((r) => `${r.level} ${r.recipientName ?? r.recipientId} ${r.channel} ${r.status}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        '1 生态环境局负责人 inApp sent',
        '1 生态环境局负责人 sms sent',
        '1 经办人二 email deferred',
        '2 人大代表工委王科长 email sent',
        '2 退信科长 email pending',
        '3 赵区长 sms sent',
      ]),
    );
  });

  it('tells no one anything new when the jobs run again', async () => {
    const before = await told();
    const emails = (await outbox('email')).length;
    await runEscalation(new Date());
    expect(await runDispatch()).toMatchObject({ notifications: 0 });
    expect(await told()).toEqual(before);
    expect((await outbox('email')).length).toBe(emails);
  });

  it('retries a bouncing address with backoff and records it failed, never dropped; sends what quiet hours held once they end', async () => {
    let now = Date.now();
    for (let attempt = 0; attempt < 6; attempt++) {
      now += 20 * 60_000; // past every backoff step
      await runDispatch(new Date(now));
    }
    const { deliveries } = await stored();
    const bounced = deliveries.find((d) => d.recipientId === BOUNCING_SUPERVISOR);
    expect(bounced).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'cannot deliver to nobody@qingshan.invalid',
    });
    expect(bounced?.gsi1pk).toBeUndefined();
    // Two hours on, handler 2's quiet hours are over: what they held has gone out, once each.
    expect(deliveries.filter((d) => d.recipientId === HANDLER_2.sub).map((d) => d.status)).toEqual([
      'sent',
      'sent',
    ]);
    expect((await outbox('email')).filter((m) => m.to === 'h2@qingshan.example')).toHaveLength(2);
  });
});

describe('an alert', () => {
  it('raised by concurrent runs at once is raised once, and tells the ecology department and the supervisors once', async () => {
    const writer = new DynamoAlertWriter(t.dynamo, localTableName('carbon'));
    const alert = {
      kind: 'budgetBreach' as const,
      level: 'enterprise' as const,
      targetId: 'ENT-0003',
      period: '2026-11',
      raisedAt: new Date().toISOString(),
      message: '企业 ENT-0003 2026年11月排放 120 tCO2e，超出月度碳预算 100 tCO2e',
    };
    const raised = await Promise.all(Array.from({ length: 8 }, () => writer.raiseAlert(alert)));
    expect(raised.filter(Boolean)).toHaveLength(1);
    await runDispatch();
    const items =
      (await t.dynamo.send(new ScanCommand({ TableName: localTableName('notifications') }))).Items ?? [];
    const told = items
      .filter((i) => i.itemType === 'notification' && i.kind === 'carbonAlert')
      .map((i) => i.recipientId)
      .sort();
    expect(told).toEqual(
      [id('handler'), id('head'), HANDLER_2.sub, id('supervisor'), BOUNCING_SUPERVISOR].sort(),
    );
    const note = items.find(
      (i) => i.itemType === 'notification' && i.recipientId === id('head') && i.kind === 'carbonAlert',
    );
    expect(note).toMatchObject({
      title: '碳预算超标：ENT-0003',
      body: alert.message,
      link: `${t.stack.urls.api}/console/alerts`,
    });
  });
});

describe('an event that cannot be told', () => {
  it('stays in the outbox and holds up no event behind it', async () => {
    const poison = {
      pk: 'OUTBOX',
      sk: '0000-poison',
      kind: 'outbox',
      source: 'alert',
      ref: '|no-key',
      at: '2026-01-01T00:00:00.000Z',
    };
    await t.dynamo.send(new PutCommand({ TableName: localTableName('workflow'), Item: poison }));
    const before = (await api('/notifications', t.stack.users.deputy.token)).body.items.length;
    const signed = await api(`/cases/${caseId}/transitions`, t.stack.users.handler.token, {
      method: 'POST',
      body: JSON.stringify({ action: 'signFor' }),
    });
    expect(signed.status).toBe(200);
    expect(await runDispatch()).toMatchObject({ eventsFailed: 1, notifications: 1 });
    expect((await api('/notifications', t.stack.users.deputy.token)).body.items.length).toBe(before + 1);
    const left = await t.dynamo.send(
      new GetCommand({ TableName: localTableName('workflow'), Key: { pk: 'OUTBOX', sk: poison.sk } }),
    );
    expect(left.Item).toBeDefined();
    await t.dynamo.send(
      new DeleteCommand({ TableName: localTableName('workflow'), Key: { pk: 'OUTBOX', sk: poison.sk } }),
    );
  });
});

describe('the inbox is each person’s own', () => {
  it('marks one read, then all; another person’s notification is not found', async () => {
    const head = t.stack.users.head.token;
    const inbox = await api('/notifications?unread=true', head);
    const [first] = inbox.body.items as { id: string }[];
    expect(inbox.body.unreadCount).toBe(inbox.body.items.length);
    expect(
      (await api(`/notifications/${first?.id}/read`, t.stack.users.handler.token, { method: 'POST' })).status,
    ).toBe(404);
    const read = await api(`/notifications/${first?.id}/read`, head, { method: 'POST' });
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await api('/notifications', head)).body.unreadCount).toBe(inbox.body.unreadCount - 1);
    expect((await api('/notifications/read-all', head, { method: 'POST' })).body.marked).toBe(
      inbox.body.unreadCount - 1,
    );
    expect((await api('/notifications?unread=true', head)).body).toMatchObject({ items: [], unreadCount: 0 });
  });

  it('refuses a push endpoint that is not a push service, and preferences saved over a newer version', async () => {
    const deputy = t.stack.users.deputy.token;
    const refused = await api('/push-subscriptions', deputy, {
      method: 'POST',
      body: JSON.stringify({ ...push.device('x'), endpoint: 'https://169.254.169.254/latest/meta-data' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: '/body/endpoint', message: expect.stringContaining('不支持的推送服务') },
    ]);
    const stale = await api('/notification-preferences', t.stack.users.head.token, {
      method: 'PUT',
      body: JSON.stringify({
        channels: { push: false, email: false, sms: false },
        quietHours: null,
        version: 0,
      }),
    });
    expect(stale.status).toBe(409);
  });

  it('forgets a device its owner signs out of; another person’s device is not found', async () => {
    const head = t.stack.users.head.token;
    const [phone] = (await api('/push-subscriptions', head)).body.items as { id: string }[];
    const path = `/push-subscriptions/${phone?.id}`;
    expect((await api(path, t.stack.users.deputy.token, { method: 'DELETE' })).status).toBe(404);
    expect((await api(path, head, { method: 'DELETE' })).status).toBe(204);
    expect((await api('/push-subscriptions', head)).body.items).toEqual([]);
  });
});
