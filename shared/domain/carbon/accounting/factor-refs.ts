/**
 * Factor references as results store them: `id@version#sha256:…` (content-hash.ts), or `id@version`
 * in results written before hashes were stored. Parsing them is how a trace or a recalculation gets
 * back to the exact record used.
 */
export interface ParsedFactorRef {
  id: string;
  version: number;
  /** `sha256:<hex>`; absent in refs written before hashes. */
  contentHash?: string;
}

const REF = /^(.+)@(\d+)(?:#(sha256:[0-9a-f]{64}))?$/;

export const parseFactorRef = (ref: string): ParsedFactorRef | undefined => {
  const match = REF.exec(ref);
  if (match === null) return undefined;
  const [, id = '', version = '', contentHash] = match;
  return { id, version: Number(version), ...(contentHash === undefined ? {} : { contentHash }) };
};
