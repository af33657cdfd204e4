/**
 * ISO base media file format (ISO/IEC 14496-12) box walking for the location strippers: HEIC
 * images and MP4/QuickTime videos are both trees of boxes (size, 4-char type, payload). Every read
 * is bounds-checked; a box that claims to run past its parent is a structure we refuse to touch.
 */

/** The file cannot be parsed safely, so no location-free copy can be promised. */
export class UnstrippableMediaError extends Error {
  override readonly name = 'UnstrippableMediaError';
}

export interface Box {
  readonly type: string;
  /** Offset of the box's first byte (its size field). */
  readonly start: number;
  /** Offset of the payload, after size, type and any 64-bit largesize. */
  readonly body: number;
  /** Offset just past the box. */
  readonly end: number;
}

export const fourcc = (bytes: Uint8Array, at: number): string =>
  String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);

export const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The boxes directly inside [from, to). Size 1 means a 64-bit largesize follows the type; size 0
 * means "to the end of the enclosing space" (mdat at the end of a file). Large boxes are skipped by
 * their size, never read.
 */
export function childBoxes(bytes: Uint8Array, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  for (let at = from; at < to; ) {
    const box = boxAt(bytes, at, to);
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}

/** The box starting at `at`, which must end by `to`. */
function boxAt(bytes: Uint8Array, at: number, to: number): Box {
  if (at + 8 > to) throw new UnstrippableMediaError(`truncated box header at ${at}`);
  const size32 = viewOf(bytes).getUint32(at);
  const type = fourcc(bytes, at + 4);
  const largesize = size32 === 1;
  const body = at + (largesize ? 16 : 8);
  const size = largesize ? readUint(bytes, at + 8, 8, to) : size32 === 0 ? to - at : size32;
  const end = at + size;
  if (end < body || end > to) throw new UnstrippableMediaError(`box '${type}' at ${at} overruns its parent`);
  return { type, start: at, body, end };
}

/** Bounds-checked big-endian unsigned read of 0, 2, 4 or 8 bytes (8 must stay below 2^53). */
export function readUint(bytes: Uint8Array, at: number, size: number, limit: number): number {
  if (size === 0) return 0;
  if (at < 0 || at + size > limit) throw new UnstrippableMediaError(`read past the end at ${at}`);
  const view = viewOf(bytes);
  if (size === 2) return view.getUint16(at);
  if (size === 4) return view.getUint32(at);
  if (size === 8) {
    const value = view.getBigUint64(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new UnstrippableMediaError(`value too large at ${at}`);
    return Number(value);
  }
  throw new UnstrippableMediaError(`unsupported field size ${size}`);
}

/** Overwrites [from, to) of `bytes` with `fill`; sizes and offsets of everything stay as they were. */
export const blank = (bytes: Uint8Array, from: number, to: number, fill: number): void => {
  bytes.fill(fill, from, to);
};
