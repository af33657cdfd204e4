import type { MediaContentType } from './media-types.js';
import { stripHeic } from './strip-heic.ts';
import { stripVideo } from './strip-video.ts';

export { UnstrippableMediaError } from './bmff.ts';

export interface StripResult {
  readonly bytes: Uint8Array;
  readonly removed: boolean;
}

const EXIF_ID = 'Exif\0\0';
const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
const latin1 = (b: Uint8Array, from: number, len: number) =>
  Buffer.from(b.subarray(from, from + len)).toString('latin1');

/** JPEG: drop APP1 Exif and APP1 XMP segments (GPS lives there); copy all else byte for byte. */
export function stripJpeg(src: Uint8Array): StripResult {
  const keep: Uint8Array[] = [src.subarray(0, 2)];
  let at = 2;
  let removed = false;
  while (at + 4 <= src.length && src[at] === 0xff) {
    const marker = src[at + 1] as number;
    if (marker === 0xda) break; // SOS: entropy-coded data follows, copy the rest untouched
    const length = ((src[at + 2] as number) << 8) | (src[at + 3] as number);
    const segment = src.subarray(at, at + 2 + length);
    const isApp1 = marker === 0xe1;
    const drop =
      isApp1 &&
      (latin1(src, at + 4, EXIF_ID.length) === EXIF_ID || latin1(src, at + 4, XMP_ID.length) === XMP_ID);
    if (drop) removed = true;
    else keep.push(segment);
    at += 2 + length;
  }
  keep.push(src.subarray(at));
  return { bytes: new Uint8Array(Buffer.concat(keep)), removed };
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

/** PNG: drop eXIf/tEXt/iTXt/zTXt chunks. */
export function stripPng(src: Uint8Array): StripResult {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const keep: Uint8Array[] = [src.subarray(0, 8)];
  let at = 8;
  let removed = false;
  while (at + 12 <= src.length) {
    const length = view.getUint32(at);
    const type = latin1(src, at + 4, 4);
    const chunk = src.subarray(at, at + 12 + length);
    if (PNG_DROP.has(type)) removed = true;
    else keep.push(chunk);
    at += 12 + length;
  }
  keep.push(src.subarray(at));
  return { bytes: new Uint8Array(Buffer.concat(keep)), removed };
}

/** WebP: drop EXIF and XMP chunks, clear the VP8X EXIF (0x08) and XMP (0x04) flags, fix RIFF size. */
export function stripWebp(src: Uint8Array): StripResult {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const keep: Uint8Array[] = [];
  let at = 12;
  let removed = false;
  while (at + 8 <= src.length) {
    const size = view.getUint32(at + 4, true);
    const type = latin1(src, at, 4);
    const chunk = new Uint8Array(src.subarray(at, at + 8 + size + (size % 2)));
    if (type === 'EXIF' || type === 'XMP ') removed = true;
    else {
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] as number) & ~0x0c;
      keep.push(chunk);
    }
    at += 8 + size + (size % 2);
  }
  const body = Buffer.concat(keep);
  const header = Buffer.from(src.subarray(0, 12));
  header.writeUInt32LE(body.length + 4, 4);
  return { bytes: new Uint8Array(Buffer.concat([header, body])), removed };
}

/**
 * Remove location-bearing metadata. JPEG/PNG/WebP drop whole metadata blocks; HEIC and MP4/MOV are
 * blanked in place (same size, same offsets). Throws UnstrippableMediaError when a HEIC or video
 * cannot be parsed safely: the caller then publishes no copy rather than one that may leak.
 */
export function stripLocation(contentType: MediaContentType, bytes: Uint8Array): StripResult {
  switch (contentType) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    case 'image/heic':
      return stripHeic(bytes);
    case 'video/mp4':
    case 'video/quicktime':
      return stripVideo(bytes);
  }
}
