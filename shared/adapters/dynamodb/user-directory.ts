import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DirectoryPerson, UserDirectory } from '../../ports/user-directory.ts';
import { registryKey, stripKeys } from './registry-keys.ts';

/**
 * The staff directory in the registry table, beside departments and deputies:
 *   profile     pk `PERSON#{id}`, sk `PROFILE`
 *   listings    pk `PERSON#{id}`, sk `MEMBER#{group}`, gsi1pk `PEOPLE#{group}`, gsi1sk `{id}`,
 *               each a copy of the profile; groups `dept#{departmentId}#{handler|head}`,
 *               `role#{supervisor|admin|deputy}`.
 * A department's handlers is one gsi1 Query; a person's write replaces their listings in one
 * transaction (a person moved to another department leaves the old one's listing at once).
 */
export class DynamoUserDirectory implements UserDirectory {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async getPerson(id: string): Promise<DirectoryPerson | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: registryKey('PERSON', id) }),
    );
    return result.Item === undefined ? undefined : stripKeys<DirectoryPerson>(result.Item);
  }

  listDepartment(departmentId: string, role: 'handler' | 'head'): Promise<DirectoryPerson[]> {
    return this.#listGroup(`dept#${departmentId}#${role}`);
  }

  listRole(role: 'supervisor' | 'admin'): Promise<DirectoryPerson[]> {
    return this.#listGroup(`role#${role}`);
  }

  async putPerson(person: DirectoryPerson): Promise<void> {
    const groups = groupsOf(person);
    const stale = (await this.#memberKeys(person.id)).filter((sk) => !groups.includes(sk.slice(7)));
    await this.#client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.#table,
              Item: { ...person, ...registryKey('PERSON', person.id), kind: 'person' },
            },
          },
          ...groups.map((group) => ({
            Put: {
              TableName: this.#table,
              Item: {
                ...person,
                pk: `PERSON#${person.id}`,
                sk: `MEMBER#${group}`,
                kind: 'personListing',
                gsi1pk: `PEOPLE#${group}`,
                gsi1sk: person.id,
              },
            },
          })),
          ...stale.map((sk) => ({
            Delete: { TableName: this.#table, Key: { pk: `PERSON#${person.id}`, sk } },
          })),
        ],
      }),
    );
  }

  async #listGroup(group: string): Promise<DirectoryPerson[]> {
    const people: DirectoryPerson[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :group',
          ExpressionAttributeValues: { ':group': `PEOPLE#${group}` },
          ExclusiveStartKey: start,
        }),
      );
      people.push(...(page.Items ?? []).map((item) => stripKeys<DirectoryPerson>(item)));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return people.filter((person) => person.status === 'active');
  }

  async #memberKeys(id: string): Promise<string[]> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
        ExpressionAttributeValues: { ':pk': `PERSON#${id}`, ':member': 'MEMBER#' },
        ProjectionExpression: 'sk',
      }),
    );
    return (result.Items ?? []).map((item) => String(item.sk));
  }
}

/** The listings a person belongs in: department roles by department, district-wide roles alone. */
const groupsOf = (person: DirectoryPerson): string[] =>
  person.roles.flatMap((role) => {
    if (role === 'handler' || role === 'head') {
      return person.departmentId === undefined ? [] : [`dept#${person.departmentId}#${role}`];
    }
    return [`role#${role}`];
  });
