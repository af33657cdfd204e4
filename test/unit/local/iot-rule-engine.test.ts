import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INGEST_RULE_SQL } from '../../../infra/contexts/carbon.ts';
import { startRuleEngine } from '../../../infra/local/iot-rule-engine.ts';
import type { LocalFunction } from '../../../infra/local/local-function.ts';
import { pendingEntries } from '../../../infra/local/rule-journal.ts';
import type { FunctionSpec, IotRuleTrigger } from '../../../infra/manifest.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rule-engine-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const trigger: IotRuleTrigger = {
  kind: 'iotRule',
  ruleName: 'qingshan_meter_telemetry',
  sql: INGEST_RULE_SQL,
  description: 'test',
};

/** A function that records its events; `hang` keeps invocations running (a process about to die). */
const recordingFunction = (hang: boolean) => {
  const events: unknown[] = [];
  const fn: LocalFunction = {
    spec: { id: 'ingestTelemetry', trigger } as FunctionSpec,
    invoke: async (event) => {
      events.push(event);
      if (hang) await new Promise(() => undefined);
      return {};
    },
  };
  return { fn, events };
};

const message = {
  topic: 'qingshan/meters/MTR-0001/telemetry',
  clientId: 'MTR-0001',
  payload: Buffer.from(
    JSON.stringify({ messageId: 'm-1', readings: [{ ts: '2026-11-29T01:00:00Z', quantity: 5 }] }),
  ),
};

describe('rule engine journal', () => {
  it('has the invocation on disk when accept resolves, and a restart replays it with the original receive time', async () => {
    const journalFile = join(dir, 'rule-journal.ndjson');
    const deadLetters: unknown[] = [];
    const deadLetter = async (_key: string, body: unknown) => void deadLetters.push(body);

    // Prepare: the first engine accepts, then "dies" with the invocation still running.
    const first = recordingFunction(true);
    const dying = await startRuleEngine({ rules: [{ trigger, fn: first.fn }], deadLetter, journalFile });
    await dying.accept(message);
    const onDisk = pendingEntries(await readFile(journalFile, 'utf8'));
    expect(onDisk).toHaveLength(1);

    // Act: a new engine on the same journal.
    const second = recordingFunction(false);
    const restarted = await startRuleEngine({ rules: [{ trigger, fn: second.fn }], deadLetter, journalFile });
    await restarted.idle();

    // Assess: replayed once, same event (receivedAt from the first receipt), and then marked done.
    expect(restarted.stats.replayed).toBe(1);
    expect(second.events).toEqual(first.events);
    expect(second.events[0]).toMatchObject({
      meterId: 'MTR-0001',
      messageId: 'm-1',
      receivedAt: onDisk[0]?.timestamp,
    });
    await restarted.stop();
    expect(pendingEntries(await readFile(journalFile, 'utf8'))).toEqual([]);
    expect(deadLetters).toEqual([]);
  });

  it('refuses new messages once stopped, so the broker does not acknowledge them', async () => {
    const { fn } = recordingFunction(false);
    const engine = await startRuleEngine({
      rules: [{ trigger, fn }],
      deadLetter: async () => undefined,
      journalFile: join(dir, 'rule-journal.ndjson'),
    });
    await engine.stop();
    await expect(engine.accept(message)).rejects.toThrow(/stopped/);
  });
});
