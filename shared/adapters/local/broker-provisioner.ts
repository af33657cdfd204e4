import { telemetryTopic } from '../../contracts/carbon/telemetry.ts';
import type { DeviceCredentialStore } from '../../ports/device-credential-store.ts';
import type {
  DeviceProvisioner,
  IssuedBrokerCredentials,
  ProvisionedMeter,
} from '../../ports/device-provisioner.ts';
import { hashDeviceSecret, newDeviceSecret } from '../device-secret.ts';
import { recordDeviceSecret } from './devices-file.ts';

/**
 * Provisioning for the local runtime's broker (infra/local/broker.ts): a random secret whose scrypt
 * hash goes to the registry. The broker reads the same records, refuses revoked ones at CONNECT and
 * closes sessions whose credential was revoked or replaced since they connected.
 */
export class BrokerProvisioner implements DeviceProvisioner {
  readonly #store: DeviceCredentialStore;
  readonly #mqttUrl: string;
  readonly #now: () => Date;

  readonly #devicesFile: string | undefined;
  readonly #stage: string;

  constructor(
    store: DeviceCredentialStore,
    mqttUrl: string,
    options: { now?: () => Date; devicesFile?: string; stage?: string } = {},
  ) {
    this.#store = store;
    this.#mqttUrl = mqttUrl;
    this.#stage = options.stage ?? 'local';
    this.#now = options.now ?? (() => new Date());
    this.#devicesFile = options.devicesFile;
  }

  async issue(meter: ProvisionedMeter): Promise<IssuedBrokerCredentials> {
    const secret = newDeviceSecret();
    const issuedAt = this.#now().toISOString();
    await this.#store.create({
      meterId: meter.id,
      secretHash: await hashDeviceSecret(secret),
      status: 'active',
      createdAt: issuedAt,
    });
    // The simulator and the README's mosquitto_pub read the demo secrets from this file.
    if (this.#devicesFile !== undefined) await recordDeviceSecret(this.#devicesFile, meter.id, secret);
    return {
      kind: 'broker',
      meterId: meter.id,
      clientId: meter.id,
      topic: telemetryTopic(this.#stage, meter.id),
      issuedAt,
      mqttUrl: this.#mqttUrl,
      username: meter.id,
      password: secret,
    };
  }

  async revoke(meterId: string): Promise<boolean> {
    const current = await this.#store.get(meterId);
    if (current === undefined || current.status !== 'active') return false;
    return this.#store.markRevoked(meterId, current.createdAt, this.#now().toISOString());
  }
}
