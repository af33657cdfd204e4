import { createHash } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localBucketName } from '../../infra/local/environment.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import {
  completeMedia,
  GPS_LATITUDE,
  heicWithGps,
  ISO6709,
  jpegWithGps,
  mp4WithLocation,
  png,
  postToSlot,
  requestSlot,
  tiffWithGps,
  uploadReadyPhoto,
} from '../support/media-fixtures.ts';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

type Role = 'deputy' | 'handler' | 'head' | 'supervisor' | 'admin';
const token = (role: Role) => t.stack.users[role].token;

interface MediaDownload {
  id: string;
  status: string;
  contentType?: string;
  sizeBytes?: number;
  sha256?: string;
  hasPublicCopy: boolean;
  rejectionReason?: string;
  download?: { variant: string; url: string; expiresAt: string };
}

const getMedia = async (id: string, tokenValue: string, query = '') =>
  t.api(`/media/${id}${query}`, { token: tokenValue });

const fetchBytes = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
};

const otherDeputy = () =>
  t.stack.issueToken({ sub: 'deputy-other-sub', username: 'deputy-qian', groups: ['deputy'] });

/** Runs `probe` with the process clock moved forward (s3rver and the proxy read the same Date). */
const later = async <T>(ms: number, probe: () => Promise<T>): Promise<T> => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
  try {
    return await probe();
  } finally {
    vi.useRealTimers();
  }
};

const publicReport = {
  categoryId: 'sanitationDeadCorner',
  title: '垃圾堆积',
  description: '小区后门垃圾堆积多日',
  isPublic: true,
};

