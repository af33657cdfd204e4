import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';

/** The commands that accept `ReturnConsumedCapacity` (the probe asks for it on these only). */
const CAPACITY_COMMANDS = new Set([
  'GetItem',
  'BatchGetItem',
  'Query',
  'Scan',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
]);

interface Consumed {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

/** Read and write units of one response (a table's entry, or one per table for batches). */
const unitsOf = (consumed: Consumed | Consumed[] | undefined, write: boolean) => {
  const entries = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  let read = 0;
  let written = 0;
  for (const entry of entries) {
    const total = entry.CapacityUnits ?? 0;
    const split = (entry.ReadCapacityUnits ?? 0) + (entry.WriteCapacityUnits ?? 0);
    read += entry.ReadCapacityUnits ?? (split === 0 && !write ? total : 0);
    written += entry.WriteCapacityUnits ?? (split === 0 && write ? total : 0);
  }
  return { read, written };
};

/**
 * DynamoDB Local reports 2 units for a whole TransactWriteItems (checked 2026-12-07: 10 Puts of
 * 100-byte items, 2 units), where AWS bills 2 write units per item and KB. The probe counts AWS's
 * rule for items of at most 1 KB (the rollup items are: docs/cost.md); larger items would cost more.
 */
const transactedUnits = (input: unknown) =>
  2 * ((input as { TransactItems?: unknown[] }).TransactItems?.length ?? 0);

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/**
 * A probe on the SDK client the handlers share in this process (the local runtime serves them
 * in-process, as one Lambda container serves its invocations): requests by command, the time they
 * spent in flight, the last input of each command, to replay raw, and the capacity units DynamoDB
 * Local reports as consumed (the probe adds `ReturnConsumedCapacity: TOTAL`, which changes nothing
 * else in the request) — the units a bill in on-demand mode counts (docs/cost.md). `counted` says
 * whether the request now being sent is one to count (default: all).
 */
export const probeRequests = (counted: () => boolean = () => true) => {
  const counts = new Map<string, number>();
  const busy = new Map<string, number>();
  const last = new Map<string, unknown>();
  const capacity = { read: 0, write: 0 };
  let lastSent = performance.now();
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      // Requests of the stack's own scheduled jobs, when the bench counts one handler's only.
      if (!counted()) return next(args);
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      lastSent = performance.now();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const input = args.input as { ReturnConsumedCapacity?: string };
      last.set(name, input);
      const asked = CAPACITY_COMMANDS.has(name) && input.ReturnConsumedCapacity === undefined;
      const sent = asked ? { ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } } : args;
      const started = performance.now();
      try {
        const result = await next(sent);
        const units =
          name === 'TransactWriteItems'
            ? { read: 0, written: transactedUnits(input) }
            : unitsOf(
                (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity,
                WRITES.has(name),
              );
        capacity.read += units.read;
        capacity.write += units.written;
        return result;
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
      capacity.read = 0;
      capacity.write = 0;
    },
    lastInput: (name: string) => last.get(name),
    /**
     * Resolves once the handlers' client has sent nothing for `quietMs` (at most `maxMs`): the
     * notification dispatcher works through the outbox of the steps just written, in this process;
     * a list measured meanwhile would share the thread and DynamoDB Local with that backlog.
     */
    settled: async (quietMs = 2000, maxMs = 120_000) => {
      const deadline = performance.now() + maxMs;
      while (performance.now() - lastSent < quietMs && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    /** Requests by command and capacity units consumed, in total since the last reset. */
    totals: () => ({ requests: Object.fromEntries(counts), ...capacity }),
    /** `Query 9.00/call (mean 12 ms), …`: requests per unit measured (a call, a reading). */
    summary: (calls: number) =>
      [
        ...[...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(
            ([name, n]) =>
              `${name} ${(n / calls).toFixed(2)}/call (mean ${((busy.get(name) ?? 0) / n).toFixed(0)} ms)`,
          ),
        `consumed ${(capacity.write / calls).toFixed(3)} WCU and ${(capacity.read / calls).toFixed(3)} RCU/call`,
      ].join(', '),
  };
};
