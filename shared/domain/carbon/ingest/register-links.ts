import type { MeterHourState } from './meter-hour-state.ts';

/**
 * Forward links between a cumulative meter's register-bearing hour items (and its `#origin`), so a
 * plan can tell that its read was not a snapshot. The ingest reads a chunk's state with three
 * Queries (the chunk's hours, the nearest item before, the nearest after) and conditions its write
 * on the versions of the items it used. DynamoDB's Query is read-committed per item, not a snapshot
 * of another transaction: a read can see a neighbour already bumped by a concurrent message and not
 * yet the hour item that message added next to it — and then both count the same interval. Every
 * register-bearing item therefore names the next one (`nx`: its hour, or '' when it is the latest),
 * and a message that adds an hour item updates its predecessor's link in the same transaction (the
 * bump it already makes, conditioned on the version). A read whose links do not match the items it
 * holds saw such a half-visible transaction: the plan is stale and is read again. Items written
 * before links existed have none (`next` undefined) and are not judged until a write gives them one.
 */

const isNode = (item: Pick<MeterHourState, 'hour' | 'registers'>, origin: string) =>
  item.hour === origin || item.registers.length > 0;

/**
 * True when every link in the read agrees with the items read. The last item read beyond the chunk
 * (the nearest after it) may link past what was read.
 */
export const linksConsistent = (
  hours: readonly MeterHourState[],
  lastChunkHour: string,
  origin: string,
): boolean => {
  const nodes = hours.filter((h) => isNode(h, origin)).sort((a, b) => (a.hour < b.hour ? -1 : 1));
  return nodes.every((node, i) => {
    if (node.next === undefined) return true;
    const following = nodes[i + 1];
    if (following !== undefined) return node.next === following.hour;
    return node.hour > lastChunkHour || node.next === '';
  });
};

/**
 * The links after a plan: for every item of the view that holds registers once the plan is written
 * (read items, and the chunk's hours with their new registers), the hour of the next one, or '' —
 * except the last item beyond the chunk, whose link reaches past the view and does not change.
 */
export const linksAfter = (
  read: readonly MeterHourState[],
  written: ReadonlyMap<string, number>,
  lastChunkHour: string,
  origin: string,
): Map<string, string> => {
  const hours = new Set([
    ...read.filter((h) => isNode(h, origin)).map((h) => h.hour),
    ...[...written].filter(([, registers]) => registers > 0).map(([hour]) => hour),
  ]);
  const sorted = [...hours].sort();
  const links = new Map<string, string>();
  sorted.forEach((hour, i) => {
    const following = sorted[i + 1];
    if (following === undefined && hour > lastChunkHour) return;
    links.set(hour, following ?? '');
  });
  return links;
};
