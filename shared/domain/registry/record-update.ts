/**
 * A PATCH as data: a field set to a value replaces it, `null` removes an optional field, an absent
 * field is kept. The result is the next version of the record.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

export const applyPatch = <T extends { version: number; updatedAt: string }>(
  current: T,
  patch: Patch<Omit<T, 'version' | 'updatedAt' | 'createdAt' | 'id'>>,
  at: Date,
): T => {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return { ...(next as T), version: current.version + 1, updatedAt: at.toISOString() };
};
