import { IoTClient, ResourceAlreadyExistsException } from '@aws-sdk/client-iot';
import { describe, expect, it } from 'vitest';
import { IotProvisioner } from '../../../shared/adapters/iot/iot-provisioner.ts';
import { ConflictError } from '../../../shared/domain/errors.ts';
import type {
  DeviceCredential,
  DeviceCredentialStore,
} from '../../../shared/ports/device-credential-store.ts';

// No AWS account is reachable from here, so the IoT client answers from its own middleware stack:
// every command is recorded with its input and short-circuited before signing and sending.
type Reply = Record<string, unknown> | Error;

const fakeIot = (replies: Record<string, Reply>) => {
  const calls: { command: string; input: Record<string, unknown> }[] = [];
  const client = new IoTClient({
    region: 'cn-north-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const command = String(context.commandName).replace(/Command$/, '');
      calls.push({ command, input: args.input as Record<string, unknown> });
      const reply = replies[command] ?? {};
      if (reply instanceof Error) throw reply;
      return { output: { $metadata: {}, ...reply }, response: {} };
    },
    { step: 'initialize', name: 'fakeIot' },
  );
  return { client, calls, commands: () => calls.map((call) => call.command) };
};

/** The store's contract (conditional create, revoke by identity) in memory. */
class MemoryCredentialStore implements DeviceCredentialStore {
  readonly items = new Map<string, DeviceCredential>();
  async get(meterId: string) {
    return this.items.get(meterId);
  }
  async put(credential: DeviceCredential) {
    this.items.set(credential.meterId, credential);
  }
  async create(credential: DeviceCredential) {
    if (this.items.get(credential.meterId)?.status === 'active') throw new ConflictError('active');
    this.items.set(credential.meterId, credential);
  }
  async markRevoked(meterId: string, createdAt: string, revokedAt: string) {
    const current = this.items.get(meterId);
    if (current?.status !== 'active' || current.createdAt !== createdAt) return false;
    this.items.set(meterId, { ...current, status: 'revoked', revokedAt });
    return true;
  }
}

const CERT_ID = 'a'.repeat(64);
const CERT_ARN = `arn:aws-cn:iot:cn-north-1:123456789012:cert/${CERT_ID}`;
const REPLIES: Record<string, Reply> = {
  DescribeEndpoint: { endpointAddress: 'abc123-ats.iot.cn-north-1.amazonaws.com.cn' },
  CreateKeysAndCertificate: {
    certificateId: CERT_ID,
    certificateArn: CERT_ARN,
    certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    keyPair: {
      PublicKey: 'public',
      PrivateKey: '-----BEGIN RSA PRIVATE KEY-----\nsecret\n-----END RSA PRIVATE KEY-----\n',
    },
  },
};
const METER = { id: 'MTR-0001', handle: '88.118.8/meter.MTR-0001', enterpriseId: 'ENT-0001' };
const NOW = () => new Date('2026-11-29T02:00:00.000Z');

describe('IotProvisioner', () => {
  it('creates the stage’s thing with its meter id and handle, an active certificate, attaches the shared policy and the thing', async () => {
    const iot = fakeIot(REPLIES);
    const store = new MemoryCredentialStore();

    const issued = await new IotProvisioner(
      iot.client,
      store,
      { policyName: 'qingshan-dev-meter', stage: 'dev' },
      NOW,
    ).issue(METER);

    expect(iot.commands()).toEqual([
      'CreateThing',
      'DescribeEndpoint',
      'CreateKeysAndCertificate',
      'AttachPolicy',
      'AttachThingPrincipal',
    ]);
    expect(iot.calls[0]?.input).toEqual({
      thingName: 'qingshan-dev-MTR-0001',
      attributePayload: {
        attributes: { meterId: 'MTR-0001', handle: '88.118.8/meter.MTR-0001', enterpriseId: 'ENT-0001' },
      },
    });
    expect(iot.calls[2]?.input).toEqual({ setAsActive: true });
    expect(iot.calls[3]?.input).toEqual({ policyName: 'qingshan-dev-meter', target: CERT_ARN });
    expect(iot.calls[4]?.input).toEqual({ thingName: 'qingshan-dev-MTR-0001', principal: CERT_ARN });
    expect(issued).toMatchObject({
      kind: 'certificate',
      clientId: 'qingshan-dev-MTR-0001',
      topic: 'qingshan/dev/meters/MTR-0001/telemetry',
      endpoint: 'abc123-ats.iot.cn-north-1.amazonaws.com.cn',
      certificateId: CERT_ID,
    });
    expect(issued.privateKey).toContain('PRIVATE KEY');
    // Stored: the certificate's id and ARN only, never the key or the PEM.
    expect(store.items.get('MTR-0001')).toEqual({
      meterId: 'MTR-0001',
      thingName: 'qingshan-dev-MTR-0001',
      certificateId: CERT_ID,
      certificateArn: CERT_ARN,
      status: 'active',
      createdAt: '2026-11-29T02:00:00.000Z',
    });
  });

  it('updates the attributes of a thing that already exists with others', async () => {
    const exists = new ResourceAlreadyExistsException({ message: 'exists', $metadata: {} });
    const iot = fakeIot({ ...REPLIES, CreateThing: exists });

    await new IotProvisioner(
      iot.client,
      new MemoryCredentialStore(),
      { policyName: 'p', stage: 'dev' },
      NOW,
    ).issue(METER);

    expect(iot.commands().slice(0, 2)).toEqual(['CreateThing', 'UpdateThing']);
    expect(iot.calls[1]?.input).toMatchObject({ attributePayload: { merge: true } });
  });

  it('revokes: deactivates, detaches from thing and policy, records when; a second revoke does nothing', async () => {
    const store = new MemoryCredentialStore();
    await new IotProvisioner(fakeIot(REPLIES).client, store, { policyName: 'p', stage: 'dev' }, NOW).issue(
      METER,
    );
    const iot = fakeIot({});
    const later = () => new Date('2026-11-29T03:00:00.000Z');
    const provisioner = new IotProvisioner(iot.client, store, { policyName: 'p', stage: 'dev' }, later);

    expect(await provisioner.revoke('MTR-0001')).toBe(true);
    expect(await provisioner.revoke('MTR-0001')).toBe(false);

    expect(iot.commands()).toEqual(['UpdateCertificate', 'DetachThingPrincipal', 'DetachPolicy']);
    expect(iot.calls[0]?.input).toEqual({ certificateId: CERT_ID, newStatus: 'INACTIVE' });
    expect(store.items.get('MTR-0001')).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-11-29T03:00:00.000Z',
    });
  });

  it('loses a race to an active credential: 409, and the certificate it just made is deactivated', async () => {
    const store = new MemoryCredentialStore();
    await store.put({
      meterId: 'MTR-0001',
      secretHash: 'scrypt$x$y',
      status: 'active',
      createdAt: 'earlier',
    });
    const iot = fakeIot(REPLIES);

    await expect(
      new IotProvisioner(iot.client, store, { policyName: 'p', stage: 'dev' }, NOW).issue(METER),
    ).rejects.toBeInstanceOf(ConflictError);

    expect(iot.calls.find((call) => call.command === 'UpdateCertificate')?.input).toEqual({
      certificateId: CERT_ID,
      newStatus: 'INACTIVE',
    });
    expect(store.items.get('MTR-0001')).toMatchObject({ createdAt: 'earlier', status: 'active' });
  });
});
