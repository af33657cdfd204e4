import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateVapidKeys } from '../../shared/adapters/push/web-push-sender.ts';
import { NOTIFY_ENV } from '../../shared/config/notification-env.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { UserDirectory } from '../../shared/ports/user-directory.ts';
import type { LocalUser } from './local-issuer.ts';

/**
 * Notifications in the local runtime (docs/notifications.md): email and SMS are captured in
 * `outbox/` of the data folder, the VAPID key pair is made once into `vapid.json`, push may target a
 * push service on the loopback address (tests start one), and the demo users are in the staff
 * directory with made-up addresses under the reserved `.example` domain.
 */
export const localNotificationEnv = async (
  dataDir: string,
  leaderId: string,
): Promise<Record<string, string>> => {
  const keys = await loadOrCreateVapid(join(dataDir, 'vapid.json'));
  return {
    [NOTIFY_ENV.emailSender]: 'local',
    [NOTIFY_ENV.smsSender]: 'local',
    [NOTIFY_ENV.localOutboxDir]: join(dataDir, 'outbox'),
    [NOTIFY_ENV.vapidPublicKey]: keys.publicKey,
    [NOTIFY_ENV.vapidPrivateKey]: keys.privateKey,
    [NOTIFY_ENV.vapidSubject]: 'mailto:ops@qingshan.example',
    [NOTIFY_ENV.pushAllowLoopback]: 'true',
    [NOTIFY_ENV.districtLeaderIds]: leaderId,
  };
};

const loadOrCreateVapid = async (file: string): Promise<{ publicKey: string; privateKey: string }> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { publicKey: string; privateKey: string };
  } catch {
    const keys = generateVapidKeys();
    await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
    return keys;
  }
};

const DEMO_NAMES: Readonly<Record<string, string>> = {
  'deputy-li': '李代表',
  'handler-eco': '生态环境局经办人',
  'head-eco': '生态环境局负责人',
  'supervisor-wang': '人大代表工委王科长',
  admin: '系统管理员',
  'leader-zhao': '赵区长',
};

/** Demo users (and the demo district leader) into the staff directory, with made-up contacts. */
export const seedDirectory = async (directory: UserDirectory, users: readonly LocalUser[]): Promise<void> => {
  for (const [index, user] of users.entries()) {
    if ((await directory.getPerson(user.sub)) !== undefined) continue;
    await directory.putPerson({
      id: user.sub,
      name: DEMO_NAMES[user.username] ?? user.username,
      roles: user.groups as Role[],
      ...(user.department === undefined ? {} : { departmentId: user.department }),
      email: `${user.username}@qingshan.example`,
      phone: `+861380000${String(index + 1).padStart(4, '0')}`,
      status: 'active',
    });
  }
};
