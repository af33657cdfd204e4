import { createHash } from 'node:crypto';

/**
 * Content hashes make a factor version immutable: `id@version` must always mean the same numbers.
 * The hash is sha256 over canonical JSON (keys sorted at every level, no whitespace, the record's
 * own `contentHash` left out), so the file's formatting does not matter but every value does.
 */

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => key !== 'contentHash')
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value));

/** `sha256:<hex>` of the canonical JSON of a record. */
export const contentHashOf = (record: unknown): string =>
  `sha256:${createHash('sha256').update(canonicalJson(record)).digest('hex')}`;

/** A factor reference as results store it: `id@version#sha256:…`, so a trace can prove the numbers. */
export const factorRefOf = (factor: { id: string; version: number; contentHash: string }): string =>
  `${factor.id}@${factor.version}#${factor.contentHash}`;
