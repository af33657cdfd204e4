/**
 * The registry's record of a meter's device credential. Locally the broker checks a secret against
 * its scrypt hash; in the cloud IoT Core checks an X.509 certificate, and the record keeps only the
 * certificate's id and ARN. Access pattern: by meter id. Neither the secret nor a private key is stored.
 */
interface CredentialRecord {
  meterId: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt?: string;
}

/** Local broker credentials: username = MQTT client id = meter id. */
export interface BrokerCredential extends CredentialRecord {
  /** scrypt hash of the secret, `scrypt$<salt b64>$<hash b64>`. */
  secretHash: string;
}

/** An IoT Core certificate attached to the meter's thing (thing name = meter id = client id). */
export interface CertificateCredential extends CredentialRecord {
  thingName: string;
  certificateId: string;
  certificateArn: string;
}

export type DeviceCredential = BrokerCredential | CertificateCredential;

export const isBrokerCredential = (credential: DeviceCredential): credential is BrokerCredential =>
  'secretHash' in credential;

export interface DeviceCredentialStore {
  get(meterId: string): Promise<DeviceCredential | undefined>;
  /** Unconditional write (seeding). */
  put(credential: DeviceCredential): Promise<void>;
  /**
   * Stores a new credential unless an active one exists (a concurrent issue won the race): throws
   * ConflictError then, so two admins cannot both hand out working credentials for one meter.
   */
  create(credential: DeviceCredential): Promise<void>;
  /**
   * Marks the credential created at `createdAt` revoked; false when that credential is no longer the
   * meter's active one (already revoked, or replaced meanwhile).
   */
  markRevoked(meterId: string, createdAt: string, revokedAt: string): Promise<boolean>;
}
