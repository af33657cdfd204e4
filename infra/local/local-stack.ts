import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDeviceCredentialStore } from '../../shared/adapters/dynamodb/device-credential-store.ts';
import { readLocalUsers } from '../../shared/adapters/local/users-file.ts';
import { ENV } from '../../shared/config/env.ts';
import { NOTIFY_ENV } from '../../shared/config/notification-env.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { DEFAULTS, FUNCTIONS, type IotRuleTrigger, type ScheduleTrigger } from '../manifest.ts';
import { startBroker } from './broker.ts';
import { seedDemoData } from './demo-data.ts';
import { ensureTables, localClient, openDynamoDb } from './dynamodb-local.ts';
import { LOCAL_REGION, localBucketName, localEnvironment, localTableName } from './environment.ts';
import { freePort } from './free-port.ts';
import { startGateway } from './gateway.ts';
import { type RunningRuleEngine, startRuleEngine } from './iot-rule-engine.ts';
import { createLocalFunction, type LocalFunction } from './local-function.ts';
import { type IssueOptions, LOCAL_CLIENT_ID, type LocalUser, openLocalIssuer } from './local-issuer.ts';
import { localNotificationEnv } from './notifications-local.ts';
import { createOidcProvider } from './oidc-provider.ts';
import { LOCAL_S3_CREDENTIALS, startS3Local } from './s3-local.ts';
import { startS3PolicyProxy } from './s3-policy-proxy.ts';
import { startScheduler } from './scheduler.ts';
import { DEMO_DISPLAY_NAMES, type DemoDevice, seedDistrictLeader } from './seed.ts';
import { createWebStatic } from './web-static.ts';

export interface LocalStackOptions {
  projectRoot: string;
  dataDir: string;
  /** Start empty: delete the data folder first. */
  reset?: boolean;
  /** Keep DynamoDB in memory (tests); the S3 files still go to the data folder. */
  inMemory?: boolean;
  /**
   * A DynamoDB Local already running (the tests share one, test/support/shared-dynamodb.ts): no JVM is
   * started, this stack's tables are created there and deleted at `stop()`. Its names must be this
   * stack's own (LOCAL_TABLE_PREFIX_ENV).
   */
  dynamodbEndpoint?: string;
  /** 0 (the default) picks a free port. */
  ports?: Partial<Record<'api' | 'dynamodb' | 's3' | 'mqtt' | 'mqttWs', number>>;
  timeZone?: string;
  /**
   * Where rate() schedules count from (default: when the scheduler starts). Evaluated at that moment,
   * so tests can put it just short of one period ago and see a job fire within seconds.
   */
  schedulerAnchor?: () => Date;
  log?: (line: string) => void;
  /** Load the bundled 2025/2026 calendar years when absent (default true; tests of an empty calendar say false). */
  seedCalendar?: boolean;
}

export interface LocalStack {
  /** `issuer`: the local OIDC issuer (the tokens' `iss`); `app`: the deputies' web app. */
  urls: {
    api: string;
    dynamodb: string;
    s3: string;
    mqtt: string;
    mqttWs: string;
    issuer: string;
    app: string;
  };
  env: Record<string, string>;
  users: Record<Role, { user: LocalUser; token: string }>;
  /** The demo district leader (QS_DISTRICT_LEADER_IDS), told of level-3 escalations. */
  districtLeader: { user: LocalUser; token: string };
  /** The demo enterprise account (ENT-0001, imports its own data), when the demo users hold one. */
  enterpriseAccount?: { user: LocalUser; token: string };
  devices: DemoDevice[];
  issueToken(user: LocalUser, options?: IssueOptions): Promise<string>;
  ruleEngine: RunningRuleEngine;
  scheduler: ReturnType<typeof startScheduler>;
  stop(): Promise<void>;
}

