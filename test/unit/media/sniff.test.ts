import { describe, expect, it } from 'vitest';
import { sniffContentType } from '../../../shared/domain/media/sniff.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible);
};

describe('sniffContentType', () => {
  it('recognises each allowed type by its magic numbers', () => {
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffContentType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffContentType(ftyp('mif1', 'heic'))).toBe('image/heic');
    expect(sniffContentType(ftyp('qt  ', 'qt  '))).toBe('video/quicktime');
    expect(sniffContentType(ftyp('isom', 'isom', 'avc1'))).toBe('video/mp4');
    expect(sniffContentType(ftyp('mp42'))).toBe('video/mp4');
    expect(sniffContentType(ftyp('xxxx', 'mp41'))).toBe('video/mp4');
  });

  it('refuses what is none of them', () => {
    expect(sniffContentType(bytes('GIF89a'))).toBeUndefined();
    expect(sniffContentType(bytes('%PDF-1.7'))).toBeUndefined();
    expect(sniffContentType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeUndefined();
    expect(sniffContentType(ftyp('crx '))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
    expect(sniffContentType(bytes([0xff, 0xd8]))).toBeUndefined();
  });

  it('exposes a file lying about its type: a PNG declared and named as JPEG', () => {
    const declared = 'image/jpeg';
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
    const sniffed = sniffContentType(png);
    expect(sniffed).toBe('image/png');
    expect(sniffed).not.toBe(declared);
  });
});
