import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuleJournal, pendingEntries } from '../../../infra/local/rule-journal.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rule-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (n: number) => ({
  ruleName: 'telemetryIngest',
  topic: 'qingshan/meters/MTR-0001/telemetry',
  clientId: 'MTR-0001',
  timestamp: 1_700_000_000_000 + n,
  payloadBase64: Buffer.from(`{"n":${n}}`).toString('base64'),
});

describe('rule journal', () => {
  it('hands back, after a reopen, exactly the entries never marked done, in order', async () => {
    const file = join(dir, 'journal.ndjson');
    const first = await openRuleJournal(file);
    expect(first.pending).toEqual([]);
    const added = await first.journal.append([entry(1), entry(2), entry(3)]);
    first.journal.markDone(added[1]?.id ?? '');
    await first.journal.close();

    const second = await openRuleJournal(file);
    expect(second.pending.map((e) => e.timestamp)).toEqual([1_700_000_000_001, 1_700_000_000_003]);
    expect(second.pending[0]).toEqual(added[0]);
    // Reopening compacted the file to the two pending lines.
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(2);
    await second.journal.close();
  });

  it('ignores a torn last line left by a kill mid-write', async () => {
    const file = join(dir, 'journal.ndjson');
    const { journal } = await openRuleJournal(file);
    await journal.append([entry(1)]);
    await journal.close();
    await appendFile(file, '{"op":"add","id":"half');
    expect(pendingEntries(await readFile(file, 'utf8')).map((e) => e.timestamp)).toEqual([1_700_000_000_001]);
  });

  it('resolves an append only once the line is in the file', async () => {
    const file = join(dir, 'journal.ndjson');
    const { journal } = await openRuleJournal(file);
    const appends = [journal.append([entry(1)]), journal.append([entry(2)]), journal.append([entry(3)])];
    await appends[0];
    expect(pendingEntries(await readFile(file, 'utf8')).length).toBeGreaterThanOrEqual(1);
    await Promise.all(appends);
    expect(pendingEntries(await readFile(file, 'utf8'))).toHaveLength(3);
    expect(journal.pendingCount()).toBe(3);
    await journal.close();
  });
});