describe('media: upload slot → completion by bytes → download link', () => {
  it('files a JPEG with GPS as ready, serves a public copy without GPS and the original to its owner', async () => {
    // Prepare
    const photo = jpegWithGps();
    const slot = await requestSlot(t, token('deputy'), 'image/jpeg', photo.length);

    // Act
    const upload = await postToSlot(slot, photo);
    const completed = await completeMedia(t, token('deputy'), slot.uploadId);

    // Assess: the completion reports what the bytes are, not what the client said
    expect(upload.status).toBe(204);
    expect(completed.status).toBe(200);
    expect(await completed.json()).toMatchObject({
      id: slot.uploadId,
      status: 'ready',
      contentType: 'image/jpeg',
      sizeBytes: photo.length,
      sha256: createHash('sha256').update(photo).digest('hex'),
      hasPublicCopy: true,
    });
    const view = (await (await getMedia(slot.uploadId, token('deputy'))).json()) as MediaDownload;
    expect(view.download?.variant).toBe('public');
    const url = new URL(view.download?.url ?? '');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    const publicCopy = await fetchBytes(url.href);
    expect(publicCopy.status).toBe(200);
    expect(publicCopy.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(publicCopy.bytes.includes(GPS_LATITUDE)).toBe(false);
    expect(publicCopy.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);

    const original = (await (
      await getMedia(slot.uploadId, token('deputy'), '?variant=original')
    ).json()) as MediaDownload;
    expect(original.download?.variant).toBe('original');
    expect((await fetchBytes(original.download?.url ?? '')).bytes).toEqual(photo);
  });

  it('hands out a link that S3 refuses once its five minutes are over', async () => {
    const id = await uploadReadyPhoto(t, token('deputy'));
    const view = (await (await getMedia(id, token('deputy'))).json()) as MediaDownload;
    const url = view.download?.url ?? '';
    expect((await later(4 * 60_000, () => fetchBytes(url))).status).toBe(200);
    const expired = await later(5 * 60_000 + 2_000, () => fetch(url));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('hides a file attached to nothing (404) from everyone but its owner; another deputy cannot complete it', async () => {
    const id = await uploadReadyPhoto(t, token('deputy'));
    const stranger = await otherDeputy();
    expect((await getMedia(id, stranger)).status).toBe(404);
    expect((await completeMedia(t, stranger, id)).status).toBe(404);
    // Who else may read it follows the record it is attached to (media-access.test.ts).
    expect((await getMedia(id, token('handler'))).status).toBe(404);
    expect((await getMedia(id, token('supervisor'))).status).toBe(404);
    expect((await getMedia('no-such-media', token('admin'))).status).toBe(404);
  });
  it.each([
    {
      name: 'a HEIC with Exif GPS and XMP GPS',
      type: 'image/heic',
      file: heicWithGps,
      located: GPS_LATITUDE,
    },
    {
      name: 'an MP4 with ©xyz and an ISO6709 key',
      type: 'video/mp4',
      file: mp4WithLocation,
      located: ISO6709,
    },
  ])('files $name with a same-size public copy that has no location, served by default', async (c) => {
    const file = c.file();
    const located = Buffer.from(c.located as Uint8Array | string);
    const slot = await requestSlot(t, token('deputy'), c.type, file.length);
    expect((await postToSlot(slot, file)).status).toBe(204);

    const completed = await completeMedia(t, token('deputy'), slot.uploadId);

    expect(await completed.json()).toMatchObject({
      status: 'ready',
      contentType: c.type,
      hasPublicCopy: true,
    });
    const seen = (await (await getMedia(slot.uploadId, token('deputy'))).json()) as MediaDownload;
    expect(seen.download?.variant).toBe('public');
    const publicCopy = await fetchBytes(seen.download?.url ?? '');
    expect(publicCopy.status).toBe(200);
    expect(publicCopy.bytes.length).toBe(file.length); // blanked in place: no size or offset moved
    expect(file.includes(located)).toBe(true);
    expect(publicCopy.bytes.includes(located)).toBe(false);
    const original = (await (
      await getMedia(slot.uploadId, token('deputy'), '?variant=original')
    ).json()) as MediaDownload;
    expect((await fetchBytes(original.download?.url ?? '')).bytes).toEqual(file);
    expect((await getMedia(slot.uploadId, await otherDeputy())).status).toBe(404);
  });

  it('publishes no copy of a HEIC it cannot parse safely: the owner gets the original, other readers no link', async () => {
    // The Exif item's TIFF header is damaged, so GPS cannot be found and blanking is not promised.
    const file = heicWithGps();
    file.write('XX', file.indexOf(tiffWithGps()), 'latin1');
    const slot = await requestSlot(t, token('deputy'), 'image/heic', file.length);
    expect((await postToSlot(slot, file)).status).toBe(204);

    const completed = await completeMedia(t, token('deputy'), slot.uploadId);

    expect(await completed.json()).toMatchObject({ status: 'ready', hasPublicCopy: false });
    const view = (await (await getMedia(slot.uploadId, token('deputy'))).json()) as MediaDownload;
    expect(view.download?.variant).toBe('original');
    expect((await fetchBytes(view.download?.url ?? '')).bytes).toEqual(file);
    // On a public case, another deputy may know the file but gets no link: only the original exists.
    const created = await t.api('/cases', {
      method: 'POST',
      token: token('deputy'),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...publicReport, mediaIds: [slot.uploadId] }),
    });
    expect(created.status).toBe(201);
    const seenByOther = await getMedia(slot.uploadId, await otherDeputy());
    expect(seenByOther.status).toBe(200);
    expect(((await seenByOther.json()) as MediaDownload).download).toBeUndefined();
  });
});

describe('media: the upload policy is enforced as S3 enforces it', () => {
  it('refuses a file larger than its type allows with EntityTooLarge (400)', async () => {
    const slot = await requestSlot(t, token('deputy'), 'image/jpeg', 1000);
    // 20 MiB is the JPEG cap (media-types.ts): one byte more.
    const tooBig = Buffer.concat([jpegWithGps(), Buffer.alloc(slot.maxBytes + 1 - jpegWithGps().length)]);
    const response = await postToSlot(slot, tooBig);
    expect(response.status).toBe(400);
    const xml = await response.text();
    expect(xml).toContain('<Code>EntityTooLarge</Code>');
    expect(xml).toContain(`<MaxSizeAllowed>${20 * 1024 * 1024}</MaxSizeAllowed>`);
    expect((await completeMedia(t, token('deputy'), slot.uploadId)).status).toBe(409);
  });

  it('refuses a changed key, a changed type, an extra field, a forged signature and an expired policy (403)', async () => {
    const photo = jpegWithGps();
    const slot = await requestSlot(t, token('deputy'), 'image/jpeg', photo.length);
    const attempts = {
      key: { ...slot.fields, key: 'media/chosen-by-client/public' },
      type: { ...slot.fields, 'Content-Type': 'text/html' },
      extra: { ...slot.fields, acl: 'public-read' },
      signature: { ...slot.fields, 'X-Amz-Signature': '0'.repeat(64) },
    };
    const codes: Record<string, string> = {};
    for (const [name, fields] of Object.entries(attempts)) {
      const response = await postToSlot(slot, photo, fields);
      expect(response.status, name).toBe(403);
      codes[name] = (await response.text()).match(/<Code>(\w+)<\/Code>/)?.[1] ?? '';
    }
    expect(codes).toEqual({
      key: 'AccessDenied',
      type: 'AccessDenied',
      extra: 'AccessDenied',
      signature: 'SignatureDoesNotMatch',
    });
    // The slot lives 15 minutes (upload-slot.ts).
    const expired = await later(16 * 60_000, () => postToSlot(slot, photo));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Policy expired');
    expect((await postToSlot(slot, photo)).status).toBe(204);
  });

  it('refuses on completion a PNG declared as JPEG (422) and marks it rejected', async () => {
    const file = png();
    const slot = await requestSlot(t, token('deputy'), 'image/jpeg', file.length);
    expect((await postToSlot(slot, file)).status).toBe(204);

    const response = await completeMedia(t, token('deputy'), slot.uploadId);

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain(
      'file content is PNG but declared image/jpeg',
    );
    const view = (await (await getMedia(slot.uploadId, token('deputy'))).json()) as MediaDownload;
    expect(view).toMatchObject({ status: 'rejected' });
    const stored = await t.s3.send(
      new HeadObjectCommand({ Bucket: localBucketName('media'), Key: slot.key }),
    );
    expect(stored.ContentLength).toBe(0);
    expect(view.download).toBeUndefined();
    expect((await completeMedia(t, token('deputy'), slot.uploadId)).status).toBe(422);
  });
});

describe('cases reference only ready media of their reporter', () => {
  const report = (mediaIds: string[]) => ({
    categoryId: 'sanitationDeadCorner',
    title: '垃圾堆积',
    description: '小区后门垃圾堆积多日',
    mediaIds,
  });

  it('answers 422 naming each unusable entry: not completed, unknown, someone else’s', async () => {
    const ready = await uploadReadyPhoto(t, token('deputy'));
    const photo = jpegWithGps();
    const pending = await requestSlot(t, token('deputy'), 'image/jpeg', photo.length);
    await postToSlot(pending, photo);
    const foreign = await uploadReadyPhoto(t, await otherDeputy());

    const response = await t.api('/cases', {
      method: 'POST',
      token: token('deputy'),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report([ready, pending.uploadId, 'no-such-media', foreign])),
    });

    expect(response.status).toBe(422);
    const problem = (await response.json()) as {
      detail: string;
      errors: { path: string; message: string }[];
    };
    expect(problem.detail).toMatch(/^附件不可用 \(mediaIds\[1\]/);
    expect(problem.errors.map((e) => e.path)).toEqual([
      '/body/mediaIds/1',
      '/body/mediaIds/2',
      '/body/mediaIds/3',
    ]);
    expect(problem.errors[0]?.message).toContain('not ready');
  });
});

describe('a case from report to rating with real photos', () => {
  const act = async (id: string, role: Role, action: string, payload?: unknown) => {
    const response = await t.api(`/cases/${id}/transitions`, {
      method: 'POST',
      token: token(role),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, ...(payload === undefined ? {} : { payload }) }),
    });
    expect(response.status, `${action} by ${role}: ${await response.clone().text()}`).toBe(200);
    return (await response.json()) as { state: string; mediaIds: string[]; rectificationMediaIds: string[] };
  };

  it('submits with a photo, takes handler evidence, closes and is rated; staff can open both photos', async () => {
    const photo = await uploadReadyPhoto(t, token('deputy'));
    const created = await t.api('/cases', {
      method: 'POST',
      token: token('deputy'),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryId: 'waterPollution',
        title: '河道排污',
        description: '青山河东岸排污口有黑水排出',
        location: { latitude: 30.596, longitude: 114.3 },
        mediaIds: [photo],
      }),
    });
    expect(created.status).toBe(201);
    const { id, mediaIds } = (await created.json()) as { id: string; mediaIds: string[] };
    expect(mediaIds).toEqual([photo]);

    await act(id, 'supervisor', 'accept', { note: '立案' });
    await act(id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
    expect((await act(id, 'handler', 'signFor')).state).toBe('inProgress');

    // Evidence must be a completed upload too: a pending one is refused, a ready one accepted.
    const evidenceSlot = await requestSlot(t, token('handler'), 'image/jpeg', jpegWithGps().length);
    await postToSlot(evidenceSlot, jpegWithGps());
    const early = await t.api(`/cases/${id}/transitions`, {
      method: 'POST',
      token: token('handler'),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'submitRectification', payload: { mediaIds: [evidenceSlot.uploadId] } }),
    });
    expect(early.status).toBe(422);
    expect(((await early.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(
      '/body/payload/mediaIds/0',
    );
    expect((await completeMedia(t, token('handler'), evidenceSlot.uploadId)).status).toBe(200);
    const rectified = await act(id, 'handler', 'submitRectification', { mediaIds: [evidenceSlot.uploadId] });
    expect(rectified).toMatchObject({ state: 'rectified', rectificationMediaIds: [evidenceSlot.uploadId] });

    expect((await act(id, 'head', 'headSignOff')).state).toBe('awaitingVerification');
    expect((await act(id, 'supervisor', 'verify')).state).toBe('closed');
    expect((await act(id, 'deputy', 'rate', { rating: 'satisfied' })).state).toBe('closed');

    for (const media of [photo, evidenceSlot.uploadId]) {
      const view = (await (await getMedia(media, token('supervisor'))).json()) as MediaDownload;
      expect((await fetchBytes(view.download?.url ?? '')).bytes.includes(GPS_LATITUDE)).toBe(false);
    }
  });
});
