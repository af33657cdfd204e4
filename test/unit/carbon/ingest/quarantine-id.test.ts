import { describe, expect, it } from 'vitest';
import { makeQuarantineId, quarantinedAtOf } from '../../../../shared/domain/carbon/ingest/quarantine-id.ts';

describe('quarantine ids', () => {
  it('carry the instant they were minted at, so the item is found by key', () => {
    const id = makeQuarantineId(new Date('2026-11-29T02:01:01.123Z'), '6f1c2a7e-0b1d-4c55-9d0e-1f2a3b4c5d6e');

    expect(id).toBe('20261129T020101123Z-6f1c2a7e-0b1d-4c55-9d0e-1f2a3b4c5d6e');
    expect(quarantinedAtOf(id)).toBe('2026-11-29T02:01:01.123Z');
  });

  it('refuses ids it did not mint, including impossible dates', () => {
    expect(quarantinedAtOf('6f1c2a7e')).toBeUndefined();
    expect(quarantinedAtOf('20261329T020101123Z-x')).toBeUndefined();
    expect(quarantinedAtOf('20261129T020101123Z-../../etc')).toBeUndefined();
  });
});
