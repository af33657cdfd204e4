import { describe, expect, it } from 'vitest';
import { stripLocation } from '../../../shared/domain/media/strip-location.js';

const b = (...parts: (number[] | string | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
// Coordinate bytes of a GPS IFD: latitude rational 31/1 with a marker value we can search for.
const GPS = b([0xde, 0xad, 0xbe, 0xef, 0x31, 0x2e, 0x23, 0x11]);
const has = (hay: Uint8Array, needle: Buffer) => Buffer.from(hay).includes(needle);

function jpegSegment(marker: number, payload: Buffer) {
  return b([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff], payload);
}

describe('stripLocation', () => {
  it('JPEG: removes the APP1 Exif segment with its GPS IFD, keeps other segments intact', () => {
    const app0 = jpegSegment(0xe0, b('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]));
    // TIFF header (big-endian) + IFD0 with one GPSInfo (0x8825) entry pointing at a GPS IFD.
    const tiff = b(
      'MM',
      [0, 42, 0, 0, 0, 8],
      [0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26],
      [0, 0, 0, 0],
      [0, 1, 0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 44],
      [0, 0, 0, 0],
      GPS,
      GPS,
      GPS,
    );
    const app1 = jpegSegment(0xe1, b('Exif\0\0', tiff));
    const xmp = jpegSegment(0xe1, b('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta GPSLatitude="31"/>'));
    const dqt = jpegSegment(0xdb, b([0], Buffer.alloc(64, 1)));
    const sos = b([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0], [0x12, 0x34, 0xff, 0x00, 0x56], [0xff, 0xd9]);
    const file = b([0xff, 0xd8], app0, app1, xmp, dqt, sos);
    expect(has(file, GPS)).toBe(true);
    const out = stripLocation('image/jpeg', file);
    expect(out.removed).toBe(true);
    expect(has(out.bytes, GPS)).toBe(false);
    expect(has(out.bytes, b('GPSLatitude'))).toBe(false);
    expect(Buffer.from(out.bytes).equals(b([0xff, 0xd8], app0, dqt, sos))).toBe(true);
    expect(stripLocation('image/jpeg', out.bytes).removed).toBe(false);
  });

  it('PNG: drops eXIf and text chunks, keeps the rest', () => {
    const chunk = (type: string, data: Buffer) => b([0, 0, 0, data.length], type, data, [1, 2, 3, 4]);
    const sig = b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = chunk('IHDR', Buffer.alloc(13, 1));
    const idat = chunk('IDAT', b([9, 9, 9]));
    const iend = chunk('IEND', Buffer.alloc(0));
    const file = b(
      sig,
      ihdr,
      chunk('eXIf', b('MM', GPS)),
      chunk('tEXt', b('GPS\0', GPS)),
      chunk('iTXt', GPS),
      chunk('zTXt', GPS),
      idat,
      iend,
    );
    const out = stripLocation('image/png', file);
    expect(out.removed).toBe(true);
    expect(has(out.bytes, GPS)).toBe(false);
    expect(Buffer.from(out.bytes).equals(b(sig, ihdr, idat, iend))).toBe(true);
  });

  it('WebP: drops EXIF/XMP chunks, clears VP8X flags and fixes the RIFF size', () => {
    const chunk = (type: string, data: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return b(type, size, data, data.length % 2 ? [0] : []);
    };
    const vp8x = (flags: number) => chunk('VP8X', b([flags, 0, 0, 0, 9, 0, 0, 9, 0, 0]));
    const vp8 = chunk('VP8 ', b([5, 5, 5]));
    const riff = (body: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(body.length + 4);
      return b('RIFF', size, 'WEBP', body);
    };
    const file = riff(b(vp8x(0x0c | 0x10), vp8, chunk('EXIF', b('MM', GPS)), chunk('XMP ', b('<x>', GPS))));
    const out = stripLocation('image/webp', file);
    expect(out.removed).toBe(true);
    expect(has(out.bytes, GPS)).toBe(false);
    expect(Buffer.from(out.bytes).equals(riff(b(vp8x(0x10), vp8)))).toBe(true);
    expect(Buffer.from(out.bytes).readUInt32LE(4)).toBe(out.bytes.length - 8);
  });

  it('leaves videos unchanged', () => {
    const mp4 = new Uint8Array([0, 0, 0, 16, 0x66, 0x74, 0x79, 0x70]);
    expect(stripLocation('video/mp4', mp4)).toEqual({ bytes: mp4, removed: false });
  });
});
