import { type Box, blank, childBoxes, fourcc, readUint, UnstrippableMediaError } from './bmff.ts';

/**
 * MP4/QuickTime location: the `©xyz` user-data atom (an ISO 6709 string such as "+30.5000+114.3000/")
 * and the QuickTime metadata key `com.apple.quicktime.location.ISO6709` (`meta`/`keys` + `ilst`).
 * Their value bytes are overwritten with spaces in place, so no size or chunk offset moves and the
 * media data (`mdat`, skipped by its size) is copied untouched.
 */

const XYZ = '\u00a9xyz';
const LOCATION_KEYS = new Set(['com.apple.quicktime.location.ISO6709']);
/** Boxes that may hold location, directly or deeper: moov → udta/meta, moov → trak → udta/meta. */
const CONTAINERS = new Set(['moov', 'trak', 'udta', 'meta']);
const SPACE = 0x20;

/** Blanks [from, to); true when something other than blanks was there (so a re-run reports nothing). */
const blankValue = (bytes: Uint8Array, from: number, to: number): boolean => {
  const had = bytes.subarray(from, to).some((byte) => byte !== SPACE);
  blank(bytes, from, to, SPACE);
  return had;
};

/**
 * QuickTime's `meta` is a plain box, ISO's (and iTunes' udta/meta) a full box with 4 bytes of
 * version/flags: tell them apart by whether a known child's type sits where a plain box's first
 * child would have it.
 */
const META_CHILDREN = new Set(['hdlr', 'keys', 'ilst', 'free']);
const metaChildrenStart = (bytes: Uint8Array, meta: Box): number =>
  META_CHILDREN.has(fourcc(bytes, meta.body + 4)) ? meta.body : meta.body + 4;

/** `©xyz`: 16-bit string length, 16-bit language, then the string. */
function blankXyz(bytes: Uint8Array, box: Box): boolean {
  const length = readUint(bytes, box.body, 2, box.end);
  const from = box.body + 4;
  if (from + length > box.end) throw new UnstrippableMediaError('©xyz string overruns its box');
  return blankValue(bytes, from, from + length);
}

/** Key indexes (1-based, as `ilst` children are typed) whose name is a location key. */
function locationKeyIndexes(bytes: Uint8Array, keys: Box): Set<number> {
  const count = readUint(bytes, keys.body + 4, 4, keys.end);
  const found = new Set<number>();
  let at = keys.body + 8;
  for (let index = 1; index <= count; index++) {
    const size = readUint(bytes, at, 4, keys.end);
    if (size < 8 || at + size > keys.end) throw new UnstrippableMediaError('bad keys entry');
    const name = Buffer.from(bytes.subarray(at + 8, at + size)).toString('latin1');
    if (LOCATION_KEYS.has(name)) found.add(index);
    at += size;
  }
  return found;
}

/** In `ilst`, each child's type is a key index; its `data` boxes hold type(4) + locale(4) + value. */
function blankIlstValues(bytes: Uint8Array, ilst: Box, indexes: Set<number>): boolean {
  let removed = false;
  for (const entry of childBoxes(bytes, ilst.body, ilst.end)) {
    if (!indexes.has(readUint(bytes, entry.start + 4, 4, entry.end))) continue;
    for (const data of childBoxes(bytes, entry.body, entry.end)) {
      if (data.type !== 'data') continue;
      if (data.body + 8 > data.end) throw new UnstrippableMediaError('truncated data box');
      removed = blankValue(bytes, data.body + 8, data.end) || removed;
    }
  }
  return removed;
}

function blankMeta(bytes: Uint8Array, meta: Box): boolean {
  const children = childBoxes(bytes, metaChildrenStart(bytes, meta), meta.end);
  const keys = children.find((box) => box.type === 'keys');
  const ilst = children.find((box) => box.type === 'ilst');
  if (keys === undefined || ilst === undefined) return false;
  const indexes = locationKeyIndexes(bytes, keys);
  return indexes.size > 0 && blankIlstValues(bytes, ilst, indexes);
}

/** MP4/MOV with location blanked in place; the input is not modified. Throws UnstrippableMediaError. */
export function stripVideo(src: Uint8Array): { bytes: Uint8Array; removed: boolean } {
  const bytes = new Uint8Array(src);
  let removed = false;
  // Iterative walk: a stack of containers instead of recursion, so deep nesting cannot blow it.
  const pending: Box[] = childBoxes(bytes, 0, bytes.length).filter((box) => box.type === 'moov');
  for (let box = pending.pop(); box !== undefined; box = pending.pop()) {
    if (box.type === 'meta') {
      removed = blankMeta(bytes, box) || removed;
      continue;
    }
    for (const child of childBoxes(bytes, box.body, box.end)) {
      if (child.type === XYZ && box.type === 'udta') removed = blankXyz(bytes, child) || removed;
      else if (CONTAINERS.has(child.type)) pending.push(child);
    }
  }
  return { bytes, removed };
}
