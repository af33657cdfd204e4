/**
 * Broker credentials of a meter, as the local runtime enforces them (in the cloud, IoT Core uses
 * X.509 certificates instead). Access pattern: by meter id. The secret itself is never stored.
 */
export interface DeviceCredential {
  meterId: string;
  /** scrypt hash of the secret, `scrypt$<salt b64>$<hash b64>`. */
  secretHash: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt?: string;
}

export interface DeviceCredentialStore {
  get(meterId: string): Promise<DeviceCredential | undefined>;
  put(credential: DeviceCredential): Promise<void>;
}
