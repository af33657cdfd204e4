import { describe, expect, it } from 'vitest';
import {
  chunkPolicy,
  MAX_CHUNK_ATTEMPTS,
  MAX_MERGED_TRIES,
  mergedPolicy,
  retrying,
  TryAgain,
} from '../../../../shared/application/carbon/retry-policies.ts';

/** An attempt that asks to be tried again `busy` times, then answers. */
const busyFor = (busy: number) => {
  let calls = 0;
  return {
    calls: () => calls,
    attempt: async () => {
      calls += 1;
      if (calls <= busy) throw new TryAgain(`busy (${calls})`);
      return 'applied';
    },
  };
};

describe('the ingest retry policies (p-retry, no waiting at backoff 0)', () => {
  it('tries a chunk again while it is contended, telling each retry', async () => {
    const write = busyFor(3);
    let retries = 0;

    const outcome = await retrying(
      write.attempt,
      chunkPolicy(0, () => {
        retries += 1;
      }),
    );

    expect(outcome).toBe('applied');
    expect(write.calls()).toBe(4);
    expect(retries).toBe(3);
  });

  it('gives up after the chunk attempts left after the first try, with the last refusal', async () => {
    const write = busyFor(Number.POSITIVE_INFINITY);

    await expect(retrying(write.attempt, chunkPolicy(0))).rejects.toThrow(TryAgain);
    // The first try happens before the policy (ingest-message.ts): 12 in all.
    expect(write.calls()).toBe(MAX_CHUNK_ATTEMPTS - 1);
  });

  it('does not retry an infrastructure failure: it ends the attempts at once', async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('DynamoDB unavailable');
    };

    await expect(retrying(failing, chunkPolicy(0))).rejects.toThrow('DynamoDB unavailable');
    expect(calls).toBe(1);
  });

  it('sends a busy merged transaction at most four times', async () => {
    const write = busyFor(Number.POSITIVE_INFINITY);

    await expect(retrying(write.attempt, mergedPolicy(0))).rejects.toThrow(TryAgain);
    expect(write.calls()).toBe(MAX_MERGED_TRIES);
  });
});
