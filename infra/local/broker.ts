import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { verifyDeviceSecret } from '../../shared/adapters/device-secret.ts';
import { telemetryTopic } from '../../shared/contracts/telemetry.ts';
import type { DeviceCredentialStore } from '../../shared/ports/device-credential-store.ts';

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
 * Stands in for IoT Core's broker: MQTT 3.1.1 over TCP and WebSocket. As an IoT policy would, it
 * lets a meter connect only with its own credentials and client id, and publish only on its own topic.
 */
export const startBroker = async (options: {
  tcpPort: number;
  wsPort: number;
  credentials: DeviceCredentialStore;
}): Promise<RunningBroker> => {
  const aedes = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      authenticateDevice(options.credentials, client, username, password).then(
        (error) => done(error, error === null),
        () => done(refuse('credential store unavailable', 3), false),
      );
    },
    authorizePublish: (client, packet, callback) => {
      if (client === null || packet.topic === telemetryTopic(client.id)) return callback(null);
      callback(new Error(`meter ${client.id} may not publish to ${packet.topic}`));
    },
    authorizeSubscribe: (client, subscription, callback) => {
      const own = `qingshan/meters/${client.id}/`;
      callback(null, subscription.topic.startsWith(own) ? subscription : null);
    },
  });
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
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await Promise.all([close(tcp), close(http)]);
    },
  };
};

/** null when the device may connect, else the CONNACK refusal. */
const authenticateDevice = async (
  store: DeviceCredentialStore,
  client: Client,
  username: string | undefined,
  password: Buffer | undefined,
): Promise<AuthenticateError | null> => {
  if (username === undefined || password === undefined)
    return refuse('username and password required', NOT_AUTHORIZED);
  if (client.id !== username) return refuse('client id must be the meter id', NOT_AUTHORIZED);
  const credential = await store.get(username);
  if (credential === undefined || credential.status !== 'active') {
    return refuse('unknown or revoked meter', BAD_USERNAME_OR_PASSWORD);
  }
  const ok = await verifyDeviceSecret(password.toString('utf8'), credential.secretHash);
  return ok ? null : refuse('bad credentials', BAD_USERNAME_OR_PASSWORD);
};

const listen = (server: Server | ReturnType<typeof createHttpServer>, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

const close = (server: Server | ReturnType<typeof createHttpServer>) =>
  new Promise<void>((resolve) => server.close(() => resolve()));
