import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { auditEntry, changedFields } from '../../domain/registry/audit.ts';
import { applyPatch, type Patch } from '../../domain/registry/record-update.ts';
import type { FacilityRecord } from '../../domain/registry/records.ts';
import type { Principal } from '../../domain/roles.ts';
import type { RegistryContext } from './registry-ports.ts';

export type FacilityChanges = Patch<Pick<FacilityRecord, 'name' | 'address' | 'location'>>;

/**
 * A facility's name, address or location, under the version the caller read. The facility stays
 * with its enterprise (its meters and identifier name it), so the path names both and a facility of
 * another enterprise is a 404. The audit entry is kept under the enterprise, as its creation is.
 */
export const updateFacility = async (
  ctx: RegistryContext,
  principal: Principal,
  target: { enterpriseId: string; facilityId: string },
  expected: number,
  changes: FacilityChanges,
): Promise<FacilityRecord> => {
  const current = await ctx.reader.getFacility(target.facilityId);
  if (current === undefined || current.enterpriseId !== target.enterpriseId) {
    throw new NotFoundError(
      `设施不存在 (facility ${target.facilityId} of enterprise ${target.enterpriseId} not found)`,
    );
  }
  if (current.version !== expected) {
    throw new ConflictError(
      `设施已被他人更新 (facility ${current.id} is at version ${current.version}, not ${expected})`,
    );
  }
  const at = ctx.clock();
  const next = applyPatch(current, changes, at);
  const diff = changedFields({ ...current }, { ...next });
  if (diff.length === 0) return current;
  const audit = auditEntry(
    principal,
    at,
    'facility.updated',
    { type: 'facility', id: current.id, version: next.version },
    diff,
  );
  await ctx.writer.updateFacility(next, current, audit);
  return next;
};
