/**
 * `npm start`: the whole of Qingshan on this machine, on emulators that speak the real protocols.
 *   npm start                 keep state in .qingshan/ across restarts
 *   npm start -- --reset      start empty
 *   npm start -- --data-dir <dir> --api-port <n> ...   (ports: --api-port --dynamodb-port --s3-port --mqtt-port --mqtt-ws-port)
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { LOCAL_STAGE } from './environment.ts';
import { watchLauncher } from './launcher-watch.ts';
import { type LocalStack, startLocalStack } from './local-stack.ts';
import { registerRunningStack } from './running-stacks.ts';
import { ensureWebBuilt } from './web-build.ts';

const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: '.qingshan' },
    'api-port': { type: 'string', default: process.env.QS_API_PORT ?? '3000' },
    'dynamodb-port': { type: 'string', default: process.env.QS_DYNAMODB_PORT ?? '8000' },
    's3-port': { type: 'string', default: process.env.QS_S3_PORT ?? '4569' },
    'mqtt-port': { type: 'string', default: process.env.QS_MQTT_PORT ?? '1883' },
    'mqtt-ws-port': { type: 'string', default: process.env.QS_MQTT_WS_PORT ?? '9001' },
    quiet: { type: 'boolean', default: false },
  },
});

const projectRoot = resolve(import.meta.dirname, '..', '..');
const dataDir = resolve(projectRoot, values['data-dir']);
const log = values.quiet
  ? undefined
  : (line: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`);

const banner = (stack: LocalStack): string => {
  const device = stack.devices[0];
  const lines = [
    '',
    'Qingshan 青山 is running locally.',
    '',
    `  Deputies' app (随手拍)      ${stack.urls.app}   sign in as a demo user`,
    `  OIDC issuer               ${stack.urls.issuer}/.well-known/openid-configuration`,
    `  API (HTTP API stand-in)   ${stack.urls.api}        try: curl ${stack.urls.api}/health`,
    `  OpenAPI                   ${stack.urls.api}/openapi.json`,
    `  MQTT (IoT Core stand-in)  ${stack.urls.mqtt}   WebSocket: ${stack.urls.mqttWs}`,
    `  DynamoDB Local            ${stack.urls.dynamodb}`,
    `  S3 (s3rver)               ${stack.urls.s3}`,
    `  State                     ${dataDir}   (npm start -- --reset starts empty)`,
    '',
    'Bearer tokens (valid 12 h; also in tokens.json in the data folder):',
    ...Object.entries(stack.users).map(
      ([role, { user, token }]) => `  ${role.padEnd(10)} ${user.username.padEnd(16)} ${token}`,
    ),
    `  ${'leader'.padEnd(10)} ${stack.districtLeader.user.username.padEnd(16)} ${stack.districtLeader.token}`,
    ...(stack.enterpriseAccount === undefined
      ? []
      : [
          `  ${'enterprise'.padEnd(10)} ${stack.enterpriseAccount.user.username.padEnd(16)} ${stack.enterpriseAccount.token}`,
        ]),
    '',
    `Notifications: email and SMS are captured in ${join(dataDir, 'outbox')} (docs/notifications.md)`,
    '',
    'Meters (broker username = client id = meter id; secrets also in devices.json):',
    ...stack.devices.map((d) => `  ${d.meterId}  ${d.secret}`),
  ];
  if (device !== undefined) {
    const port = new URL(stack.urls.mqtt).port;
    lines.push(
      '',
      'Publish a reading:',
      `  mosquitto_pub -h 127.0.0.1 -p ${port} -i ${device.meterId} -u ${device.meterId} -P '${device.secret}' \\`,
      `    -t ${telemetryTopic(LOCAL_STAGE, device.meterId)} -q 1 \\`,
      `    -m '{"messageId":"demo-1","readings":[{"ts":"${new Date().toISOString()}","quantity":12.5}]}'`,
    );
  }
  lines.push('', 'Ctrl-C stops everything.', '');
  return lines.join('\n');
};

const main = async () => {
  console.log(
    'Starting DynamoDB Local, s3rver, the MQTT broker, the rule engine, the scheduler and the API…',
  );
  let unlock: () => Promise<void>;
  try {
    unlock = await lockDataDir(dataDir);
  } catch (error) {
    console.error(error instanceof DataDirBusyError ? error.message : error);
    process.exit(1);
  }
  try {
    await ensureWebBuilt(projectRoot, (line) => console.log(line));
  } catch (error) {
    console.error(`The web app could not be built (${(error as Error).message}); the API runs without it.`);
  }
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      projectRoot,
      dataDir,
      reset: values.reset,
      ports: {
        api: Number(values['api-port']),
        dynamodb: Number(values['dynamodb-port']),
        s3: Number(values['s3-port']),
        mqtt: Number(values['mqtt-port']),
        mqttWs: Number(values['mqtt-ws-port']),
      },
      ...(log === undefined ? {} : { log }),
    });
  } catch (error) {
    if (error instanceof JavaMissingError) {
      console.error(error.message);
    } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `A port is already in use (${(error as Error).message}); stop the other process or pass --api-port etc.`,
      );
    } else {
      console.error('Could not start:', error);
    }
    await unlock();
    process.exit(1);
  }
  await writeFile(
    join(dataDir, 'tokens.json'),
    JSON.stringify(
      {
        ...Object.fromEntries(Object.entries(stack.users).map(([role, u]) => [role, u.token])),
        leader: stack.districtLeader.token,
        ...(stack.enterpriseAccount === undefined ? {} : { enterprise: stack.enterpriseAccount.token }),
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );
  // `npm run job` and `npm run simulate` find the running stack's endpoints here, and through the
  // registry of running stacks when it was started on another folder.
  const running = { pid: process.pid, projectRoot, dataDir, urls: stack.urls };
  await writeFile(join(dataDir, 'stack.json'), JSON.stringify(running, null, 2), { mode: 0o600 });
  const unregister = await registerRunningStack(running);
  console.log(banner(stack));

  let stopping = false;
  const shutdown = async () => {
    if (stopping) process.exit(1); // a second Ctrl-C does not wait
    stopping = true;
    console.log('\nStopping…');
    await unregister();
    await stack.stop();
    await unlock();
    console.log('Stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  watchLauncher(() => {
    console.log('\nThe process that started this stack is gone.');
    void shutdown();
  });
};

await main();