/** Boots every emulator and serves the manifest's functions on them; `stop()` undoes it in reverse. */
export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  if (options.reset === true) await rm(options.dataDir, { recursive: true, force: true });
  await mkdir(options.dataDir, { recursive: true });
  const port = async (name: keyof NonNullable<LocalStackOptions['ports']>) =>
    options.ports?.[name] || freePort();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const dynamo = await openDynamoDb({
      shared: options.dynamodbEndpoint,
      port: () => port('dynamodb'),
      ...(options.inMemory === true ? {} : { dir: join(options.dataDir, 'dynamodb') }),
      nameOf: localTableName,
    });
    stops.push(dynamo.stop);
    await ensureTables(dynamo.endpoint, localTableName);
    const s3rver = await startS3Local({
      port: await freePort(),
      dir: join(options.dataDir, 's3'),
      nameOf: localBucketName,
    });
    stops.push(s3rver.stop);
    // The S3 endpoint everyone sees: s3rver behind a proxy that enforces presigned POST policies.
    const s3 = await startS3PolicyProxy({
      port: await port('s3'),
      upstream: s3rver.endpoint,
      secretOf: (id) =>
        id === LOCAL_S3_CREDENTIALS.accessKeyId ? LOCAL_S3_CREDENTIALS.secretAccessKey : undefined,
    });
    stops.push(s3.stop);

    const timeZone = options.timeZone ?? DEFAULTS.timeZone;
    const leader = await seedDistrictLeader(options.dataDir);
    const env: Record<string, string> = {
      ...localEnvironment({ dynamodb: dynamo.endpoint, s3: s3.endpoint }, timeZone),
      ...(await localNotificationEnv(options.dataDir, leader.sub)),
    };
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    Object.assign(process.env, env);

    const functions = new Map(
      FUNCTIONS.map((spec) => [spec.id, createLocalFunction(spec, options.projectRoot)]),
    );
    const documents = DynamoDBDocumentClient.from(localClient(dynamo.endpoint));
    stops.push(async () => documents.destroy());
    const credentials = new DynamoDeviceCredentialStore(documents, localTableName('registry'));
    const { userList, seededUsers, usersFile, devices } = await seedDemoData({
      dataDir: options.dataDir,
      documents,
      credentials,
      leader,
      calendar: options.seedCalendar !== false,
    });
    env[ENV.localUsersFile] = usersFile;
    process.env[ENV.localUsersFile] = usersFile;

    const s3Client = new S3Client({
      endpoint: s3.endpoint,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: LOCAL_S3_CREDENTIALS,
    });
    stops.push(async () => s3Client.destroy());
    const deadLetter = async (key: string, body: unknown) => {
      await s3Client.send(
        new PutObjectCommand({ Bucket: localBucketName('deadLetter'), Key: key, Body: JSON.stringify(body) }),
      );
    };

    // Before the broker: it replays the journal's unfinished invocations, and the broker acks only
    // what the engine has journalled. Stopped after the broker (stops run in reverse).
    const ruleEngine = await startRuleEngine({
      rules: triggersOf<IotRuleTrigger>('iotRule', functions),
      deadLetter,
      journalFile: join(options.dataDir, 'rule-journal.ndjson'),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    stops.push(ruleEngine.stop);
    const broker = await startBroker({
      tcpPort: await port('mqtt'),
      wsPort: await port('mqttWs'),
      credentials,
      beforeAck: ruleEngine.accept,
    });
    stops.push(broker.stop);
    // Handed out with the credentials the local provisioner issues.
    env[ENV.mqttUrl] = broker.mqttUrl;
    process.env[ENV.mqttUrl] = broker.mqttUrl;
    // Credentials issued through the API replace a demo meter's secret in devices.json too.
    env[ENV.localDevicesFile] = join(options.dataDir, 'devices.json');
    process.env[ENV.localDevicesFile] = env[ENV.localDevicesFile];
    const scheduler = startScheduler({
      schedules: triggersOf<ScheduleTrigger>('schedule', functions),
      timeZone,
      deadLetter,
      ...(options.schedulerAnchor === undefined ? {} : { anchor: options.schedulerAnchor() }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    stops.push(scheduler.stop);
    // The port is fixed just before the gateway listens (a port picked early may be taken meanwhile);
    // the issuer names it, because the issuer URL the gateway serves is the tokens' iss.
    const apiPort = await port('api');
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const issuer = await openLocalIssuer(options.dataDir, `${apiUrl}/oidc`);
    const gateway = await startGateway({
      port: apiPort,
      functions,
      issuer,
      extraHandlers: [
        createOidcProvider({
          issuer,
          users: () => {
            const current: LocalUser[] = readLocalUsers(usersFile);
            return current.length > 0 ? current : userList;
          },
          displayNames: DEMO_DISPLAY_NAMES,
        }),
        createWebStatic(join(options.projectRoot, 'web', 'dist'), () => ({
          apiUrl,
          issuer: issuer.url,
          clientId: LOCAL_CLIENT_ID,
          scope: 'openid profile',
          baseMap: null,
        })),
      ],
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    stops.push(gateway.stop);
    // Links in notifications point at the local gateway, which is to serve the web app (docs/web.md).
    env[NOTIFY_ENV.appBaseUrl] = gateway.url;
    process.env[NOTIFY_ENV.appBaseUrl] = gateway.url;

    const users = {} as LocalStack['users'];
    for (const [role, user] of Object.entries(seededUsers) as [Role, LocalUser][]) {
      users[role] = { user, token: await issuer.issueToken(user) };
    }
    const enterpriseUser = userList.find((user) => user.enterprise !== undefined);
    return {
      urls: {
        api: gateway.url,
        dynamodb: dynamo.endpoint,
        s3: s3.endpoint,
        mqtt: broker.mqttUrl,
        mqttWs: broker.wsUrl,
        issuer: issuer.url,
        app: `${gateway.url}/app/`,
      },
      env,
      users,
      districtLeader: { user: leader, token: await issuer.issueToken(leader) },
      ...(enterpriseUser === undefined
        ? {}
        : { enterpriseAccount: { user: enterpriseUser, token: await issuer.issueToken(enterpriseUser) } }),
      devices,
      issueToken: issuer.issueToken,
      ruleEngine,
      scheduler,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};

const triggersOf = <T extends IotRuleTrigger | ScheduleTrigger>(
  kind: T['kind'],
  functions: ReadonlyMap<string, LocalFunction>,
): { trigger: T; fn: LocalFunction }[] =>
  [...functions.values()]
    .filter((fn) => fn.spec.trigger.kind === kind)
    .map((fn) => ({ trigger: fn.spec.trigger as T, fn }));
