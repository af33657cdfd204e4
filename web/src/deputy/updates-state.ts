import { useEffect, useState } from 'react';
import type { Session } from '../shared/auth.ts';
import type { CaseView, DeputyApi, SuggestionView } from './api.ts';
import { followedCaseIds, markSeen, seenVersion } from './offline/db.ts';

/**
 * Unread updates on my cases, the cases I follow and my suggestions, derived from their versions:
 * every workflow step bumps a record's version, so a version above the one last seen is news. The
 * first run on a device takes what is there as read (no flood of old news). Push comes later.
 */
export interface UpdateItem {
  key: string;
  kind: 'case' | 'suggestion';
  id: string;
  title: string;
  state: string;
  version: number;
}

let unread: UpdateItem[] = [];
const listeners = new Set<(items: UpdateItem[]) => void>();
const publish = (items: UpdateItem[]) => {
  unread = items;
  for (const listener of listeners) listener(items);
};

export const useUpdates = (): UpdateItem[] => {
  const [items, setItems] = useState(unread);
  useEffect(() => {
    listeners.add(setItems);
    return () => {
      listeners.delete(setItems);
    };
  }, []);
  return items;
};

export const useUnreadCount = (): number => useUpdates().length;

export const refreshUpdates = async (api: DeputyApi, session: Session): Promise<void> => {
  const items = await watchedItems(api, session);
  const initKey = `qs.updates.init.${session.userId}`;
  const first = localStorage.getItem(initKey) === null;
  const fresh: UpdateItem[] = [];
  for (const item of items) {
    const seen = await seenVersion(item.key);
    if (first || seen === undefined) await markSeen(item.key, first ? item.version : 1);
    if (!first && item.version > (seen ?? 1)) fresh.push(item);
  }
  localStorage.setItem(initKey, new Date().toISOString());
  publish(fresh);
  // When the last check finished (tests wait on it; nothing reads it otherwise).
  document.documentElement.dataset.updatesCheckedAt = new Date().toISOString();
};

/** Called when the deputy opens a record: its updates are read. */
export const markRead = async (kind: 'case' | 'suggestion', id: string, version: number) => {
  await markSeen(`${kind}:${id}`, version);
  publish(unread.filter((item) => item.key !== `${kind}:${id}`));
};

const watchedItems = async (api: DeputyApi, session: Session): Promise<UpdateItem[]> => {
  const [mine, suggestions, followed] = await Promise.all([
    api.listCases({ reporter: session.userId, limit: 100 }),
    api.listSuggestions(),
    followedCaseIds(),
  ]);
  const cases = new Map<string, CaseView>(mine.items.map((item) => [item.id, item]));
  for (const id of followed.filter((candidate) => !cases.has(candidate))) {
    const found = await api.getCase(id).catch(() => undefined);
    if (found !== undefined) cases.set(id, found);
  }
  return [
    ...[...cases.values()].map((c) => item('case', c)),
    ...suggestions.items.map((s: SuggestionView) => item('suggestion', s)),
  ];
};

const item = (
  kind: 'case' | 'suggestion',
  record: { id: string; title: string; state: string; version: number },
) => ({
  key: `${kind}:${record.id}`,
  kind,
  id: record.id,
  title: record.title,
  state: record.state,
  version: record.version,
});
