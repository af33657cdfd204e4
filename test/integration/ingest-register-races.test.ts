import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { ingestTelemetry } from '../../shared/application/carbon/ingest-message.ts';
import { directIngestDeps } from '../support/ingest-deps.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { readableRollup } from '../support/rollup-view.ts';

/**
 * Racing messages of one register meter, many times over: each round 6 messages of 4 readings (and
 * 3 of them twice) arrive at once after one stored reading. A Query is not a snapshot of another
 * message's transaction, so a plan could see a neighbour already bumped by a concurrent message and
 * not yet the hour that message added — and count one interval twice (seen in about 1 round in 20 to 60).
 * The forward links between hour items (register-links.ts) let the plan know and read again.
 */
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

const ROUNDS = 40;
const event = (message: { messageId: string; readings: unknown[] }) => ({
  ...message,
  meterId: 'MTR-0002',
  clientId: 'MTR-0002',
  receivedAt: Date.now(),
});

describe('register messages racing', () => {
  it('count every interval once, round after round', async () => {
    const wrong: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Each round on its own local day, a week apart in 2025 (00:00Z = 08:00 local), its registers
      // 10 000 above the last round's; one reading the evening before (local 23:00) opens the day.
      const start = Date.parse('2025-01-01T00:00:00Z') + round * 7 * 86_400_000;
      const day = new Date(start).toISOString().slice(0, 10);
      const base = 10_000 * round;
      await ingestTelemetry(
        event({
          messageId: `open-${round}`,
          readings: [{ ts: new Date(start - 9 * 3_600_000).toISOString(), register: base + 400 }],
        }),
        directIngestDeps(t),
      );
      const messages = Array.from({ length: 6 }, (_, m) => ({
        messageId: `race-${round}-${m}`,
        readings: Array.from({ length: 4 }, (_, k) => ({
          ts: new Date(start + (m * 4 + k) * 600_000).toISOString(),
          register: base + 500 + 10 * (m * 4 + k),
        })),
      }));

      await Promise.all(
        [...messages, ...messages.slice(0, 3)].map((message) =>
          ingestTelemetry(event(message), directIngestDeps(t, { backoffMs: undefined })),
        ),
      );

      // 500 − 400 = 100 at the first reading, then 23 steps of 10: 330 Nm3 on the day
      const item = await t.dynamo.send(
        new GetCommand({
          TableName: localTableName('carbon'),
          Key: { pk: 'ROLLUP#meter#MTR-0002#day', sk: day },
        }),
      );
      const quantity = readableRollup(item.Item)['q_natural-gas'];
      if (quantity !== 330) wrong.push(`${day}: ${String(quantity)} Nm3`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
