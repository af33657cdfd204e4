import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { type ActivitySlot, replacedBy, type SlotBooking } from '../../domain/imports/slot.ts';

/** An activity slot's item in the carbon table: pk `SLOT#<accountId>#<meterId>`, sk `<period>`. */
export const slotPk = (accountId: string, meterId: string) => `SLOT#${accountId}#${meterId}`;

export const slotKey = (slot: Pick<ActivitySlot, 'accountId' | 'meterId' | 'period'>) => ({
  pk: slotPk(slot.accountId, slot.meterId),
  sk: slot.period,
});

/**
 * A booked slot's part of its row's transaction: created (version 0: absent) or moved on from the
 * version read, the replaced value appended to its history.
 */
export const slotBookingWrite = (
  table: string,
  { slot, change }: SlotBooking,
): NonNullable<TransactWriteCommandInput['TransactItems']>[number] => {
  if (slot.version === 0)
    return {
      Put: {
        TableName: table,
        Item: {
          ...slotKey(slot),
          itemType: 'slot',
          accountId: slot.accountId,
          meterId: slot.meterId,
          period: slot.period,
          counted: slot.counted,
          version: change.version,
          ...(change.to ? { current: change.to } : {}),
          history: replacedBy(change),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  return {
    Update: {
      TableName: table,
      Key: slotKey(slot),
      UpdateExpression: `SET version = :version, history = list_append(if_not_exists(history, :empty), :replaced)${change.to ? ', #current = :to' : ''}${change.to ? '' : ' REMOVE #current'}`,
      ConditionExpression: 'version = :read AND attribute_not_exists(pending)',
      ExpressionAttributeNames: { '#current': 'current' },
      ExpressionAttributeValues: {
        ':version': change.version,
        ':read': slot.version,
        ':empty': [],
        ':replaced': replacedBy(change),
        ...(change.to ? { ':to': change.to } : {}),
      },
    },
  };
};

/**
 * A stored slot's value in millionths. A change still pending (rows booked together, or a crash) is
 * what the slot is becoming, so its new value counts.
 */
export const slotMicro = (item: Record<string, unknown>): number | undefined => {
  const pending = item.pending as { to?: { micro?: unknown } } | undefined;
  const value = pending ? pending.to : (item.current as { micro?: unknown } | undefined);
  return typeof value?.micro === 'number' ? value.micro : undefined;
};
