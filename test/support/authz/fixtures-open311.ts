import type { TestStack } from '../local-stack.ts';
import type { Principals } from './principals.ts';

/**
 * The API keys of the Open311 rows, issued (and one revoked) by the admin through the API:
 *
 * apiKey.valid     an active key, with room for every probe (6,000 a minute, bursts of 1,000)
 * apiKey.revoked   a key revoked right after issue; `apiKeyId.revoked` is its id
 */
export const buildOpen311Fixtures = async (t: TestStack, p: Principals): Promise<Record<string, string>> => {
  const admin = p.tokens.admin ?? '';
  const issue = async (clientName: string) => {
    const answer = await t.api('/api-keys', {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientName, ratePerMinute: 6000, burst: 1000 }),
    });
    if (answer.status !== 201) throw new Error(`fixture api key: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as { id: string; apiKey: string };
  };
  const valid = await issue('矩阵客户端');
  const revoked = await issue('矩阵已吊销客户端');
  const revoke = await t.api(`/api-keys/${revoked.id}`, { method: 'DELETE', token: admin });
  if (revoke.status !== 204) throw new Error(`fixture revoke: ${revoke.status}`);
  return { 'apiKey.valid': valid.apiKey, 'apiKey.revoked': revoked.apiKey, 'apiKeyId.revoked': revoked.id };
};
