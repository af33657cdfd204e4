import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DeviceCredential, DeviceCredentialStore } from '../../ports/device-credential-store.ts';

/** Registry table: pk METER#{meterId}, sk CREDENTIAL. */
export class DynamoDeviceCredentialStore implements DeviceCredentialStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async get(meterId: string): Promise<DeviceCredential | undefined> {
    const result = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: `METER#${meterId}`, sk: 'CREDENTIAL' },
        ConsistentRead: true,
      }),
    );
    if (result.Item === undefined) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, ...credential } = result.Item;
    return credential as DeviceCredential;
  }

  async put(credential: DeviceCredential): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: `METER#${credential.meterId}`,
          sk: 'CREDENTIAL',
          kind: 'deviceCredential',
          ...credential,
        },
      }),
    );
  }
}
