import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ingestRuleSql } from '../../../infra/contexts/carbon.ts';
import { type RunningRuleEngine, startRuleEngine } from '../../../infra/local/iot-rule-engine.ts';
import type { LocalFunction } from '../../../infra/local/local-function.ts';
import { pendingEntries } from '../../../infra/local/rule-journal.ts';
import type { FunctionSpec, IotRuleQueue, IotRuleTrigger } from '../../../infra/manifest.ts';

let dir = '';
let journalFile = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rule-engine-'));
  journalFile = join(dir, 'rule-journal.ndjson');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ruleWith = (queue: Partial<IotRuleQueue> = {}): IotRuleTrigger => ({
  kind: 'iotRule',
  ruleName: 'meter_telemetry',
  sql: ingestRuleSql,
  description: 'test',
  queue: { batchSize: 100, maxBatchingWindowSeconds: 1, maxConcurrency: 4, maxReceiveCount: 5, ...queue },
});
const trigger = ruleWith();

type Answer = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

/** A function that records its events and how many of its invocations ran at once. */
const recordingFunction = (answer: Answer = async () => undefined) => {
  const events: SQSEvent[] = [];
  const load = { running: 0, most: 0 };
  const fn: LocalFunction = {
    spec: { id: 'ingestTelemetry', trigger } as FunctionSpec,
    invoke: async (event) => {
      events.push(structuredClone(event as SQSEvent));
      load.running += 1;
      load.most = Math.max(load.most, load.running);
      try {
        return await answer(event as SQSEvent);
      } finally {
        load.running -= 1;
      }
    },
  };
  return { fn, events, load };
};

/** Invocations wait until release() (a slow function, or one in a process about to die). */
const gate = () => {
  let release: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release };
};

const message = (messageId = 'm-1') => ({
  topic: 'qingshan/local/meters/MTR-0001/telemetry',
  clientId: 'MTR-0001',
  payload: Buffer.from(
    JSON.stringify({ messageId, readings: [{ ts: '2026-11-29T01:00:00Z', quantity: 5 }] }),
  ),
});

/** Each delivery of each record: its device message id and ApproximateReceiveCount. */
const deliveries = (events: readonly SQSEvent[]) =>
  events.flatMap((event) =>
    event.Records.map((record) => ({
      messageId: (JSON.parse(record.body) as { messageId: string }).messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
    })),
  );
const receivesOf = (events: readonly SQSEvent[], messageId: string) =>
  deliveries(events)
    .filter((delivery) => delivery.messageId === messageId)
    .map((delivery) => delivery.receiveCount);

/** Accepts one message per slot, each waiting for the last to be running, so every slot is busy. */
const fillSlots = async (engine: RunningRuleEngine, load: { running: number }, slots: number) => {
  for (let slot = 1; slot <= slots; slot += 1) {
    await engine.accept(message(`blocker-${slot}`));
    await vi.waitFor(() => expect(load.running).toBe(slot));
  }
};

const collectDeadLetters = () => {
  const letters: { key: string; body: unknown }[] = [];
  const deadLetter = async (key: string, body: unknown) => void letters.push({ key, body });
  return { letters, deadLetter };
};

describe('rule engine journal', () => {
  it('has the message on disk when accept resolves, and a restart replays it with the original receive time', async () => {
    const { letters, deadLetter } = collectDeadLetters();

    // Prepare: the first engine accepts, then "dies" with the invocation still running.
    const first = recordingFunction(() => new Promise(() => undefined));
    const dying = await startRuleEngine({ rules: [{ trigger, fn: first.fn }], deadLetter, journalFile });
    await dying.accept(message());
    const onDisk = pendingEntries(await readFile(journalFile, 'utf8'));
    expect(onDisk).toHaveLength(1);

    // Act: a new engine on the same journal.
    const second = recordingFunction();
    const restarted = await startRuleEngine({ rules: [{ trigger, fn: second.fn }], deadLetter, journalFile });
    await restarted.idle();

    // Assess: replayed once, same message (receivedAt from the first receipt), and then marked done.
    expect(restarted.stats.replayed).toBe(1);
    await vi.waitFor(() => expect(first.events).toHaveLength(1));
    const replayed = second.events.map((event) => event.Records.map((record) => record.body));
    expect(replayed).toEqual([[first.events[0]?.Records[0]?.body]]);
    expect(JSON.parse(second.events[0]?.Records[0]?.body ?? '')).toMatchObject({
      meterId: 'MTR-0001',
      messageId: 'm-1',
      receivedAt: onDisk[0]?.timestamp,
    });
    await restarted.stop();
    expect(pendingEntries(await readFile(journalFile, 'utf8'))).toEqual([]);
    expect(letters).toEqual([]);
  });

  it('refuses new messages once stopped, so the broker does not acknowledge them', async () => {
    const { fn } = recordingFunction();
    const engine = await startRuleEngine({
      rules: [{ trigger, fn }],
      deadLetter: async () => undefined,
      journalFile,
    });
    await engine.stop();
    await expect(engine.accept(message())).rejects.toThrow(/stopped/);
  });
});

