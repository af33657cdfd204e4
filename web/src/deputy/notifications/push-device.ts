import type { Auth } from '../../shared/auth.ts';
import type { DeputyApi } from '../api.ts';
import { forgetInbox } from './inbox-state.ts';

/**
 * This device's push registration, as the API knows it (`id`) and as the browser made it
 * (`endpoint`), remembered per user. Part of the shell because signing out must undo it; the
 * subscribing itself (push.ts) is loaded only when asked for.
 */
export interface PushDevice {
  id: string;
  endpoint: string;
}

const key = (userId: string) => `qs.push.device.${userId}`;

export const storedPushDevice = (userId: string): PushDevice | undefined => {
  try {
    const text = localStorage.getItem(key(userId));
    return text === null ? undefined : (JSON.parse(text) as PushDevice);
  } catch {
    return undefined;
  }
};
export const hasPushDevice = (userId: string) => storedPushDevice(userId) !== undefined;
export const savePushDevice = (userId: string, device: PushDevice) =>
  localStorage.setItem(key(userId), JSON.stringify(device));
export const forgetPushDevice = (userId: string) => localStorage.removeItem(key(userId));

/**
 * Signing out stops pushes to this device (the API forgets it and the browser drops the
 * subscription) and removes the cached inbox: the next person on this phone sees neither.
 */
export const signOutDevice = async (api: DeputyApi, auth: Auth, userId: string | undefined) => {
  if (userId !== undefined) {
    if (hasPushDevice(userId))
      await import('./push.ts').then((push) => push.disablePush(api, userId)).catch(() => undefined);
    forgetInbox(userId);
  }
  await auth.signOut();
};
