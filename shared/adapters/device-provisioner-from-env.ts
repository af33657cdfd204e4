import { IoTClient } from '@aws-sdk/client-iot';
import { ConfigError, ENV, requireEnv } from '../config/env.ts';
import type { DeviceCredentialStore } from '../ports/device-credential-store.ts';
import type { DeviceProvisioner } from '../ports/device-provisioner.ts';
import { IotProvisioner } from './iot/iot-provisioner.ts';
import { BrokerProvisioner } from './local/broker-provisioner.ts';

/**
 * The stack sets QS_DEVICE_PROVISIONER=iot (with the policy name) on the functions it grants IoT
 * provisioning; the local runtime sets `local` and its broker's URL.
 */
export const deviceProvisionerFromEnv = (
  store: DeviceCredentialStore,
  env: NodeJS.ProcessEnv = process.env,
): DeviceProvisioner => {
  const kind = requireEnv(ENV.deviceProvisioner, env);
  const stage = requireEnv(ENV.stage, env);
  if (kind === 'iot') {
    const policyName = requireEnv(ENV.devicePolicy, env);
    return new IotProvisioner(new IoTClient({}), store, { policyName, stage });
  }
  if (kind === 'local') {
    const devicesFile = env[ENV.localDevicesFile];
    return new BrokerProvisioner(store, requireEnv(ENV.mqttUrl, env), {
      stage,
      ...(devicesFile ? { devicesFile } : {}),
    });
  }
  throw new ConfigError(
    `${ENV.deviceProvisioner} 须为 iot 或 local，不能是 ${kind} (${ENV.deviceProvisioner} must be iot or local, not ${kind})`,
  );
};
