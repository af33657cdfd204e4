import { MAX_BATCH_LOG, type MeterHourState } from '../../../domain/carbon/ingest/meter-hour-state.ts';
import type { ItemWrite, MeterHourUpdate } from '../../../domain/carbon/ingest/transaction-plan.ts';

/**
 * The UpdateItem expressions of an ingest transaction's items (ingest-store.ts sends them), and the
 * meter-hour state read back: the `carbon` table's ingest attributes, in one place.
 */

interface StoredRegister {
  t: number;
  v: number;
}

interface UpdateExpressionParts {
  names: Record<string, string>;
  values: Record<string, unknown>;
  add: string[];
  set: string[];
  conditions: string[];
}

const newExpression = (): UpdateExpressionParts => ({
  names: {},
  values: {},
  add: [],
  set: [],
  conditions: [],
});

/**
 * The update of one item: ADD the integer figures (a bigint past 2^53 is marshalled exactly), factor
 * refs and ingest markers; SET the ingest state.
 */
export const updateOf = (write: ItemWrite) => {
  const e = newExpression();
  addFigures(e, write);
  if (write.meterHour) addMeterHourState(e, write.meterHour);
  const { names, values, add, set, conditions } = e;
  return {
    UpdateExpression: [
      add.length > 0 ? `ADD ${add.join(', ')}` : '',
      set.length > 0 ? `SET ${set.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
    ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
  };
};

const addFigures = (e: UpdateExpressionParts, write: ItemWrite) => {
  for (const [index, [name, value]] of Object.entries(write.figures).entries()) {
    e.names[`#f${index}`] = name;
    e.values[`:f${index}`] = value;
    e.add.push(`#f${index} :f${index}`);
  }
  if (write.factorRefs.length > 0) {
    e.values[':refs'] = new Set(write.factorRefs);
    e.add.push('factorRefs :refs');
  }
  if (write.lastReadingAt !== undefined) {
    e.values[':lastReadingAt'] = write.lastReadingAt;
    e.set.push('lastReadingAt = :lastReadingAt');
  }
};

/**
 * The meter-hour item also holds the ingest state: markers, registers and their version, batch log.
 * Every write to it also bumps `lv`, so a recalculation that read the item writes only if nothing
 * changed it since (recalculation-store.ts).
 */
const addMeterHourState = (e: UpdateExpressionParts, state: MeterHourUpdate) => {
  e.values[':lvOne'] = 1;
  e.add.push('lv :lvOne');
  if (state.logEntries.length > 0) {
    e.values[':entries'] = state.logEntries;
    e.values[':empty'] = [];
    e.values[':logRoom'] = MAX_BATCH_LOG - state.logEntries.length + 1;
    e.values[':logAdded'] = state.logEntries.length;
    e.set.push('batchLog = list_append(if_not_exists(batchLog, :empty), :entries)');
    e.add.push('logSize :logAdded');
    // A log without room fails the write; the re-planned retry sends the entries to overflow items.
    e.conditions.push('(attribute_not_exists(logSize) OR logSize < :logRoom)');
  }
  if (state.markers.length > 0) {
    e.values[':mids'] = new Set(state.markers);
    e.add.push('msgs :mids');
    const absent = state.markers.map((id, index) => {
      e.values[`:mid${index}`] = id;
      return `NOT contains(msgs, :mid${index})`;
    });
    e.conditions.push(`(attribute_not_exists(msgs) OR (${absent.join(' AND ')}))`);
  }
  if (state.registers) {
    e.values[':regs'] = state.registers.map((r): StoredRegister => ({ t: r.ts, v: r.value }));
    e.set.push('regs = :regs');
  }
  if (state.next !== undefined) {
    e.values[':nx'] = state.next;
    e.set.push('nx = :nx');
  }
  if (state.expectedVersion === undefined) return;
  e.values[':one'] = 1;
  e.add.push('rv :one');
  if (state.expectedVersion === 0) e.conditions.push('attribute_not_exists(rv)');
  else {
    e.values[':rv'] = state.expectedVersion;
    e.conditions.push('rv = :rv');
  }
};

export const toState = (item: Record<string, unknown>): MeterHourState => ({
  hour: String(item.sk),
  version: typeof item.rv === 'number' ? item.rv : 0,
  registers: Array.isArray(item.regs)
    ? (item.regs as StoredRegister[]).map((r) => ({ ts: Number(r.t), value: Number(r.v) }))
    : [],
  messageIds: item.msgs instanceof Set ? [...(item.msgs as Set<string>)] : [],
  logSize: typeof item.logSize === 'number' ? item.logSize : 0,
  ...(typeof item.nx === 'string' ? { next: item.nx } : {}),
});
