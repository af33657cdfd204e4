/**
 * Server-assigned registry ids: `<PREFIX>-<ULID>` (e.g. `ENT-01JDQ8…`). A ULID is 48 bits of
 * milliseconds then 80 random bits in Crockford base32, so ids sort by creation time and two
 * allocations collide only if their random parts do; the store's attribute_not_exists condition
 * turns even that into a 409 rather than an overwrite. Time and randomness are passed in.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_BYTES = 10;

export const ID_KINDS = { enterprise: 'ENT', facility: 'FAC', meter: 'MTR' } as const;
export type IdKind = keyof typeof ID_KINDS;

/** Client-provided ids must fit the Handle local-id alphabet (shared/domain/identifiers/handle.ts). */
export const LOCAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const ulid = (at: Date, random: Uint8Array): string => {
  if (random.length < RANDOM_BYTES) throw new Error(`ulid needs ${RANDOM_BYTES} random bytes`);
  let time = at.getTime();
  let timePart = '';
  for (let i = 0; i < TIME_CHARS; i++) {
    timePart = CROCKFORD.charAt(time % 32) + timePart;
    time = Math.floor(time / 32);
  }
  // 80 bits → 16 characters of 5 bits each.
  let bits = 0n;
  for (const byte of random.subarray(0, RANDOM_BYTES)) bits = (bits << 8n) | BigInt(byte);
  let randomPart = '';
  for (let i = 0; i < 16; i++) {
    randomPart = CROCKFORD.charAt(Number(bits & 31n)) + randomPart;
    bits >>= 5n;
  }
  return timePart + randomPart;
};

export const newRegistryId = (kind: IdKind, at: Date, random: Uint8Array): string =>
  `${ID_KINDS[kind]}-${ulid(at, random)}`;
