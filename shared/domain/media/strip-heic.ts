import { type Box, blank, childBoxes, fourcc, readUint, UnstrippableMediaError } from './bmff.ts';

/**
 * HEIC (HEIF, ISO/IEC 23008-12): Exif and XMP are items of the `meta` box, their bytes found
 * through `iloc`. We blank the GPS data in place so no size or offset in the file moves.
 */

interface Item {
  readonly id: number;
  readonly type: string;
  readonly contentType?: string;
}

interface Extent {
  readonly offset: number;
  readonly length: number;
}

const latin1 = (b: Uint8Array, from: number, to: number) =>
  Buffer.from(b.subarray(from, to)).toString('latin1');

/** `infe` version 2 or 3: item_ID, protection index, item_type, name, then for 'mime' a content type. */
function parseInfe(bytes: Uint8Array, box: Box): Item | undefined {
  const version = readUint(bytes, box.body, 4, box.end) >>> 24;
  if (version < 2) return undefined; // v0/v1 cannot carry Exif or mime items
  let at = box.body + 4;
  const idSize = version === 2 ? 2 : 4;
  const id = readUint(bytes, at, idSize, box.end);
  at += idSize + 2;
  if (at + 4 > box.end) throw new UnstrippableMediaError('truncated infe');
  const type = fourcc(bytes, at);
  at += 4;
  const nameEnd = bytes.indexOf(0, at);
  if (type !== 'mime' || nameEnd < 0 || nameEnd >= box.end) return { id, type };
  const typeEnd = bytes.indexOf(0, nameEnd + 1);
  const contentType = latin1(bytes, nameEnd + 1, typeEnd < 0 || typeEnd > box.end ? box.end : typeEnd);
  return { id, type, contentType };
}

function parseIinf(bytes: Uint8Array, iinf: Box): Item[] {
  const version = readUint(bytes, iinf.body, 4, iinf.end) >>> 24;
  const entries = iinf.body + 4 + (version === 0 ? 2 : 4);
  return childBoxes(bytes, entries, iinf.end)
    .filter((box) => box.type === 'infe')
    .map((box) => parseInfe(bytes, box))
    .filter((item): item is Item => item !== undefined);
}

/** `iloc` versions 0–2; only items stored in the file itself (construction method 0). */
function parseIloc(bytes: Uint8Array, iloc: Box): Map<number, Extent[] | 'elsewhere'> {
  const limit = iloc.end;
  const version = readUint(bytes, iloc.body, 4, limit) >>> 24;
  if (version > 2) throw new UnstrippableMediaError(`iloc version ${version}`);
  let at = iloc.body + 4;
  const sizes = readUint(bytes, at, 2, limit);
  const offsetSize = sizes >> 12;
  const lengthSize = (sizes >> 8) & 0xf;
  const baseOffsetSize = (sizes >> 4) & 0xf;
  const indexSize = version === 0 ? 0 : sizes & 0xf;
  at += 2;
  const countSize = version < 2 ? 2 : 4;
  const count = readUint(bytes, at, countSize, limit);
  at += countSize;
  const items = new Map<number, Extent[] | 'elsewhere'>();
  for (let i = 0; i < count; i++) {
    const idSize = version < 2 ? 2 : 4;
    const id = readUint(bytes, at, idSize, limit);
    at += idSize;
    let method = 0;
    if (version > 0) {
      method = readUint(bytes, at, 2, limit) & 0xf;
      at += 2;
    }
    const dataReference = readUint(bytes, at, 2, limit);
    at += 2;
    const base = readUint(bytes, at, baseOffsetSize, limit);
    at += baseOffsetSize;
    const extentCount = readUint(bytes, at, 2, limit);
    at += 2;
    const extents: Extent[] = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = readUint(bytes, at, offsetSize, limit);
      at += offsetSize;
      const length = readUint(bytes, at, lengthSize, limit);
      at += lengthSize;
      extents.push({ offset: base + offset, length });
    }
    items.set(id, method === 0 && dataReference === 0 ? extents : 'elsewhere');
  }
  return items;
}

/** The item's bytes as one contiguous range of the file, or a refusal. */
function itemRange(bytes: Uint8Array, item: Item, extents: Extent[] | 'elsewhere' | undefined) {
  if (extents === undefined || extents === 'elsewhere' || extents.length !== 1) {
    throw new UnstrippableMediaError(`${item.type} item ${item.id} is not one extent in the file`);
  }
  const [{ offset, length }] = extents as [Extent];
  // length 0 means "to the end of the file" (ISO/IEC 14496-12 §8.11.3).
  const end = length === 0 ? bytes.length : offset + length;
  if (end > bytes.length || offset >= end)
    throw new UnstrippableMediaError(`item ${item.id} lies outside the file`);
  return { from: offset, to: end };
}

const TIFF_TYPE_BYTES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
};
const GPS_INFO = 0x8825;

