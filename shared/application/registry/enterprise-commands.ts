import { ConflictError, NotFoundError, UnprocessableError } from '../../domain/errors.ts';
import { makeHandle } from '../../domain/identifiers/handle.ts';
import { auditEntry, changedFields } from '../../domain/registry/audit.ts';
import { canonicalEconomics } from '../../domain/registry/economics.ts';
import { checkEnterpriseCodes } from '../../domain/registry/enterprise-rules.ts';
import { applyPatch, type Patch } from '../../domain/registry/record-update.ts';
import type { EnterpriseRecord, FacilityRecord, GeoPoint } from '../../domain/registry/records.ts';
import { newRegistryId } from '../../domain/registry/registry-id.ts';
import type { Principal } from '../../domain/roles.ts';
import type { RegistryContext } from './registry-ports.ts';

/** A transaction holds at most 100 items; an industry change rewrites every meter of the enterprise. */
const MAX_METERS_FOLLOWING_INDUSTRY = 95;
const ID_RANDOM_BYTES = 10;

export interface NewEnterprise {
  id?: string | undefined;
  name: string;
  uscc: string;
  industryCode: string;
  address: string;
  location?: GeoPoint | undefined;
  status: EnterpriseRecord['status'];
  factorProgramme?: EnterpriseRecord['factorProgramme'] | undefined;
  economics?: EnterpriseRecord['economics'] | undefined;
}

export const loadEnterprise = async (ctx: RegistryContext, id: string): Promise<EnterpriseRecord> => {
  const enterprise = await ctx.reader.getEnterprise(id);
  if (enterprise === undefined) throw new NotFoundError(`企业不存在 (enterprise ${id} not found)`);
  return enterprise;
};

export const createEnterprise = async (
  ctx: RegistryContext,
  principal: Principal,
  input: NewEnterprise,
): Promise<EnterpriseRecord> => {
  const codes = checkEnterpriseCodes({ uscc: input.uscc, industryCode: input.industryCode });
  const at = ctx.clock();
  const id = input.id ?? newRegistryId('enterprise', at, ctx.random(ID_RANDOM_BYTES));
  const record: EnterpriseRecord = {
    id,
    handle: makeHandle(ctx.identifierPrefix, 'enterprise', id),
    name: input.name,
    uscc: codes.uscc,
    industryCode: codes.industryCode,
    address: input.address,
    ...(input.location === undefined ? {} : { location: input.location }),
    status: input.status,
    ...(input.factorProgramme === undefined ? {} : { factorProgramme: input.factorProgramme }),
    ...(input.economics === undefined ? {} : { economics: canonicalEconomics(input.economics) }),
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  const subject = { type: 'enterprise', id, version: 1 } as const;
  const audit = auditEntry(
    principal,
    at,
    'enterprise.created',
    subject,
    changedFields(undefined, { ...record }),
  );
  await ctx.writer.createEnterprise(record, audit);
  return record;
};

export type EnterpriseChanges = Patch<
  Pick<
    EnterpriseRecord,
    'name' | 'uscc' | 'industryCode' | 'address' | 'status' | 'location' | 'factorProgramme' | 'economics'
  >
>;

export const updateEnterprise = async (
  ctx: RegistryContext,
  principal: Principal,
  id: string,
  expected: number,
  changes: EnterpriseChanges,
): Promise<EnterpriseRecord> => {
  const current = inCanonicalOrder(await loadEnterprise(ctx, id));
  if (current.version !== expected) {
    throw new ConflictError(
      `企业已被他人更新 (enterprise ${id} is at version ${current.version}, not ${expected})`,
    );
  }
  const codes = checkEnterpriseCodes({
    ...(changes.uscc == null ? {} : { uscc: changes.uscc }),
    ...(changes.industryCode == null ? {} : { industryCode: changes.industryCode }),
  });
  const at = ctx.clock();
  const next = inCanonicalOrder(applyPatch(current, { ...changes, ...codes }, at));
  const diff = changedFields({ ...current }, { ...next });
  if (diff.length === 0) return current;
  const meterIds = next.industryCode === current.industryCode ? [] : await meterIdsOf(ctx, id);
  const audit = auditEntry(
    principal,
    at,
    'enterprise.updated',
    { type: 'enterprise', id, version: next.version },
    diff,
  );
  await ctx.writer.updateEnterprise(next, current, audit, meterIds);
  return next;
};

/** Yearly figures in one order, so that sending the same figures again changes nothing. */
const inCanonicalOrder = (record: EnterpriseRecord): EnterpriseRecord =>
  record.economics === undefined ? record : { ...record, economics: canonicalEconomics(record.economics) };

const meterIdsOf = async (ctx: RegistryContext, enterpriseId: string): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.reader.listMeters({ enterpriseId, limit: 100, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((meter) => meter.id));
    cursor = page.cursor;
  } while (cursor !== undefined && ids.length <= MAX_METERS_FOLLOWING_INDUSTRY);
  if (ids.length > MAX_METERS_FOLLOWING_INDUSTRY) {
    const message = `企业计量器具过多，无法一次变更行业 (more than ${MAX_METERS_FOLLOWING_INDUSTRY} meters follow the industry code; not supported in one change)`;
    throw new UnprocessableError(message, [{ path: '/body/industryCode', message }]);
  }
  return ids;
};

export interface NewFacility {
  id?: string | undefined;
  name: string;
  address?: string | undefined;
  location?: GeoPoint | undefined;
}

export const createFacility = async (
  ctx: RegistryContext,
  principal: Principal,
  enterpriseId: string,
  input: NewFacility,
): Promise<FacilityRecord> => {
  await loadEnterprise(ctx, enterpriseId);
  const at = ctx.clock();
  const id = input.id ?? newRegistryId('facility', at, ctx.random(ID_RANDOM_BYTES));
  const record: FacilityRecord = {
    id,
    handle: makeHandle(ctx.identifierPrefix, 'facility', id),
    enterpriseId,
    name: input.name,
    ...(input.address === undefined ? {} : { address: input.address }),
    ...(input.location === undefined ? {} : { location: input.location }),
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  const subject = { type: 'facility', id, version: 1 } as const;
  const audit = auditEntry(
    principal,
    at,
    'facility.created',
    subject,
    changedFields(undefined, { ...record }),
  );
  await ctx.writer.createFacility(record, audit);
  return record;
};
