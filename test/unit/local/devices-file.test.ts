import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDeviceSecrets, recordDeviceSecret } from '../../../shared/adapters/local/devices-file.ts';

/** Meters registered at once in local mode: every secret kept, no write fails (found in issue 13 work). */
describe('the local devices file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qs-devices-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps every meter when 30 are issued at once, and leaves no temporary file', async () => {
    const file = join(dir, 'devices.json');
    const meters = Array.from({ length: 30 }, (_, i) => `MTR-${String(i).padStart(4, '0')}`);
    await Promise.all(meters.map((id) => recordDeviceSecret(file, id, `secret-${id}`)));
    const entries = await readDeviceSecrets(file);
    expect(entries.map((e) => e.meterId).sort()).toEqual(meters);
    expect(await readdir(dir)).toEqual(['devices.json']);
  });

  it('rotates a secret in place, keeping the order', async () => {
    const file = join(dir, 'devices.json');
    await recordDeviceSecret(file, 'A', '1');
    await recordDeviceSecret(file, 'B', '2');
    await Promise.all([recordDeviceSecret(file, 'A', '3'), recordDeviceSecret(file, 'C', '4')]);
    expect(await readDeviceSecrets(file)).toEqual([
      { meterId: 'A', secret: '3' },
      { meterId: 'B', secret: '2' },
      { meterId: 'C', secret: '4' },
    ]);
  });
});
