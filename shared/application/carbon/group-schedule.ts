/**
 * Runs every job as soon as the earlier jobs it shares a key with are done, the rest at once: the
 * groups of a queue batch (ingest-batch.ts) touch disjoint items once the city and industry items
 * are deferred, except a meter's or an enterprise's items when its messages fill two groups; two
 * transactions on one item would only cancel each other.
 */
export const afterSharedKeys = async <J>(
  jobs: readonly J[],
  keysOf: (job: J) => readonly string[],
  run: (job: J) => Promise<void>,
): Promise<void> => {
  const last = new Map<string, Promise<void>>();
  const runs = jobs.map((job) => {
    const keys = keysOf(job);
    const before = new Set(keys.map((key) => last.get(key)).filter((p) => p !== undefined));
    const done = Promise.all(before).then(() => run(job));
    for (const key of keys) last.set(key, done);
    return done;
  });
  await Promise.all(runs);
};
