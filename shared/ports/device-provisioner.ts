import type { MeterRecord } from '../domain/registry/records.ts';

/** What provisioning needs to know about a meter: its id (= thing name = MQTT client id) and lineage. */
export type ProvisionedMeter = Pick<MeterRecord, 'id' | 'handle' | 'enterpriseId'>;

interface IssuedBase {
  meterId: string;
  /** The MQTT client id the device must connect with (it equals the meter id). */
  clientId: string;
  /** The only topic the device may publish to. */
  topic: string;
  issuedAt: string;
}

/** Local broker: MQTT username/password. The password is shown here once; only its hash is kept. */
export interface IssuedBrokerCredentials extends IssuedBase {
  kind: 'broker';
  mqttUrl: string;
  username: string;
  password: string;
}

/** IoT Core: an X.509 certificate and its private key, shown here once and never stored. */
export interface IssuedCertificateCredentials extends IssuedBase {
  kind: 'certificate';
  /** The account's IoT data endpoint (ATS), e.g. `xxxx-ats.iot.cn-north-1.amazonaws.com.cn`. */
  endpoint: string;
  thingName: string;
  certificateId: string;
  certificateArn: string;
  certificatePem: string;
  privateKey: string;
}

export type IssuedCredentials = IssuedBrokerCredentials | IssuedCertificateCredentials;

/**
 * Hands a meter the credentials it connects with, and takes them away. Implementations record only
 * what verifies a credential (a hash, a certificate id) in the registry, never the secret itself.
 */
export interface DeviceProvisioner {
  /** ConflictError when the meter still has active credentials (revoke first to rotate). */
  issue(meter: ProvisionedMeter): Promise<IssuedCredentials>;
  /**
   * Revokes the meter's active credentials and cuts off a device connected with them. Idempotent:
   * false when there was nothing active to revoke.
   */
  revoke(meterId: string): Promise<boolean>;
}
