import { describe, expect, it } from 'vitest';
import { stripLocation, UnstrippableMediaError } from '../../../shared/domain/media/strip-location.js';
import {
  box,
  GPS_LATITUDE,
  heicWithGps,
  ISO6709,
  mp4WithLocation,
  tiffWithGps,
} from '../../support/media-fixtures.js';

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
});

/** `file` with [from, to) overwritten by `fill`: what an in-place stripper must produce. */
const blanked = (file: Buffer, ranges: [number, number][], fill: number) => {
  const out = Buffer.from(file);
  for (const [from, to] of ranges) out.fill(fill, from, to);
  return out;
};
const rangeOf = (file: Buffer, text: string) => {
  const at = file.indexOf(Buffer.from(text, 'latin1'));
  if (at < 0) throw new Error(`${text} not in fixture`);
  return [at, at + text.length] as [number, number];
};

describe('stripLocation: HEIC, in place', () => {
  it('zeroes the GPS IFD, its values and the GPSInfo pointer, blanks XMP exif:GPS*, keeps every other byte', () => {
    const file = heicWithGps();
    const out = Buffer.from(stripLocation('image/heic', file).bytes);
    // TIFF offsets (media-fixtures.ts): GPSInfo value field 18..22, IFD0's next pointer 22..26 (already 0),
    // GPS IFD 26..56 (2 + 2×12 + 4), latitude rationals 56..80: so TIFF bytes 18..80 become 0.
    const tiff = file.indexOf(tiffWithGps());
    const gpsAttributes = [
      'exif:GPSLatitude="30,35.7767N"',
      'exif:GPSLongitude="114,18.3000E"',
      '<exif:GPSAltitude>21/1</exif:GPSAltitude>',
    ].map((text) => rangeOf(file, text));
    const expected = blanked(blanked(file, [[tiff + 18, tiff + 80]], 0), gpsAttributes, 0x20);
    expect(out.length).toBe(file.length);
    expect(out.equals(expected)).toBe(true);
    expect(out.includes(GPS_LATITUDE)).toBe(false);
    expect(out.includes(Buffer.from('GPS', 'latin1'))).toBe(false);
    expect(out.includes(Buffer.from('tiff:Make="Huawei"', 'latin1'))).toBe(true);
    expect(file.includes(GPS_LATITUDE)).toBe(true); // the input is not modified
    expect(stripLocation('image/heic', out).removed).toBe(false);
  });

  it('refuses (typed error) when iloc points outside the file or the Exif item has no TIFF header', () => {
    const file = heicWithGps();
    const exifLength = 4 + tiffWithGps().length; // 84
    // The Exif extent is the first one in iloc: patch its 4-byte length to run past the end.
    const lengthAt = file.indexOf(Buffer.from([0, 0, 0, exifLength, 0, 2]));
    const overrun = Buffer.from(file);
    overrun.writeUInt32BE(file.length, lengthAt);
    expect(() => stripLocation('image/heic', overrun)).toThrow(UnstrippableMediaError);
    const noTiff = Buffer.from(file);
    noTiff.write('XX', file.indexOf(tiffWithGps()), 'latin1');
    expect(() => stripLocation('image/heic', noTiff)).toThrow(UnstrippableMediaError);
    const badBox = Buffer.from(file);
    badBox.writeUInt32BE(0xffff, 24); // meta's size now runs past the file
    expect(() => stripLocation('image/heic', badBox)).toThrow(UnstrippableMediaError);
  });

  it('leaves a HEIC without metadata items byte-identical', () => {
    const file = Buffer.concat([box('ftyp', 'heic', [0, 0, 0, 0], 'mif1'), box('mdat', [1, 2, 3])]);
    const out = stripLocation('image/heic', file);
    expect(out.removed).toBe(false);
    expect(Buffer.from(out.bytes).equals(file)).toBe(true);
  });
});

describe('stripLocation: MP4/MOV, in place', () => {
  it('blanks ©xyz (movie and track udta) and the QuickTime ISO6709 value, keeps every other byte', () => {
    const file = mp4WithLocation();
    const out = Buffer.from(stripLocation('video/mp4', file).bytes);
    // The location string appears three times: trak/udta/©xyz, moov/udta/©xyz, meta/ilst/data.
    const hits: [number, number][] = [];
    for (let at = file.indexOf(ISO6709); at >= 0; at = file.indexOf(ISO6709, at + 1))
      hits.push([at, at + ISO6709.length]);
    expect(hits).toHaveLength(3);
    expect(out.equals(blanked(file, hits, 0x20))).toBe(true);
    expect(out.includes(Buffer.from('Lavf', 'latin1'))).toBe(true);
    expect(stripLocation('video/quicktime', out).removed).toBe(false);
  });

  it('skips mdat by 64-bit largesize and by size 0 (to the end) without reading it', () => {
    const moov = box('moov', box('udta', box('\u00a9xyz', [0, 4, 0x15, 0xc7], '+1+2')));
    const ftyp = box('ftyp', 'qt  ', [0, 0, 0, 0], 'qt  ');
    // largesize: size field 1, type, then the 64-bit size 16 + 5 = 21 covering the 5 payload bytes.
    const large = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('mdat'),
      Buffer.from([0, 0, 0, 0, 0, 0, 0, 21]),
    ]);
    const file = Buffer.concat([ftyp, large, Buffer.from('+1+2!'), moov]);
    const out = Buffer.from(stripLocation('video/quicktime', file).bytes);
    expect(out.subarray(0, file.length - 4).equals(file.subarray(0, file.length - 4))).toBe(true);
    expect(out.subarray(file.length - 4).toString('latin1')).toBe('    ');
    // size 0: mdat runs to the end; moov before it is still found.
    const toEnd = Buffer.concat([ftyp, moov, Buffer.from([0, 0, 0, 0]), Buffer.from('mdat+1+2')]);
    const outToEnd = Buffer.from(stripLocation('video/mp4', toEnd).bytes);
    expect(outToEnd.subarray(toEnd.length - 8).toString('latin1')).toBe('mdat+1+2');
    // Only the copy inside mdat's payload (the last 4 bytes) is left; ©xyz's was blanked.
    expect(outToEnd.indexOf('+1+2')).toBe(toEnd.length - 4);
    expect(toEnd.indexOf('+1+2')).toBeLessThan(toEnd.length - 4);
  });

  it('refuses (typed error) a box that runs past its parent or a ©xyz longer than its box', () => {
    const file = mp4WithLocation();
    const overrun = Buffer.from(file);
    overrun.writeUInt32BE(file.length, file.indexOf('moov') - 4);
    expect(() => stripLocation('video/mp4', overrun)).toThrow(UnstrippableMediaError);
    const longXyz = Buffer.from(file);
    longXyz.writeUInt16BE(200, file.indexOf(Buffer.from('\u00a9xyz', 'latin1')) + 4);
    expect(() => stripLocation('video/mp4', longXyz)).toThrow(UnstrippableMediaError);
  });
});
