import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmoke } from '../../infra/ops/smoke-steps.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

// The post-deploy smoke test, run against the local stack: the same steps, HTTP calls and MQTT publish
// it makes against a deployment, with the local issuer's tokens and the broker's password credentials.
describe('npm run smoke against the local stack', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => t.close());

  it('submits a case, rotates the smoke meter’s credentials, publishes a reading and sees it counted', async () => {
    const lines: string[] = [];

    await runSmoke({
      api: t.stack.urls.api,
      tokens: { deputy: t.stack.users.deputy.token, admin: t.stack.users.admin.token },
      meterId: 'MTR-0001',
      timeZone: 'Asia/Shanghai',
      readingTimeoutMs: 30_000,
      log: (line) => lines.push(line),
    });

    expect(lines.every((line) => line.startsWith('ok '))).toBe(true);
    expect(lines.join('\n')).toContain(
      'publish one reading on qingshan/local/meters/MTR-0001/telemetry (broker)',
    );
    expect(lines).toHaveLength(8);
  });

  it('fails, saying why, when the smoke meter is unknown', async () => {
    const lines: string[] = [];

    const run = runSmoke({
      api: t.stack.urls.api,
      tokens: { deputy: t.stack.users.deputy.token, admin: t.stack.users.admin.token },
      meterId: 'MTR-NONE',
      timeZone: 'Asia/Shanghai',
      readingTimeoutMs: 5_000,
      log: (line) => lines.push(line),
    });

    await expect(run).rejects.toThrow(/GET \/meters\/MTR-NONE: 404/);
    expect(lines.at(-1)).toMatch(/^FAIL {2}meter MTR-NONE/);
  });
});
