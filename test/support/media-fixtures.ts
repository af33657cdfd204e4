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
export const jpegWithGps = (): Buffer =>
  bytes(
    [0xff, 0xd8],
    segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe1, bytes('Exif\0\0', tiffWithGps())),
    segment(0xdb, bytes([0], Buffer.alloc(64, 1))),
    [0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0],
    [0x12, 0x34, 0xff, 0x00, 0x56],
    [0xff, 0xd9],
  );

/** The 80-byte big-endian TIFF structure described above (header, IFD0, GPS IFD, latitude). */
export const tiffWithGps = (): Buffer =>
  bytes(
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

/** An ISO-BMFF box: 32-bit size, type (a four-char string or four raw bytes), payload. */
export const box = (type: string | number[], ...parts: (number[] | string | Uint8Array)[]): Buffer => {
  const payload = bytes(...parts);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(payload.length + 8);
  return bytes(size, typeof type === 'string' ? Buffer.from(type, 'latin1') : type, payload);
};
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** XMP packet with GPS as two attributes and one element, beside a camera make that must survive. */
export const XMP_WITH_GPS =
  '<x:xmpmeta><rdf:Description exif:GPSLatitude="30,35.7767N" exif:GPSLongitude="114,18.3000E" ' +
  'tiff:Make="Huawei"><exif:GPSAltitude>21/1</exif:GPSAltitude></rdf:Description></x:xmpmeta>';

/**
 * A HEIC as a phone lays it out: ftyp (heic, mif1), meta {hdlr pict, iinf with an Exif item (id 1)
 * and an XMP mime item (id 2), iloc v0 with 4-byte offsets/lengths}, then mdat holding the Exif
 * payload (4-byte TIFF-header offset 0 + tiffWithGps()) and the XMP packet. The iloc offsets are
 * absolute: the length of everything before mdat's payload, which does not depend on their values.
 */
export const heicWithGps = (): Buffer => {
  const exif = bytes([0, 0, 0, 0], tiffWithGps());
  const xmp = Buffer.from(XMP_WITH_GPS, 'latin1');
  const ftyp = box('ftyp', 'heic', [0, 0, 0, 0], 'mif1heic');
  const head = (exifAt: number, xmpAt: number) =>
    box(
      'meta',
      [0, 0, 0, 0],
      box('hdlr', [0, 0, 0, 0, 0, 0, 0, 0], 'pict', Buffer.alloc(12), [0]),
      box(
        'iinf',
        [0, 0, 0, 0],
        u16(2),
        box('infe', [2, 0, 0, 0], u16(1), u16(0), 'Exif', [0]),
        box('infe', [2, 0, 0, 0], u16(2), u16(0), 'mime', [0], 'application/rdf+xml', [0]),
      ),
      box(
        'iloc',
        [0, 0, 0, 0],
        [0x44, 0x00],
        u16(2),
        [...u16(1), ...u16(0), ...u16(1), ...u32(exifAt), ...u32(exif.length)],
        [...u16(2), ...u16(0), ...u16(1), ...u32(xmpAt), ...u32(xmp.length)],
      ),
    );
  const payloadAt = ftyp.length + head(0, 0).length + 8;
  return bytes(ftyp, head(payloadAt, payloadAt + exif.length), box('mdat', exif, xmp));
};

/** The ISO 6709 location a phone writes into ©xyz: 30.5° N, 114.3° E (Wuhan). */
export const ISO6709 = '+30.5000+114.3000/';

/**
 * An MP4 with its location in both places a phone writes it: moov/udta/©xyz (16-bit length,
 * 16-bit language, string) and QuickTime moov/meta (plain box) with keys entry 1 =
 * com.apple.quicktime.location.ISO6709 and ilst child 1 holding a data box (type 1 = UTF-8, locale 0,
 * value). A trak's udta carries a second ©xyz; mdat comes before moov, as some cameras write it.
 */
export const mp4WithLocation = (): Buffer => {
  const xyz = box('\u00a9xyz', u16(ISO6709.length), [0x15, 0xc7], ISO6709);
  const key = 'com.apple.quicktime.location.ISO6709';
  return bytes(
    box('ftyp', 'isom', [0, 0, 2, 0], 'isommp41'),
    box('mdat', Buffer.alloc(32, 0x42)),
    box(
      'moov',
      box('mvhd', Buffer.alloc(100, 1)),
      box('trak', box('tkhd', Buffer.alloc(84, 2)), box('udta', xyz)),
      box('udta', xyz, box('\u00a9too', u16(4), [0x15, 0xc7], 'Lavf')),
      box(
        'meta',
        box('hdlr', Buffer.alloc(8), 'mdta', Buffer.alloc(12), [0]),
        box('keys', [0, 0, 0, 0], u32(1), u32(key.length + 8), 'mdta', key),
        box('ilst', box(u32(1), box('data', u32(1), u32(0), ISO6709))),
      ),
    ),
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
