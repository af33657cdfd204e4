/**
 * The bad input a real fleet produces now and then, each of which the ingest must quarantine with a
 * reason (never drop, never count): a negative quantity, a register sent by an interval meter (the
 * shape the registry says it does not report), a reading with both quantity and register, a timestamp
 * two days ahead, and a body that is not JSON at all.
 */
export const BAD_MESSAGE_KINDS = ['negative', 'wrongKind', 'badShape', 'future', 'malformedJson'] as const;
export type BadMessageKind = (typeof BAD_MESSAGE_KINDS)[number];

/** The body to publish for a bad message of this kind, at simulated time `atMs`. */
export const badMessageBody = (
  kind: BadMessageKind,
  context: { meterId: string; readingKind: 'interval' | 'cumulative'; atMs: number; serial: number },
): string => {
  const messageId = `sim-bad-${kind}-${context.meterId}-${context.serial}`;
  const ts = new Date(context.atMs).toISOString();
  const payload = (readings: unknown[]): string => JSON.stringify({ messageId, readings });
  switch (kind) {
    case 'negative':
      return context.readingKind === 'interval'
        ? payload([{ ts, quantity: -42.5 }])
        : payload([{ ts, register: -42.5 }]);
    case 'wrongKind':
      return context.readingKind === 'interval'
        ? payload([{ ts, register: 1234.5 }])
        : payload([{ ts, quantity: 12.5 }]);
    case 'badShape':
      return payload([{ ts, quantity: 1, register: 2 }]);
    case 'future':
      return payload([{ ts: new Date(context.atMs + 2 * 86_400_000).toISOString(), quantity: 1 }]);
    case 'malformedJson':
      return `{"messageId":"${messageId}","readings":[{"ts":"${ts}",`;
  }
};
