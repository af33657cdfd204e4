import { ApiError, NetworkError } from '../../shared/api.ts';
import type { DeputyApi } from '../api.ts';
import { forgetPushDevice, savePushDevice, storedPushDevice } from './push-device.ts';
import { base64UrlToBytes } from './vapid-key.ts';

/**
 * Web Push on this device: permission, the browser's subscription with the deployment's VAPID key
 * (from `GET /push-subscriptions`), and its registration at the API (`POST /push-subscriptions`).
 * Loaded only when the deputy turns push on or off, signs out, or a device with push on starts.
 */
export type PushState = 'unsupported' | 'denied' | 'off' | 'on';
export type PushRefusal = 'denied' | 'dismissed' | 'notConfigured' | 'unsupported';

export class PushRefused extends Error {
  readonly reason: PushRefusal;
  constructor(reason: PushRefusal) {
    super(reason);
    this.reason = reason;
  }
}

export const pushSupported = (): boolean =>
  'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

const registration = async () => (await navigator.serviceWorker.getRegistration('/app/')) ?? undefined;
const currentSubscription = async () => (await (await registration())?.pushManager.getSubscription()) ?? null;

export const pushState = async (userId: string): Promise<PushState> => {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const device = storedPushDevice(userId);
  if (device === undefined || Notification.permission !== 'granted') return 'off';
  return (await currentSubscription())?.endpoint === device.endpoint ? 'on' : 'off';
};

const sameBytes = (a: ArrayBuffer | null, b: Uint8Array) =>
  a !== null && a.byteLength === b.length && new Uint8Array(a).every((byte, i) => byte === b[i]);

/** Asks for permission (the deputy just tapped the switch), subscribes, and registers the device. */
export const enablePush = async (api: DeputyApi, userId: string): Promise<void> => {
  if (!pushSupported()) throw new PushRefused('unsupported');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushRefused(permission === 'denied' ? 'denied' : 'dismissed');
  const { vapidPublicKey } = await api.listPushDevices();
  if (vapidPublicKey === null) throw new PushRefused('notConfigured');
  const key = base64UrlToBytes(vapidPublicKey);
  const ready = await navigator.serviceWorker.ready;
  let subscription = await ready.pushManager.getSubscription();
  // A subscription made for another key (the deployment's keys were replaced) cannot be pushed to.
  if (subscription !== null && !sameBytes(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const json = subscription.toJSON();
  const device = await api.addPushDevice({
    endpoint: subscription.endpoint,
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
    userAgent: navigator.userAgent.slice(0, 300),
  });
  savePushDevice(userId, { id: device.id, endpoint: subscription.endpoint });
};

/**
 * The API forgets the device, then the browser drops the subscription. Offline, the browser's
 * side is still undone: the push service then answers "gone" and the API forgets it by itself.
 */
export const disablePush = async (api: DeputyApi, userId: string): Promise<void> => {
  const device = storedPushDevice(userId);
  if (device !== undefined) {
    await api.deletePushDevice(device.id).catch((error: unknown) => {
      const settled = error instanceof NetworkError || (error instanceof ApiError && error.status === 404);
      if (!settled) throw error;
    });
  }
  forgetPushDevice(userId);
  await (await currentSubscription())?.unsubscribe();
};

/**
 * On start, for a device that had push on: the browser may have replaced or dropped the
 * subscription, the API may have forgotten the device (the push service said it was gone, or it was
 * the oldest of too many), or the deputy may have withdrawn the permission in the browser's settings.
 */
export const resyncPush = async (api: DeputyApi, userId: string): Promise<void> => {
  const device = storedPushDevice(userId);
  if (device === undefined || !pushSupported()) return;
  if (Notification.permission !== 'granted') return disablePush(api, userId);
  const [subscription, known] = await Promise.all([currentSubscription(), api.listPushDevices()]);
  const sameSubscription = subscription?.endpoint === device.endpoint;
  if (sameSubscription && known.items.some((item) => item.id === device.id)) return;
  if (!sameSubscription) await api.deletePushDevice(device.id).catch(() => undefined);
  await enablePush(api, userId);
};
