import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCalendarStore } from '../../shared/adapters/dynamodb/calendar-store.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { writeLocalUsers } from '../../shared/adapters/local/users-file.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { DeviceCredentialStore } from '../../shared/ports/device-credential-store.ts';
import { DEFAULTS } from '../manifest.ts';
import { localTableName } from './environment.ts';
import type { LocalUser } from './local-issuer.ts';
import { seedDirectory } from './notifications-local.ts';
import {
  type DemoDevice,
  firstOfEachRole,
  seedCalendar,
  seedDeputies,
  seedDevices,
  seedRegistry,
  seedUserList,
} from './seed.ts';

/**
 * The demo data a local stack starts with, put into its tables and data folder: the users (and the
 * users file the local issuer and the roles API read), deputies, the people notifications go to,
 * the meters' device credentials, the registry and the bundled calendar years. Ids and secrets
 * made once are kept in the data folder, so a restarted stack knows the same people and meters.
 */
export interface DemoData {
  userList: LocalUser[];
  seededUsers: Record<Role, LocalUser>;
  usersFile: string;
  devices: DemoDevice[];
}

export const seedDemoData = async (input: {
  dataDir: string;
  documents: DynamoDBDocumentClient;
  credentials: DeviceCredentialStore;
  leader: LocalUser;
  /** Load the bundled calendar years when absent. */
  calendar: boolean;
}): Promise<DemoData> => {
  const { dataDir, documents, leader } = input;
  const userList = await seedUserList(dataDir);
  const seededUsers = firstOfEachRole(userList);
  // Each start restores the demo users' roles (one per role, as tokens.json prints them); a role
  // changed through the API lasts until then and reaches the user's next sign-in.
  const usersFile = join(dataDir, 'users-directory.json');
  await writeLocalUsers(usersFile, userList);
  await seedDeputies(new DynamoDeputyDirectory(documents, localTableName('registry')), userList);
  // The leader signs in as a supervisor (to read the console) but is not People's Congress staff:
  // listed in the directory under no role, told only as QS_DISTRICT_LEADER_IDS names them.
  // Enterprise accounts are not staff: they stay out of the people notifications are sent to.
  await seedDirectory(new DynamoUserDirectory(documents, localTableName('registry')), [
    ...userList.filter((user) => user.enterprise === undefined),
    { ...leader, groups: [] },
  ]);
  const devices = await seedDevices(dataDir, input.credentials);
  await seedRegistry(
    new DynamoRegistryStore(documents, localTableName('registry')),
    DEFAULTS.identifierPrefix,
  );
  if (input.calendar) await seedCalendar(new DynamoCalendarStore(documents, localTableName('calendar')));
  return { userList, seededUsers, usersFile, devices };
};
