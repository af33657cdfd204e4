import { describe, expect, it } from 'vitest';
import { auditEntry, changedFields } from '../../../shared/domain/registry/audit.ts';
import { applyPatch } from '../../../shared/domain/registry/record-update.ts';
import { newRegistryId, ulid } from '../../../shared/domain/registry/registry-id.ts';

const record = {
  id: 'ENT-1',
  name: '旧名',
  address: 'a',
  location: { latitude: 1, longitude: 2 },
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('applyPatch', () => {
  it('replaces given fields, removes null ones, keeps the rest and bumps the version', () => {
    const next = applyPatch(record, { name: '新名', location: null }, new Date('2026-02-01T00:00:00Z'));
    expect(next).toEqual({
      id: 'ENT-1',
      name: '新名',
      address: 'a',
      version: 4,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
  });
});

describe('changedFields', () => {
  it('lists changed, added and removed fields with both values, ignoring bookkeeping', () => {
    const next = applyPatch(record, { name: '新名', location: null }, new Date('2026-02-01T00:00:00Z'));
    expect(changedFields(record, next)).toEqual([
      { field: 'location', before: { latitude: 1, longitude: 2 } },
      { field: 'name', before: '旧名', after: '新名' },
    ]);
    expect(changedFields(record, { ...record, location: { latitude: 1, longitude: 2 } })).toEqual([]);
  });

  it('records every set field of a new record as added', () => {
    expect(changedFields(undefined, { id: 'X', name: 'n', version: 1 }).map((c) => c.field)).toEqual([
      'id',
      'name',
    ]);
  });

  it('builds an entry naming the actor and their roles', () => {
    const principal = { userId: 'u-1', username: 'admin1', roles: ['admin' as const] };
    const entry = auditEntry(
      principal,
      new Date('2026-02-01T00:00:00Z'),
      'meter.updated',
      { type: 'meter', id: 'M', version: 2 },
      [],
    );
    expect(entry).toEqual({
      at: '2026-02-01T00:00:00.000Z',
      actorId: 'u-1',
      actorName: 'admin1',
      roles: ['admin'],
      action: 'meter.updated',
      subjectType: 'meter',
      subjectId: 'M',
      version: 2,
      changes: [],
    });
  });
});

describe('ulid', () => {
  it('encodes the milliseconds in 10 Crockford characters and 80 random bits in 16', () => {
    // 1 ms → time part 0000000001; random bytes all zero → 16 zeros; all 0xFF → 16 × 'Z' (31).
    expect(ulid(new Date(1), new Uint8Array(10))).toBe(`0000000001${'0'.repeat(16)}`);
    expect(ulid(new Date(0), new Uint8Array(10).fill(255))).toBe(`${'0'.repeat(10)}${'Z'.repeat(16)}`);
    // 2026-01-01T00:00:00Z = 1 767 225 600 000 ms; ids sort by time.
    const earlier = newRegistryId('meter', new Date('2026-01-01T00:00:00Z'), new Uint8Array(10).fill(255));
    const later = newRegistryId('meter', new Date('2026-01-01T00:00:00.001Z'), new Uint8Array(10));
    expect(earlier < later).toBe(true);
    expect(later).toMatch(/^MTR-[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
