import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';

/**
 * A probe on the SDK client the handlers share in this process (the local runtime serves them
 * in-process, as one Lambda container serves its invocations): requests by command, the time they
 * spent in flight, and the last input of each command, to replay raw.
 */
export const probeRequests = () => {
  const counts = new Map<string, number>();
  const busy = new Map<string, number>();
  const last = new Map<string, unknown>();
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counts.set(name, (counts.get(name) ?? 0) + 1);
      last.set(name, args.input);
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        busy.set(name, (busy.get(name) ?? 0) + performance.now() - started);
      }
    },
    { step: 'initialize', name: 'benchRequestProbe' },
  );
  return {
    reset: () => {
      counts.clear();
      busy.clear();
    },
    lastInput: (name: string) => last.get(name),
    /** `Query 9.00/call (mean 12 ms), …`: requests per unit measured (a call, a reading). */
    summary: (calls: number) =>
      [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(
          ([name, n]) =>
            `${name} ${(n / calls).toFixed(2)}/call (mean ${((busy.get(name) ?? 0) / n).toFixed(0)} ms)`,
        )
        .join(', '),
  };
};