describe('rule engine queue', () => {
  it('hands the function an SQS event whose record carries the journal entry and the SQL output', async () => {
    const held = gate();
    const { fn, events, load } = recordingFunction(async () => {
      await held.opened;
      return undefined;
    });
    const engine = await startRuleEngine({
      rules: [{ trigger, fn }],
      deadLetter: async () => undefined,
      journalFile,
    });

    await engine.accept(message());
    await vi.waitFor(() => expect(load.running).toBe(1));
    const [entry] = pendingEntries(await readFile(journalFile, 'utf8'));
    held.release();
    await engine.idle();
    await engine.stop();

    const record = events[0]?.Records[0];
    const body = record?.body ?? '';
    expect(events).toHaveLength(1);
    expect(record).toMatchObject({
      messageId: entry?.id,
      receiptHandle: expect.any(String),
      md5OfBody: createHash('md5').update(body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:qingshan-local-meter_telemetry',
      awsRegion: 'us-east-1',
      messageAttributes: {},
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(entry?.timestamp),
        SenderId: expect.any(String),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
      },
    });
    expect(JSON.parse(body)).toMatchObject({
      messageId: 'm-1',
      clientId: 'MTR-0001',
      receivedAt: entry?.timestamp,
    });
    expect(engine.stats).toMatchObject({
      matched: 1,
      delivered: 1,
      deadLettered: 0,
      invocations: 1,
      largestBatch: 1,
    });
  });

  it('batches the messages that wait while every slot is busy, up to batchSize, within maxConcurrency', async () => {
    // Prepare: both slots held by a slow function.
    const slow = gate();
    const { fn, events, load } = recordingFunction(async () => {
      await slow.opened;
      return undefined;
    });
    const rule = ruleWith({ batchSize: 5, maxConcurrency: 2 });
    const engine = await startRuleEngine({
      rules: [{ trigger: rule, fn }],
      deadLetter: async () => undefined,
      journalFile,
    });
    await fillSlots(engine, load, 2);

    // Act: 18 more arrive meanwhile, then the function speeds up.
    await Promise.all(Array.from({ length: 18 }, (_, n) => engine.accept(message(`m-${n}`))));
    slow.release();
    await engine.idle();
    await engine.stop();

    // Assess: every message once; the waiting ones in full batches; never more than 2 at once.
    expect(events.map((event) => event.Records.length)).toEqual([1, 1, 5, 5, 5, 3]);
    expect(new Set(deliveries(events).map((delivery) => delivery.messageId)).size).toBe(20);
    expect(load.most).toBe(2);
    expect(engine.stats).toMatchObject({ delivered: 20, invocations: 6, largestBatch: 5 });
  });

  it('redelivers a record listed in batchItemFailures with a higher receive count, and not its batch-mates', async () => {
    const slow = gate();
    const { fn, events, load } = recordingFunction(async (event) => {
      await slow.opened;
      const flaky = event.Records.filter(
        (record) => record.body.includes('"m-flaky"') && record.attributes.ApproximateReceiveCount === '1',
      );
      return { batchItemFailures: flaky.map((record) => ({ itemIdentifier: record.messageId })) };
    });
    const rule = ruleWith({ batchSize: 10, maxConcurrency: 2 });
    const engine = await startRuleEngine({
      rules: [{ trigger: rule, fn }],
      deadLetter: async () => undefined,
      journalFile,
      retryDelaysMs: [1],
    });
    await fillSlots(engine, load, 2);
    await Promise.all(['m-a', 'm-flaky', 'm-b'].map((id) => engine.accept(message(id))));
    slow.release();
    await engine.idle();
    await engine.stop();

    expect(events[2]?.Records).toHaveLength(3);
    expect(receivesOf(events, 'm-flaky')).toEqual(['1', '2']);
    expect(receivesOf(events, 'm-a')).toEqual(['1']);
    expect(receivesOf(events, 'm-b')).toEqual(['1']);
    expect(engine.stats).toMatchObject({ delivered: 5, deadLettered: 0 });
    expect(pendingEntries(await readFile(journalFile, 'utf8'))).toEqual([]);
  });

  it.each([
    ['throws', async () => Promise.reject(new Error('DynamoDB unavailable'))],
    [
      'names a record not in the batch',
      async () => ({ batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] }),
    ],
  ])('redelivers the whole batch when the function %s', async (_, failOnce: Answer) => {
    const slow = gate();
    let failed = false;
    const { fn, events, load } = recordingFunction(async (event) => {
      await slow.opened;
      if (event.Records.length < 3 || failed) return undefined;
      failed = true;
      return failOnce(event);
    });
    const rule = ruleWith({ batchSize: 10, maxConcurrency: 2 });
    const engine = await startRuleEngine({
      rules: [{ trigger: rule, fn }],
      deadLetter: async () => undefined,
      journalFile,
      retryDelaysMs: [1],
    });
    await fillSlots(engine, load, 2);
    await Promise.all(['m-a', 'm-b', 'm-c'].map((id) => engine.accept(message(id))));
    slow.release();
    await engine.idle();
    await engine.stop();

    for (const id of ['m-a', 'm-b', 'm-c']) expect(receivesOf(events, id)).toEqual(['1', '2']);
    expect(receivesOf(events, 'blocker-1')).toEqual(['1']);
    expect(engine.stats).toMatchObject({ delivered: 5, deadLettered: 0 });
  });

  it('moves a record that keeps failing to the dead-letter queue after maxReceiveCount receives', async () => {
    const { letters, deadLetter } = collectDeadLetters();
    const { fn, events } = recordingFunction(async (event) => ({
      batchItemFailures: event.Records.filter((record) => record.body.includes('"m-poison"')).map(
        (record) => ({
          itemIdentifier: record.messageId,
        }),
      ),
    }));
    const rule = ruleWith({ maxReceiveCount: 3 });
    const engine = await startRuleEngine({
      rules: [{ trigger: rule, fn }],
      deadLetter,
      journalFile,
      retryDelaysMs: [1, 2],
    });

    await engine.accept(message('m-poison'));
    await engine.accept(message('m-good'));
    await engine.idle();
    await engine.stop();

    expect(receivesOf(events, 'm-poison')).toEqual(['1', '2', '3']);
    expect(receivesOf(events, 'm-good')).toEqual(['1']);
    const poisonBody = events
      .flatMap((event) => event.Records)
      .find((record) => record.body.includes('m-poison'))?.body;
    const { receivedAt } = JSON.parse(poisonBody ?? '') as { receivedAt: number };
    expect(letters).toEqual([
      {
        key: expect.stringMatching(
          new RegExp(`^ingest-dlq/qingshan_local_meter_telemetry/${receivedAt}-[0-9a-f-]{36}\\.json$`),
        ),
        body: {
          ruleName: 'qingshan_local_meter_telemetry',
          topic: 'qingshan/local/meters/MTR-0001/telemetry',
          clientId: 'MTR-0001',
          receiveCount: 3,
          errorMessage: expect.any(String),
          body: poisonBody,
          base64OriginalPayload: message('m-poison').payload.toString('base64'),
        },
      },
    ]);
    expect(engine.stats).toMatchObject({ matched: 2, delivered: 1, deadLettered: 1 });
    expect(pendingEntries(await readFile(journalFile, 'utf8'))).toEqual([]);
  });
});
