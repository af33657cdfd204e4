import { createDecipheriv, createECDH, type ECDH, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';

/**
 * A push service of our own on the loopback address, for tests: it accepts Web Push requests as a
 * browser vendor's service would, checks the VAPID authorization (RFC 8292: an ES256 JWT for this
 * origin, signed by the key in `k=`), and decrypts the aes128gcm payload (RFC 8291) with the device's
 * private key — written here from the RFCs, not with the library the dispatcher uses. Devices are
 * paths; a device marked gone answers 410, as a service does for an expired subscription.
 */

export interface ReceivedPush {
  device: string;
  headers: Record<string, string | string[] | undefined>;
  payload: unknown;
  vapidSubject: string;
}

export interface Device {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushService {
  url: string;
  received: ReceivedPush[];
  /** Requests to a device, whatever the answer (gone and failing devices included). */
  hits: Map<string, number>;
  device(name: string, behaviour?: 'accept' | 'gone' | 'fail'): Device;
  close(): Promise<void>;
}

export const startPushService = async (): Promise<PushService> => {
  const devices = new Map<string, { ecdh: ECDH; auth: Buffer; behaviour: 'accept' | 'gone' | 'fail' }>();
  const received: ReceivedPush[] = [];
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const name = (request.url ?? '/').slice(1);
      hits.set(name, (hits.get(name) ?? 0) + 1);
      const device = devices.get(name);
      if (device === undefined || device.behaviour === 'gone') return void response.writeHead(410).end();
      if (device.behaviour === 'fail') return void response.writeHead(503).end();
      accept(request.headers, Buffer.concat(chunks), device, url)
        .then((push) => {
          received.push({ device: name, ...push });
          response.writeHead(201).end();
        })
        .catch((error: Error) => response.writeHead(400).end(error.message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    hits,
    device: (name, behaviour = 'accept') => {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      devices.set(name, { ecdh, auth, behaviour });
      return {
        endpoint: `${url}/${name}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

const accept = async (
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
  device: { ecdh: ECDH; auth: Buffer },
  origin: string,
) => {
  if (headers['content-encoding'] !== 'aes128gcm') throw new Error('content-encoding must be aes128gcm');
  const vapidSubject = await verifyVapid(String(headers.authorization ?? ''), origin);
  return { headers, payload: JSON.parse(decrypt(body, device).toString('utf8')) as unknown, vapidSubject };
};

/** `vapid t=<jwt>, k=<public key>`: signed by k, for this origin, not expired; returns its `sub`. */
const verifyVapid = async (authorization: string, origin: string): Promise<string> => {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match?.[1] || !match[2]) throw new Error(`not a VAPID authorization: ${authorization}`);
  const point = Buffer.from(match[2], 'base64url');
  const key = await importJWK(
    {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    'ES256',
  );
  const { payload } = await jwtVerify(match[1], key, { audience: origin, algorithms: ['ES256'] });
  if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string')
    throw new Error('exp and sub required');
  return payload.sub;
};

/** RFC 8291 §3.4 and RFC 8188: one record, keys derived from the ECDH secret and the auth secret. */
const decrypt = (body: Buffer, device: { ecdh: ECDH; auth: Buffer }): Buffer => {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = device.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, device.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  const end = padded.lastIndexOf(2);
  return padded.subarray(0, end);
};
