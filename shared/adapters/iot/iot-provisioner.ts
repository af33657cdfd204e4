import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreateThingCommand,
  DescribeEndpointCommand,
  DetachPolicyCommand,
  DetachThingPrincipalCommand,
  type IoTClient,
  UpdateCertificateCommand,
  UpdateThingCommand,
} from '@aws-sdk/client-iot';
import {
  METER_ID_THING_ATTRIBUTE,
  meterThingName,
  telemetryTopic,
} from '../../contracts/carbon/telemetry.ts';
import type { CertificateCredential, DeviceCredentialStore } from '../../ports/device-credential-store.ts';
import { isBrokerCredential } from '../../ports/device-credential-store.ts';
import type {
  DeviceProvisioner,
  IssuedCertificateCredentials,
  ProvisionedMeter,
} from '../../ports/device-provisioner.ts';

/**
 * Provisioning on AWS IoT Core. One thing per meter and stage (`qingshan-<stage>-<meterId>`, the MQTT
 * client id too, carrying the meter id, its industrial-internet handle and enterprise as attributes), one certificate per issue, and ONE shared
 * IoT policy created by the stack (infra/constructs/devices.ts) whose thing-name policy variables let
 * a certificate connect only as its own thing and publish only to its own telemetry topic.
 * The private key leaves in the response and is never written anywhere.
 */
export class IotProvisioner implements DeviceProvisioner {
  readonly #iot: IoTClient;
  readonly #store: DeviceCredentialStore;
  readonly #policyName: string;
  readonly #stage: string;
  readonly #now: () => Date;
  #endpoint: Promise<string> | undefined;

  constructor(
    iot: IoTClient,
    store: DeviceCredentialStore,
    deployment: { policyName: string; stage: string },
    now: () => Date = () => new Date(),
  ) {
    this.#iot = iot;
    this.#store = store;
    this.#policyName = deployment.policyName;
    this.#stage = deployment.stage;
    this.#now = now;
  }

  async issue(meter: ProvisionedMeter): Promise<IssuedCertificateCredentials> {
    const thingName = meterThingName(this.#stage, meter.id);
    // A thing without a thing type holds at most three attributes: these are they.
    await this.#upsertThing(thingName, {
      [METER_ID_THING_ATTRIBUTE]: meter.id,
      handle: meter.handle,
      enterpriseId: meter.enterpriseId,
    });
    const endpoint = await this.#dataEndpoint();
    const created = await this.#iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
    const { certificateArn, certificateId, certificatePem } = created;
    const privateKey = created.keyPair?.PrivateKey;
    if (!certificateArn || !certificateId || !certificatePem || !privateKey) {
      throw new Error('CreateKeysAndCertificate returned an incomplete certificate');
    }
    const credential: CertificateCredential = {
      meterId: meter.id,
      thingName,
      certificateId,
      certificateArn,
      status: 'active',
      createdAt: this.#now().toISOString(),
    };
    try {
      await this.#iot.send(new AttachPolicyCommand({ policyName: this.#policyName, target: certificateArn }));
      await this.#iot.send(new AttachThingPrincipalCommand({ thingName, principal: certificateArn }));
      // Conditional: a concurrent issue that stored first wins, and this certificate is withdrawn.
      await this.#store.create(credential);
    } catch (error) {
      await this.#withdraw(credential).catch(() => undefined);
      throw error;
    }
    return {
      kind: 'certificate',
      meterId: meter.id,
      clientId: thingName,
      topic: telemetryTopic(this.#stage, meter.id),
      issuedAt: credential.createdAt,
      endpoint,
      thingName,
      certificateId,
      certificateArn,
      certificatePem,
      privateKey,
    };
  }

  async revoke(meterId: string): Promise<boolean> {
    const current = await this.#store.get(meterId);
    if (current === undefined || current.status !== 'active') return false;
    // A broker credential has nothing on IoT Core to withdraw; marking it revoked is all there is.
    if (!isBrokerCredential(current)) await this.#withdraw(current);
    return this.#store.markRevoked(meterId, current.createdAt, this.#now().toISOString());
  }

  /**
   * INACTIVE first: IoT Core refuses new connections with it and closes existing ones within minutes
   * (UpdateCertificate API reference). Then the policy and thing links go, so the certificate grants
   * nothing even if someone re-activates it. INACTIVE (not REVOKED) keeps DeleteCertificate possible.
   */
  async #withdraw(credential: CertificateCredential): Promise<void> {
    const { certificateId, certificateArn, thingName } = credential;
    await this.#iot.send(new UpdateCertificateCommand({ certificateId, newStatus: 'INACTIVE' }));
    await this.#iot.send(new DetachThingPrincipalCommand({ thingName, principal: certificateArn }));
    await this.#iot.send(new DetachPolicyCommand({ policyName: this.#policyName, target: certificateArn }));
  }

  /** CreateThing is idempotent for identical attributes; a changed enterprise updates them instead. */
  async #upsertThing(thingName: string, attributes: Record<string, string>): Promise<void> {
    try {
      await this.#iot.send(new CreateThingCommand({ thingName, attributePayload: { attributes } }));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ResourceAlreadyExistsException')) throw error;
      await this.#iot.send(
        new UpdateThingCommand({ thingName, attributePayload: { attributes, merge: true } }),
      );
    }
  }

  /** The account's ATS data endpoint never changes, so it is asked for once per container. */
  #dataEndpoint(): Promise<string> {
    this.#endpoint ??= this.#iot
      .send(new DescribeEndpointCommand({ endpointType: 'iot:Data-ATS' }))
      .then((result) => {
        if (!result.endpointAddress) throw new Error('DescribeEndpoint returned no address');
        return result.endpointAddress;
      });
    this.#endpoint.catch(() => {
      this.#endpoint = undefined;
    });
    return this.#endpoint;
  }
}
