import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { CaseCategoryId } from '../../../../shared/domain/cases/case-categories.ts';

/**
 * Everything the deputy makes is kept in IndexedDB from the first tap: drafts (with their photo
 * and video blobs and how far each upload got) and the cases they follow.
 */
export type DraftStatus = 'editing' | 'queued' | 'sending' | 'failed' | 'sent';

export interface DraftLocation {
  latitude: number;
  longitude: number;
  /** Metres, from GPS; absent for a placed pin or typed coordinates. */
  accuracy?: number;
  source: 'gps' | 'exif' | 'pin' | 'typed';
  address?: string;
}

export interface DraftMedia {
  id: string;
  blob: Blob;
  contentType: string;
  fileName: string;
  /** From EXIF, read before compression removed it. */
  takenAt?: string;
  exifLocation?: { latitude: number; longitude: number };
  /** Upload progress, persisted step by step so a closed app resumes where it stopped. */
  uploadId?: string;
  slot?: { url: string; fields: Record<string, string>; expiresAt: string };
  uploaded?: boolean;
  ready?: boolean;
}

export interface Draft {
  id: string;
  /** A new case, or a comment on a case the deputy chose to follow instead. */
  kind: 'case' | 'comment';
  targetCaseId?: string;
  createdAt: string;
  updatedAt: string;
  status: DraftStatus;
  categoryId?: CaseCategoryId;
  title: string;
  description: string;
  isPublic: boolean;
  location?: DraftLocation;
  media: DraftMedia[];
  /** Fixed when the draft is queued: a retry of the same case never makes two. */
  idempotencyKey?: string;
  error?: string;
  attempts: number;
  caseId?: string;
  sentAt?: string;
}

interface Schema extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { status: DraftStatus } };
  follows: { key: string; value: { caseId: string; since: string } };
  /** No longer written (the inbox replaced derived updates); kept so version 1 opens unchanged. */
  seen: { key: string; value: { key: string; version: number; at: string } };
}

let opened: Promise<IDBPDatabase<Schema>> | undefined;

export const db = (): Promise<IDBPDatabase<Schema>> => {
  opened ??= openDB<Schema>('qingshan-deputy', 1, {
    upgrade(database) {
      const drafts = database.createObjectStore('drafts', { keyPath: 'id' });
      drafts.createIndex('status', 'status');
      database.createObjectStore('follows', { keyPath: 'caseId' });
      database.createObjectStore('seen', { keyPath: 'key' });
    },
  });
  return opened;
};

export const newId = (): string => crypto.randomUUID();

export const newDraft = (): Draft => {
  const now = new Date().toISOString();
  return {
    id: newId(),
    kind: 'case',
    createdAt: now,
    updatedAt: now,
    status: 'editing',
    title: '',
    description: '',
    isPublic: true,
    media: [],
    attempts: 0,
  };
};

export const saveDraft = async (draft: Draft): Promise<Draft> => {
  const saved = { ...draft, updatedAt: new Date().toISOString() };
  await (await db()).put('drafts', saved);
  notifyDrafts();
  return saved;
};

export const getDraft = async (id: string) => (await db()).get('drafts', id);
export const allDrafts = async (): Promise<Draft[]> =>
  (await (await db()).getAll('drafts')).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
export const deleteDraft = async (id: string) => {
  await (await db()).delete('drafts', id);
  notifyDrafts();
};

export const follow = async (caseId: string) =>
  (await db()).put('follows', { caseId, since: new Date().toISOString() });
export const followedCaseIds = async (): Promise<string[]> =>
  (await (await db()).getAllKeys('follows')).map(String);

/** Other parts of the app (the outbox banner) listen for draft changes. */
const listeners = new Set<() => void>();
export const onDraftsChanged = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
export const notifyDrafts = () => {
  for (const listener of listeners) listener();
};