/**
 * Blanks the GPS IFD of a TIFF structure lying in bytes[from, to): every out-of-line value the GPS
 * entries point at and the entries themselves are zeroed, the entry count set to 0, and IFD0's
 * GPSInfo pointer zeroed. True when there was GPS data. Offsets are relative to the TIFF header.
 */
export function blankTiffGps(bytes: Uint8Array, from: number, to: number): boolean {
  const order = latin1(bytes, from, from + 4);
  if (order !== 'II*\0' && order !== 'MM\0*') throw new UnstrippableMediaError('no TIFF header in Exif');
  const little = order === 'II*\0';
  const view = new DataView(bytes.buffer, bytes.byteOffset + from, to - from);
  const size = to - from;
  const need = (at: number, length: number) => {
    if (at < 0 || at + length > size) throw new UnstrippableMediaError(`Exif offset ${at} out of range`);
  };
  need(4, 4);
  const ifd0 = view.getUint32(4, little);
  need(ifd0, 2);
  const entries = view.getUint16(ifd0, little);
  need(ifd0 + 2, entries * 12);
  for (let i = 0; i < entries; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (view.getUint16(entry, little) !== GPS_INFO) continue;
    const gps = view.getUint32(entry + 8, little);
    if (gps === 0) return false; // already blanked by us: offset 0 is the TIFF header, never an IFD
    need(gps, 2);
    const gpsEntries = view.getUint16(gps, little);
    need(gps + 2, gpsEntries * 12 + 4);
    for (let g = 0; g < gpsEntries; g++) {
      const at = gps + 2 + g * 12;
      const typeBytes = TIFF_TYPE_BYTES[view.getUint16(at + 2, little)];
      if (typeBytes === undefined) throw new UnstrippableMediaError('unknown TIFF type in GPS IFD');
      const length = typeBytes * view.getUint32(at + 4, little);
      if (length > 4) {
        const value = view.getUint32(at + 8, little);
        need(value, length);
        blank(bytes, from + value, from + value + length, 0);
      }
    }
    // Entries and the next-IFD pointer; the count becomes 0.
    blank(bytes, from + gps, from + gps + 2 + gpsEntries * 12 + 4, 0);
    view.setUint32(entry + 8, 0, little);
    return gpsEntries > 0;
  }
  return false;
}

/**
 * exif:GPS* in XMP, as attributes (exif:GPSLatitude="…") or elements
 * (<exif:GPSLatitude>…</exif:GPSLatitude>, possibly with nested rdf content).
 */
const XMP_GPS = /exif:GPS\w+\s*=\s*("[^"]*"|'[^']*')|<exif:(GPS\w+)\b[^>]*?(\/>|>[\s\S]*?<\/exif:\2\s*>)/g;

/** Overwrites every exif:GPS* attribute or element in bytes[from, to) with spaces, same length. */
export function blankXmpGps(bytes: Uint8Array, from: number, to: number): boolean {
  const text = latin1(bytes, from, to);
  let found = false;
  for (const match of text.matchAll(XMP_GPS)) {
    found = true;
    blank(bytes, from + match.index, from + match.index + match[0].length, 0x20);
  }
  return found;
}

/** HEIC with GPS blanked in place; the input is not modified. Throws UnstrippableMediaError. */
export function stripHeic(src: Uint8Array): { bytes: Uint8Array; removed: boolean } {
  const bytes = new Uint8Array(src);
  const top = childBoxes(bytes, 0, bytes.length);
  if (top[0]?.type !== 'ftyp') throw new UnstrippableMediaError('HEIC without ftyp');
  const meta = top.find((box) => box.type === 'meta');
  if (meta === undefined) return { bytes, removed: false };
  const children = childBoxes(bytes, meta.body + 4, meta.end); // meta is a full box
  const iinf = children.find((box) => box.type === 'iinf');
  if (iinf === undefined) return { bytes, removed: false };
  const items = parseIinf(bytes, iinf).filter(
    (item) => item.type === 'Exif' || (item.type === 'mime' && item.contentType === 'application/rdf+xml'),
  );
  if (items.length === 0) return { bytes, removed: false };
  const iloc = children.find((box) => box.type === 'iloc');
  if (iloc === undefined) throw new UnstrippableMediaError('metadata items without iloc');
  const locations = parseIloc(bytes, iloc);
  let removed = false;
  for (const item of items) {
    const { from, to } = itemRange(bytes, item, locations.get(item.id));
    if (item.type === 'mime') {
      removed = blankXmpGps(bytes, from, to) || removed;
      continue;
    }
    // Exif item payload: a 4-byte offset from its end to the TIFF header (ISO/IEC 23008-12 A.2.1).
    const tiff = from + 4 + readUint(bytes, from, 4, to);
    if (tiff + 8 > to) throw new UnstrippableMediaError('Exif TIFF header outside the item');
    removed = blankTiffGps(bytes, tiff, to) || removed;
  }
  return { bytes, removed };
}
