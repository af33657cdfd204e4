import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { vapidKeys } from '../../shared/adapters/vapid-keys.ts';
import { tableName } from '../../shared/config/env.ts';
import { emailSenderKind, smsSenderKind } from '../../shared/config/notification-env.ts';
import type {
  Channel,
  NotificationPreferences,
} from '../../shared/domain/notifications/notification-types.ts';

const directory = new DynamoUserDirectory(getDocumentClient(), tableName('registry'));

/** Preferences as their owner reads them: what this deployment can deliver, and where. */
export const preferencesView = async (userId: string, preferences: NotificationPreferences) => {
  const person = await directory.getPerson(userId);
  const available: Channel[] = ['inApp'];
  if ((await vapidKeys()) !== undefined) available.push('push');
  if (emailSenderKind() !== 'off') available.push('email');
  if (smsSenderKind() !== 'off') available.push('sms');
  return {
    ...preferences,
    available,
    contact: {
      ...(person?.email === undefined ? {} : { email: person.email }),
      ...(person?.phone === undefined ? {} : { phone: person.phone }),
    },
  };
};
