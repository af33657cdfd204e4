import { randomUUID } from 'node:crypto';
import { type FileHandle, open, readFile, rename } from 'node:fs/promises';

/**
 * The local stand-in for the durability of the rules' SQS queues: every rule match the broker
 * accepts is appended here (and flushed to the file) BEFORE the device gets its PUBACK, and marked
 * done once its record was handled or dead-lettered. A process killed at any point
 * leaves the undone entries in the file; the next start replays them. Replays are redeliveries, which
 * the ingest already has to absorb (at-least-once).
 *
 * Format: one JSON object a line (`{"op":"add",…}` / `{"op":"done","id":…}`); a torn last line from a
 * kill mid-write is ignored (its PUBACK was never sent, so the device publishes it again).
 */
export interface JournalEntry {
  id: string;
  ruleName: string;
  topic: string;
  clientId: string;
  /** Broker receive time (ms), kept so a replay hands the function the original `timestamp()`. */
  timestamp: number;
  payloadBase64: string;
}

type JournalLine = ({ op: 'add' } & JournalEntry) | { op: 'done'; id: string };

export interface RuleJournal {
  /** Appends entries; resolves once they are written to the file (group commit with fdatasync). */
  append(entries: readonly Omit<JournalEntry, 'id'>[]): Promise<JournalEntry[]>;
  /** Marks an entry finished; lazily flushed (losing a mark only means one more redelivery). */
  markDone(id: string): void;
  pendingCount(): number;
  close(): Promise<void>;
}

/** Rewrite the file once this many finished lines have piled up and outnumber the pending ones. */
const COMPACT_AFTER_DONE = 5_000;

/** The entries not yet marked done, in the order they were accepted. */
export const pendingEntries = (text: string): JournalEntry[] => {
  const pending = new Map<string, JournalEntry>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: JournalLine;
    try {
      parsed = JSON.parse(line) as JournalLine;
    } catch {
      continue; // torn tail of a killed write
    }
    if (parsed.op === 'add') {
      const { op: _op, ...entry } = parsed;
      pending.set(entry.id, entry);
    } else if (parsed.op === 'done') pending.delete(parsed.id);
  }
  return [...pending.values()];
};

/**
 * Opens (or creates) the journal, compacting it to its pending entries, which it returns for replay.
 */
export const openRuleJournal = async (
  file: string,
): Promise<{ journal: RuleJournal; pending: JournalEntry[] }> => {
  const previous = await readFile(file, 'utf8').catch(() => '');
  const pending = pendingEntries(previous);
  await writeWhole(file, pending);
  let handle: FileHandle = await open(file, 'a');
  const live = new Set(pending.map((entry) => entry.id));
  let doneSinceCompaction = 0;
  let closed = false;

  // One writer at a time; lines queued meanwhile go out together with one fdatasync (group commit).
  let queued: string[] = [];
  let waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  let writing: Promise<void> | undefined;

  const writeBatch = async (): Promise<void> => {
    const lines = queued;
    const settled = waiters;
    queued = [];
    waiters = [];
    try {
      await handle.appendFile(lines.join(''));
      await handle.datasync();
      for (const waiter of settled) waiter.resolve();
    } catch (error) {
      for (const waiter of settled) waiter.reject(error);
    }
  };

  const flush = async (): Promise<void> => {
    while (queued.length > 0) {
      await writeBatch();
      if (doneSinceCompaction >= COMPACT_AFTER_DONE && doneSinceCompaction > live.size) {
        await compact().catch(() => undefined);
      }
    }
    writing = undefined;
  };

  const compact = async () => {
    await handle.close();
    const survivors = pendingEntries(await readFile(file, 'utf8')).filter((entry) => live.has(entry.id));
    await writeWhole(file, survivors);
    handle = await open(file, 'a');
    doneSinceCompaction = 0;
  };

  const enqueue = (lines: string[]): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      queued.push(...lines);
      waiters.push({ resolve, reject });
      writing ??= flush();
    });

  const journal: RuleJournal = {
    append: async (entries) => {
      const withIds = entries.map((entry) => ({ id: randomUUID(), ...entry }));
      for (const entry of withIds) live.add(entry.id);
      await enqueue(withIds.map((entry) => `${JSON.stringify({ op: 'add', ...entry })}\n`));
      return withIds;
    },
    markDone: (id) => {
      if (closed || !live.delete(id)) return;
      doneSinceCompaction += 1;
      void enqueue([`${JSON.stringify({ op: 'done', id })}\n`]).catch(() => undefined);
    },
    pendingCount: () => live.size,
    close: async () => {
      closed = true;
      while (writing !== undefined) await writing;
      await handle.close();
    },
  };
  return { journal, pending };
};

/** Replaces the file atomically (write a sibling, fsync, rename), so a kill never truncates it. */
const writeWhole = async (file: string, entries: readonly JournalEntry[]): Promise<void> => {
  const temporary = `${file}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(entries.map((entry) => `${JSON.stringify({ op: 'add', ...entry })}\n`).join(''));
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
};
