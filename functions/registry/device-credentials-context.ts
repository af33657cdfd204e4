import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { deviceProvisionerFromEnv } from '../../shared/adapters/device-provisioner-from-env.ts';
import { DynamoDeviceCredentialStore } from '../../shared/adapters/dynamodb/device-credential-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { tableName } from '../../shared/config/env.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import type { MeterRecord } from '../../shared/domain/registry/records.ts';
import type { DeviceCredentialStore } from '../../shared/ports/device-credential-store.ts';
import type { DeviceProvisioner } from '../../shared/ports/device-provisioner.ts';

interface DeviceCredentialsContext {
  registry: DynamoRegistryStore;
  credentials: DeviceCredentialStore;
  provisioner: DeviceProvisioner;
}

let context: DeviceCredentialsContext | undefined;

/** Built on first use (not at import), so configuration errors surface as a 500 with a log line. */
export const deviceCredentialsContext = (): DeviceCredentialsContext => {
  if (context === undefined) {
    const documents = getDocumentClient();
    const table = tableName('registry');
    const credentials = new DynamoDeviceCredentialStore(documents, table);
    context = {
      registry: new DynamoRegistryStore(documents, table),
      credentials,
      provisioner: deviceProvisionerFromEnv(credentials),
    };
  }
  return context;
};

export const loadMeter = async (registry: DynamoRegistryStore, id: string): Promise<MeterRecord> => {
  const meter = await registry.getMeter(id);
  if (meter === undefined) throw new NotFoundError(`计量器具不存在 (meter ${id} not found)`);
  return meter;
};
