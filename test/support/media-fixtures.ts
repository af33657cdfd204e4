import type { TestStack } from './local-stack.ts';

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const segment = (marker: number, payload: Buffer) =>
  bytes([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff], payload);

/** Bytes of the GPS latitude rationals in the fixture: find them and the location is there. */
export const GPS_LATITUDE = bytes([
  0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0, 35, 0, 0, 0, 1, 0, 0, 0x12, 0x34, 0, 0, 0, 100,
]);

/**
 * A tiny JPEG as a phone writes it: SOI, APP0 JFIF, APP1 Exif whose IFD0 points (tag 0x8825) at a
 * GPS IFD holding GPSLatitudeRef 'N' and GPSLatitude 30°35'46.60", then a quantisation table, a
 * scan and EOI. Offsets are from the TIFF header: IFD0 at 8 (2 + 12 + 4 = 18 bytes), GPS IFD at 26
 * (2 + 2×12 + 4 = 30 bytes), the latitude's three rationals at 56.
 */
export const jpegWithGps = (): Buffer => {
  const tiff = bytes(
    'MM',
    [0, 42, 0, 0, 0, 8],
    [0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26],
    [0, 0, 0, 0],
    [0, 2],
    [0, 1, 0, 2, 0, 0, 0, 2, 0x4e, 0, 0, 0],
    [0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 56],
    [0, 0, 0, 0],
    GPS_LATITUDE,
  );
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe1, bytes('Exif\0\0', tiff)),
    segment(0xdb, bytes([0], Buffer.alloc(64, 1))),
    [0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0],
    [0x12, 0x34, 0xff, 0x00, 0x56],
    [0xff, 0xd9],
  );
};

/** A minimal PNG: signature, IHDR, IEND (CRCs are not checked by anything here). */
export const png = (): Buffer => {
  const chunk = (type: string, data: Buffer) => bytes([0, 0, 0, data.length], type, data, [0, 0, 0, 0]);
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', Buffer.alloc(13, 1)),
    chunk('IEND', Buffer.alloc(0)),
  );
};

export interface Slot {
  uploadId: string;
  key: string;
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
}

/** `POST /media/uploads` as a client does it. */
export const requestSlot = async (t: TestStack, token: string, contentType: string, sizeBytes: number) => {
  const response = await t.api('/media/uploads', {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contentType, sizeBytes, fileName: 'photo' }),
  });
  if (response.status !== 201) throw new Error(`slot refused: ${response.status} ${await response.text()}`);
  return (await response.json()) as Slot;
};

/** The browser's form POST to the slot: its fields, then the file last (S3 ignores what follows it). */
export const postToSlot = (slot: Slot, file: Uint8Array, fields: Record<string, string> = slot.fields) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file)], { type: fields['Content-Type'] ?? '' }), 'photo');
  return fetch(slot.url, { method: 'POST', body: form });
};

export const completeMedia = (t: TestStack, token: string, id: string) =>
  t.api(`/media/${id}/complete`, { method: 'POST', token });

/** Slot → upload → complete; the id of a ready file owned by the token's user. */
export const uploadReadyPhoto = async (t: TestStack, token: string, file: Buffer = jpegWithGps()) => {
  const slot = await requestSlot(t, token, 'image/jpeg', file.length);
  const upload = await postToSlot(slot, file);
  if (upload.status >= 300) throw new Error(`upload refused: ${upload.status} ${await upload.text()}`);
  const completed = await completeMedia(t, token, slot.uploadId);
  if (completed.status !== 200) throw new Error(`completion refused: ${completed.status}`);
  return slot.uploadId;
};
