import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casePartitionKey } from '../../shared/adapters/dynamodb/case-index.ts';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { backfillMediaAttachments } from '../../shared/adapters/dynamodb/media-attachment-backfill.ts';
import { tableName } from '../../shared/config/env.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';

/**
 * Files cited before `attachedTo` existed: written here as the old handlers wrote them (the record
 * and its timeline, no claim), then given their back-reference by the one-off backfill.
 */

let t: TestStack;
let store: DynamoCaseStore;

beforeAll(async () => {
  t = await startTestStack();
  store = new DynamoCaseStore(t.dynamo, tableName('workflow', t.stack.env));
});
afterAll(async () => {
  await t?.close();
});

const token = (role: 'deputy' | 'supervisor' | 'handler') => t.stack.users[role].token;
const deputy = () => t.stack.users.deputy.user;

/** A case as the handler wrote it before files were attached: no claim on its photos. */
const legacyCase = async (id: string, mediaIds: string[], at: string) => {
  const principal = { userId: deputy().sub, username: deputy().username, roles: deputy().groups };
  const payload = { categoryId: 'noise', title: '施工噪声', description: '夜间施工', mediaIds };
  const { record, entry } = submitCase({ id, principal, payload, at: new Date(at) });
  await store.create({ record, entry });
};

const status = async (mediaId: string, role: 'deputy' | 'supervisor' | 'handler') =>
  (await t.api(`/media/${mediaId}`, { token: token(role) })).status;

describe('backfilling attachedTo for files cited before it existed', () => {
  it('attaches each file to its first citation, reports a second one, and changes nothing when run again', async () => {
    const [photo, shared, commented] = await Promise.all([
      uploadReadyPhoto(t, token('deputy')),
      uploadReadyPhoto(t, token('deputy')),
      uploadReadyPhoto(t, token('deputy')),
    ]);
    await legacyCase('legacy-1', [photo, shared], '2026-01-05T01:00:00Z');
    await legacyCase('legacy-2', [shared], '2026-01-06T01:00:00Z');
    // As the old handler wrote it: a plain put of the comment item, no claim.
    await t.dynamo.send(
      new PutCommand({
        TableName: tableName('workflow', t.stack.env),
        Item: {
          pk: casePartitionKey('legacy-1'),
          sk: 'COMMENT#2026-01-07T01:00:00.000Z#c-1',
          kind: 'case-comment',
          id: 'c-1',
          caseId: 'legacy-1',
          at: '2026-01-07T01:00:00.000Z',
          authorId: deputy().sub,
          authorRole: 'deputy',
          text: '补充',
          mediaIds: [commented, 'never-uploaded'],
        },
      }),
    );
    expect(await status(photo, 'supervisor')).toBe(404);

    const report = await backfillMediaAttachments(t.dynamo, tableName('workflow', t.stack.env));

    expect(report).toMatchObject({ attached: 3, alreadyAttached: 0, missing: 1 });
    expect(report.conflicts).toEqual([
      {
        mediaId: shared,
        kept: expect.objectContaining({ kind: 'case', id: 'legacy-1', part: 'report', seq: 1 }),
        alsoCitedBy: expect.objectContaining({ id: 'legacy-2' }),
      },
    ]);
    for (const file of [photo, shared, commented]) {
      expect(await status(file, 'supervisor')).toBe(200);
      expect(await status(file, 'handler')).toBe(404); // the case was never dispatched
    }
    const view = (await (await t.api(`/media/${commented}`, { token: token('supervisor') })).json()) as {
      attachedTo: unknown;
    };
    expect(view.attachedTo).toMatchObject({
      kind: 'case',
      id: 'legacy-1',
      part: 'comment',
      commentId: 'c-1',
    });
    const again = await backfillMediaAttachments(t.dynamo, tableName('workflow', t.stack.env));
    expect(again).toMatchObject({ attached: 0, alreadyAttached: 3, missing: 1 });
  });
});
