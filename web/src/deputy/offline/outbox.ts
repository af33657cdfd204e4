import { ApiError, NetworkError } from '../../shared/api.ts';
import type { DeputyApi } from '../api.ts';
import { allDrafts, type Draft, type DraftMedia, follow, newId, notifyDrafts, saveDraft } from './db.ts';

/**
 * The outbox sends queued drafts when the network allows: for each photo or video the three upload
 * steps (slot, S3 POST, complete), each saved as it succeeds, then the case with its
 * Idempotency-Key (or the comment on a followed case). A network failure leaves the draft queued;
 * a refusal marks it failed with the API's reason. A draft closed mid-upload resumes from its last
 * saved step.
 */
export interface Outbox {
  /** Sends everything queued now (no-op while a run is going). */
  flush(): Promise<void>;
  queue(draft: Draft): Promise<void>;
  retry(draft: Draft): Promise<void>;
}

export const createOutbox = (api: DeputyApi): Outbox => {
  let running: Promise<void> | undefined;

  const flush = async () => {
    running ??= sendQueued(api).finally(() => {
      running = undefined;
    });
    return running;
  };

  const queue = async (draft: Draft) => {
    await saveDraft({ ...draft, status: 'queued', idempotencyKey: draft.idempotencyKey ?? newId() });
    void flush();
  };

  return { flush, queue, retry: (draft) => queue({ ...draft, error: undefined }) };
};

/** Sends the queued drafts one by one, oldest change last; stops when offline or signed out. */
const sendQueued = async (api: DeputyApi) => {
  const waiting = (await allDrafts()).filter(
    (draft) => draft.status === 'queued' || draft.status === 'sending',
  );
  for (const draft of waiting) {
    if (!navigator.onLine) return;
    if (await send(api, draft)) return;
  }
};

/** Sends one draft; true when the run should stop (offline or signed out). */
const send = async (api: DeputyApi, original: Draft): Promise<boolean> => {
  let draft = await saveDraft({ ...original, status: 'sending', attempts: original.attempts + 1 });
  try {
    for (const [index, media] of draft.media.entries()) {
      draft = await uploadOne(api, draft, index, media);
    }
    const mediaIds = draft.media.map((media) => media.uploadId ?? '');
    if (draft.kind === 'comment' && draft.targetCaseId !== undefined) {
      await api.addComment(draft.targetCaseId, { text: commentText(draft), mediaIds });
      await follow(draft.targetCaseId);
      await saveDraft({
        ...draft,
        status: 'sent',
        caseId: draft.targetCaseId,
        sentAt: now(),
        error: undefined,
      });
    } else {
      const created = await api.submitCase(caseBody(draft, mediaIds), draft.idempotencyKey ?? newId());
      await saveDraft({ ...draft, status: 'sent', caseId: created.id, sentAt: now(), error: undefined });
    }
    return false;
  } catch (error) {
    return handleFailure(draft, error);
  }
};

const handleFailure = async (draft: Draft, error: unknown): Promise<boolean> => {
  if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 500)) {
    await saveDraft({ ...draft, status: 'queued', error: 'network' });
    return error instanceof NetworkError;
  }
  if (error instanceof ApiError && error.status === 401) {
    await saveDraft({ ...draft, status: 'queued', error: 'signedOut' });
    return true;
  }
  await saveDraft({ ...draft, status: 'failed', error: (error as Error).message });
  notifyDrafts();
  return false;
};

/** Each step is saved before the next, so a retry starts after the last one that succeeded. */
const uploadOne = async (api: DeputyApi, draft: Draft, index: number, media: DraftMedia): Promise<Draft> => {
  let current = media;
  const store = async (next: DraftMedia) => {
    current = next;
    draft = await saveDraft({ ...draft, media: draft.media.map((m, i) => (i === index ? next : m)) });
  };
  if (current.ready === true) return draft;
  const expired = current.slot !== undefined && Date.parse(current.slot.expiresAt) < Date.now() + 30_000;
  if (current.uploaded !== true && (current.slot === undefined || expired)) {
    const slot = await api.createUpload({
      contentType: current.contentType as Parameters<DeputyApi['createUpload']>[0]['contentType'],
      sizeBytes: current.blob.size,
      fileName: current.fileName,
    });
    await store({
      ...current,
      uploadId: slot.uploadId,
      slot: { url: slot.url, fields: slot.fields, expiresAt: slot.expiresAt },
    });
  }
  if (current.uploaded !== true && current.slot !== undefined) {
    await postToStorage(current.slot, current.blob, current.fileName);
    await store({ ...current, uploaded: true });
  }
  await complete(api, current.uploadId ?? '');
  await store({ ...current, ready: true });
  return draft;
};

/** A completion whose answer was lost is asked again: 409 then means it is done if the file is ready. */
const complete = async (api: DeputyApi, uploadId: string) => {
  try {
    await api.completeUpload(uploadId);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    if ((await api.getMedia(uploadId)).status !== 'ready') throw error;
  }
};

const postToStorage = async (slot: NonNullable<DraftMedia['slot']>, blob: Blob, fileName: string) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
  form.append('file', blob, fileName); // S3 wants the file last
  let response: Response;
  try {
    response = await fetch(slot.url, { method: 'POST', body: form });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  if (!response.ok)
    throw new ApiError(response.status, {
      type: 'about:blank',
      title: `上传失败 (upload failed, ${response.status})`,
      status: response.status,
    });
};

const caseBody = (draft: Draft, mediaIds: string[]) => ({
  categoryId: draft.categoryId ?? 'other',
  title: draft.title.trim(),
  description: draft.description.trim(),
  isPublic: draft.isPublic,
  mediaIds,
  ...(draft.location === undefined
    ? {}
    : {
        location: {
          latitude: draft.location.latitude,
          longitude: draft.location.longitude,
          ...(draft.location.address ? { address: draft.location.address } : {}),
        },
      }),
});

const commentText = (draft: Draft) =>
  [draft.title.trim(), draft.description.trim()].filter((part) => part !== '').join('\n') || '（补充照片）';

const now = () => new Date().toISOString();
