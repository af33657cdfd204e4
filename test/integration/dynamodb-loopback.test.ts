import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningDynamo, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { freePort } from '../../infra/local/free-port.ts';

/** The local addresses (hex, as the kernel prints them) of sockets listening on `port` (Linux /proc). */
const listeningAddresses = (port: number): string[] => {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // local_address is "ADDR:PORT", state 0A is LISTEN.
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => (fields[1] ?? '').split(':')[0] ?? ''),
  );
};

const LOOPBACK_V4 = '0100007F';
const LOOPBACK_V4_MAPPED = '0000000000000000FFFF00000100007F';

describe('DynamoDB Local', () => {
  let dynamo: RunningDynamo | undefined;
  afterAll(async () => dynamo?.stop());

  it('listens on 127.0.0.1 only, not on every interface', async () => {
    const port = await freePort();

    dynamo = await startDynamoDbLocal({ port });
    const addresses = listeningAddresses(port);

    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect([LOOPBACK_V4, LOOPBACK_V4_MAPPED]).toContain(address);
    expect(dynamo.endpoint).toBe(`http://127.0.0.1:${port}`);
  });
});
