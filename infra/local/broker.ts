import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { verifyDeviceSecret } from '../../shared/adapters/device-secret.ts';
import { meterTopicPrefix, telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import {
  type DeviceCredentialStore,
  isBrokerCredential,
} from '../../shared/ports/device-credential-store.ts';
import { LOCAL_STAGE } from './environment.ts';

export interface RunningBroker {
  aedes: Aedes;
  mqttUrl: string;
  wsUrl: string;
  stop(): Promise<void>;
}

const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

const refuse = (message: string, returnCode: number): AuthenticateError =>
  Object.assign(new Error(message), { returnCode }) as AuthenticateError;

/**
 * IoT Core's limit on a PUBLISH payload: 128 KB ("AWS IoT Core endpoints and quotas", message broker
 * limits, AWS General Reference, https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits;
 * over it IoT Core logs PAYLOAD_LIMIT_EXCEEDED, developer guide "MQTT message payload"). MQTT 3.1.1
 * has no way to refuse one PUBLISH, so the broker closes the connection without a PUBACK.
 */
export const MAX_PUBLISH_PAYLOAD_BYTES = 128 * 1024;

/** How often connected sessions are checked against the registry (revoked or rotated: closed). */
export const REVOCATION_CHECK_MS = 1000;

/**
 * Stands in for IoT Core's broker: MQTT 3.1.1 over TCP and WebSocket. As an IoT policy would, it
 * lets a meter connect only with its own credentials and client id, and publish only on its own topic.
 * As IoT Core does after a certificate is deactivated, it closes sessions whose credential was
 * revoked or replaced: the provisioning functions only write the registry, and every session is
 * re-checked against it each REVOCATION_CHECK_MS (IoT Core takes minutes; here it is a second).
 */
export const startBroker = async (options: {
  tcpPort: number;
  wsPort: number;
  credentials: DeviceCredentialStore;
  revocationCheckMs?: number;
  /**
   * Runs after a device's publish is authorized and before it is acknowledged (aedes writes a QoS 1
   * PUBACK before its `published` hook, so this is the last point before the device lets go of the
   * message). A rejection closes the connection unacknowledged: the device sends the message again.
   */
  beforeAck?: (message: { topic: string; clientId: string; payload: Buffer | string }) => Promise<void>;
}): Promise<RunningBroker> => {
  /** Each connected session and the credential (by creation time) it authenticated with. */
  const sessions = new Map<Client, string>();
  const aedes = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      authenticateDevice(options.credentials, client, username, password).then(
        (result) => {
          if (typeof result === 'string') sessions.set(client, result);
          done(typeof result === 'string' ? null : result, typeof result === 'string');
        },
        () => done(refuse('credential store unavailable', 3), false),
      );
    },
    authorizePublish: (client, packet, callback) => {
      if (client === null) return callback(null);
      if (packet.topic !== telemetryTopic(LOCAL_STAGE, client.id)) {
        return callback(new Error(`meter ${client.id} may not publish to ${packet.topic}`));
      }
      // An error here makes aedes close the connection unacknowledged, before the rule sees it.
      if (Buffer.byteLength(packet.payload) > MAX_PUBLISH_PAYLOAD_BYTES) {
        return callback(
          new Error(`payload over ${MAX_PUBLISH_PAYLOAD_BYTES} bytes (PAYLOAD_LIMIT_EXCEEDED)`),
        );
      }
      if (options.beforeAck === undefined) return callback(null);
      options
        .beforeAck({ topic: packet.topic, clientId: client.id, payload: packet.payload })
        .then(() => callback(null), callback);
    },
    authorizeSubscribe: (client, subscription, callback) => {
      const own = meterTopicPrefix(LOCAL_STAGE, client.id);
      callback(null, subscription.topic.startsWith(own) ? subscription : null);
    },
  });
  aedes.on('clientDisconnect', (client) => sessions.delete(client));
  const sweep = startRevocationSweep(
    options.credentials,
    sessions,
    options.revocationCheckMs ?? REVOCATION_CHECK_MS,
  );
  const tcp = createTcpServer(aedes.handle);
  const http = createHttpServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket, request) => aedes.handle(createWebSocketStream(socket), request));
  await listen(tcp, options.tcpPort);
  await listen(http, options.wsPort);
  return {
    aedes,
    mqttUrl: `mqtt://127.0.0.1:${(tcp.address() as AddressInfo).port}`,
    wsUrl: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    stop: async () => {
      clearInterval(sweep);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await Promise.all([close(tcp), close(http)]);
    },
  };
};

/** Closes every session whose credential is no longer the meter's active one. */
const startRevocationSweep = (
  store: DeviceCredentialStore,
  sessions: Map<Client, string>,
  everyMs: number,
): NodeJS.Timeout => {
  let running = false;
  const timer = setInterval(() => {
    if (running || sessions.size === 0) return;
    running = true;
    const checks = [...sessions].map(async ([client, createdAt]) => {
      if (client.closed) return void sessions.delete(client);
      const current = await store.get(client.id);
      if (current?.status !== 'active' || current.createdAt !== createdAt) {
        sessions.delete(client);
        client.close();
      }
    });
    // A store hiccup keeps sessions open until the next round; it never closes them wrongly.
    void Promise.allSettled(checks).then(() => {
      running = false;
    });
  }, everyMs);
  timer.unref();
  return timer;
};

/** The credential's creation time when the device may connect, else the CONNACK refusal. */
const authenticateDevice = async (
  store: DeviceCredentialStore,
  client: Client,
  username: string | undefined,
  password: Buffer | undefined,
): Promise<AuthenticateError | string> => {
  if (username === undefined || password === undefined)
    return refuse('username and password required', NOT_AUTHORIZED);
  if (client.id !== username) return refuse('client id must be the meter id', NOT_AUTHORIZED);
  const credential = await store.get(username);
  if (credential === undefined || credential.status !== 'active' || !isBrokerCredential(credential)) {
    return refuse('unknown or revoked meter', BAD_USERNAME_OR_PASSWORD);
  }
  const ok = await verifyDeviceSecret(password.toString('utf8'), credential.secretHash);
  return ok ? credential.createdAt : refuse('bad credentials', BAD_USERNAME_OR_PASSWORD);
};

const listen = (server: Server | ReturnType<typeof createHttpServer>, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

const close = (server: Server | ReturnType<typeof createHttpServer>) =>
  new Promise<void>((resolve) => server.close(() => resolve()));
