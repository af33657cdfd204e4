import type { MeasuredParameter } from '../carbon/accounting/measured-parameters.ts';

/**
 * The activity slot: per account meter and month, the value in force, where it came from, every
 * value it replaced, and a change being applied (docs/imports.md, "The items"). Pure decisions; the
 * store reads and writes slots conditioned on `version`.
 */

export interface SlotValue {
  /** Integer millionths of the account meter's unit. */
  micro: number;
  unit: string;
  measured: MeasuredParameter[];
  importId: string;
  fileName: string;
  row: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface SlotHistoryEntry extends SlotValue {
  replacedAt: string;
  /** The import whose row (or withdrawal) replaced it. */
  replacedBy: string;
  withdrawn?: boolean;
}

export type SlotChangeKind = 'new' | 'correction' | 'withdrawal';

export interface SlotChange {
  /** `feed:<account>:<meter>:<period>:v<version>`: the slot message's id, its dedup marker. */
  messageId: string;
  /** The version the slot has after the change. */
  version: number;
  kind: SlotChangeKind;
  from?: SlotValue;
  to?: SlotValue;
  /** The import making the change (a row's, or the one withdrawn). */
  by: string;
  at: string;
}

export interface ActivitySlot {
  accountId: string;
  meterId: string;
  period: string;
  /** 0: the slot does not exist yet. */
  version: number;
  /** Whether its messages reach enterprise, industry and city (fixed when the slot is created). */
  counted: boolean;
  current?: SlotValue;
  history: SlotHistoryEntry[];
  pending?: SlotChange;
}

export const emptySlot = (
  accountId: string,
  meterId: string,
  period: string,
  counted: boolean,
): ActivitySlot => ({
  accountId,
  meterId,
  period,
  version: 0,
  counted,
  history: [],
});

export const slotMessageId = (
  slot: Pick<ActivitySlot, 'accountId' | 'meterId' | 'period'>,
  version: number,
) => `feed:${slot.accountId}:${slot.meterId}:${slot.period}:v${version}`;

export type RowDecision =
  | { kind: 'applied-before' }
  | { kind: 'duplicate'; of: SlotValue }
  | { kind: 'change'; change: SlotChange };

const sameValue = (a: SlotValue, b: SlotValue) => a.micro === b.micro && sameMeasured(a.measured, b.measured);
const sameMeasured = (a: readonly MeasuredParameter[], b: readonly MeasuredParameter[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * What an accepted row does to its slot. The value in force from this very import and row means
 * the row was applied before a crash (a resumed job): accepted, nothing to do.
 */
export const decideRow = (slot: ActivitySlot, incoming: SlotValue, at: string): RowDecision => {
  const current = slot.current;
  if (
    current &&
    current.importId === incoming.importId &&
    current.row === incoming.row &&
    sameValue(current, incoming)
  )
    return { kind: 'applied-before' };
  if (current && sameValue(current, incoming)) return { kind: 'duplicate', of: current };
  const version = slot.version + 1;
  return {
    kind: 'change',
    change: {
      messageId: slotMessageId(slot, version),
      version,
      kind: current ? 'correction' : 'new',
      ...(current ? { from: current } : {}),
      to: incoming,
      by: incoming.importId,
      at,
    },
  };
};

/** The value before `importId`'s that still stands: the latest history entry not withdrawn. */
const standingBefore = (slot: ActivitySlot, importId: string): SlotValue | undefined => {
  const entry = [...slot.history].reverse().find((h) => !h.withdrawn && h.importId !== importId);
  if (entry === undefined) return undefined;
  const { replacedAt: _a, replacedBy: _b, withdrawn: _c, ...value } = entry;
  return value;
};

/**
 * Withdrawing `importId` from a slot: a change back to the standing value before it when its value
 * is in force; otherwise only its history entries are marked (`mark`), the figures untouched.
 */
export const decideWithdrawal = (
  slot: ActivitySlot,
  importId: string,
  at: string,
): { kind: 'change'; change: SlotChange } | { kind: 'mark' } | { kind: 'none' } => {
  if (slot.current?.importId === importId) {
    const before = standingBefore(slot, importId);
    const version = slot.version + 1;
    return {
      kind: 'change',
      change: {
        messageId: slotMessageId(slot, version),
        version,
        kind: 'withdrawal',
        from: slot.current,
        ...(before ? { to: before } : {}),
        by: importId,
        at,
      },
    };
  }
  return slot.history.some((h) => h.importId === importId && !h.withdrawn)
    ? { kind: 'mark' }
    : { kind: 'none' };
};

/** The history entry a change adds: the value it replaced, if any. */
export const replacedBy = (change: SlotChange): SlotHistoryEntry[] =>
  change.from
    ? [
        {
          ...change.from,
          replacedAt: change.at,
          replacedBy: change.by,
          ...(change.kind === 'withdrawal' ? { withdrawn: true } : {}),
        },
      ]
    : [];

/**
 * A change booked in the same transaction as its slot message (docs/imports.md, "Throughput"): the
 * slot goes from `slot` (as read: its version is the write's condition) straight to the change's
 * value, with no pending state in between. New values and corrections only; withdrawals, which
 * also mark earlier entries, go through `pending`.
 */
export interface SlotBooking {
  slot: ActivitySlot;
  change: SlotChange;
}

/** The slot after a change has been applied to the rollups. */
export const settle = (slot: ActivitySlot, change: SlotChange): ActivitySlot => {
  const replaced = replacedBy(change);
  const { pending: _pending, current: _current, ...rest } = slot;
  return {
    ...rest,
    version: change.version,
    ...(change.to ? { current: change.to } : {}),
    history: markWithdrawn(
      [...slot.history, ...replaced],
      change.kind === 'withdrawal' ? change.by : undefined,
    ),
  };
};

/** History entries of a withdrawn import are marked withdrawn. */
export const markWithdrawn = (
  history: SlotHistoryEntry[],
  importId: string | undefined,
): SlotHistoryEntry[] =>
  importId === undefined
    ? history
    : history.map((h) => (h.importId === importId ? { ...h, withdrawn: true } : h));
