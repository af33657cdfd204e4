import { useEffect, useState } from 'react';
import type { DeputyApi, InboxItem, NotificationList } from '../api.ts';

/**
 * What the shell knows of the deputy's inbox (`GET /notifications`): the unread notifications, for
 * the tab's badge and to mark read what the deputy opens by any way (the 消息 screen, a push, the
 * case page itself). Kept in localStorage per user, so the badge — and the last inbox the 消息 screen
 * loaded — show offline too. Small on purpose: it is part of the shell; the screen is lazy.
 */
export interface UnreadState {
  items: InboxItem[];
  count: number;
}

const EMPTY: UnreadState = { items: [], count: 0 };
const key = (what: 'unread' | 'inbox', userId: string) => `qs.inbox.${what}.${userId}`;

let current: UnreadState = EMPTY;
/**
 * Read on this phone in this session: a check that was already on its way when they were marked
 * (their POSTs not yet through) must not bring them back on the badge.
 */
const readHere = new Set<string>();
const listeners = new Set<(state: UnreadState) => void>();
const publish = (userId: string, state: UnreadState) => {
  current = state;
  localStorage.setItem(key('unread', userId), JSON.stringify(state));
  for (const listener of listeners) listener(state);
};

const read = <T>(storageKey: string): T | undefined => {
  try {
    const text = localStorage.getItem(storageKey);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
};

/** What the API said is unread, less what this phone has just marked read. */
const publishServer = (userId: string, unread: readonly InboxItem[], count: number) => {
  const items = unread.filter((item) => !readHere.has(item.id));
  publish(userId, { items, count: Math.max(0, count - (unread.length - items.length)) });
};

export const useUnread = (): UnreadState => {
  const [state, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return state;
};

/** The badge from the last check at once (offline too), then the API's count. */
export const startInbox = (userId: string) => {
  current = read<UnreadState>(key('unread', userId)) ?? EMPTY;
  for (const listener of listeners) listener(current);
};

export const refreshUnread = async (api: DeputyApi, userId: string): Promise<void> => {
  const page = await api.listNotifications({ unread: 'true', limit: 50 });
  publishServer(userId, page.items, page.unreadCount);
  // When the last check finished (tests wait on it; nothing reads it otherwise).
  document.documentElement.dataset.inboxCheckedAt = new Date().toISOString();
};

/** Marks read at once on the phone, then at the API; offline, the next check brings them back. */
export const markRead = async (
  api: DeputyApi,
  userId: string,
  items: readonly InboxItem[],
): Promise<void> => {
  const unread = new Set(items.filter((item) => item.readAt === undefined).map((item) => item.id));
  if (unread.size === 0) return;
  for (const id of unread) readHere.add(id);
  publish(userId, {
    items: current.items.filter((item) => !unread.has(item.id)),
    count: Math.max(0, current.count - unread.size),
  });
  await Promise.all(
    [...unread].map((id) =>
      api.markNotificationRead(id).catch((error: unknown) => {
        // Not marked (offline): the next check may show it unread again.
        readHere.delete(id);
        throw error;
      }),
    ),
  );
};

/** Opening a case or a suggestion reads what the deputy was told about it. */
export const markSubjectRead = (api: DeputyApi, userId: string, kind: 'case' | 'suggestion', id: string) =>
  markRead(
    api,
    userId,
    current.items.filter((item) => item.subject.kind === kind && item.subject.id === id),
  );

/** A push the deputy tapped names its notification only. */
export const markReadById = async (api: DeputyApi, userId: string, id: string): Promise<void> => {
  const known = current.items.find((item) => item.id === id);
  if (known !== undefined) return markRead(api, userId, [known]);
  readHere.add(id);
  await api.markNotificationRead(id);
  await refreshUnread(api, userId);
};

export const markAllRead = async (api: DeputyApi, userId: string): Promise<void> => {
  await api.markAllNotificationsRead();
  publish(userId, EMPTY);
};

/** The last inbox the 消息 screen loaded, shown at once and when the API cannot be reached. */
export interface CachedInbox {
  list: NotificationList;
  savedAt: string;
}
export const cachedInbox = (userId: string): CachedInbox | undefined =>
  read<CachedInbox>(key('inbox', userId));
export const saveInbox = (userId: string, list: NotificationList) => {
  const cached: CachedInbox = { list, savedAt: new Date().toISOString() };
  localStorage.setItem(key('inbox', userId), JSON.stringify(cached));
  publishServer(
    userId,
    list.items.filter((item) => item.readAt === undefined),
    list.unreadCount,
  );
};

/** On sign-out: nothing of this person's inbox stays on a shared phone. */
export const forgetInbox = (userId: string) => {
  localStorage.removeItem(key('unread', userId));
  localStorage.removeItem(key('inbox', userId));
  current = EMPTY;
};
