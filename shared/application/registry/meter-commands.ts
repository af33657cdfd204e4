import { ConflictError, NotFoundError, UnprocessableError } from '../../domain/errors.ts';
import { makeHandle } from '../../domain/identifiers/handle.ts';
import { auditEntry, changedFields } from '../../domain/registry/audit.ts';
import { checkMeterProfile } from '../../domain/registry/meter-rules.ts';
import { scopeOfEnergyType } from '../../domain/registry/meter-units.ts';
import { applyPatch, type Patch } from '../../domain/registry/record-update.ts';
import type { FacilityRecord, MeterRecord } from '../../domain/registry/records.ts';
import { newRegistryId } from '../../domain/registry/registry-id.ts';
import type { Principal } from '../../domain/roles.ts';
import type { RegistryContext } from './registry-ports.ts';

const ID_RANDOM_BYTES = 10;

export type NewMeter = Pick<
  MeterRecord,
  'enterpriseId' | 'facilityId' | 'name' | 'energyType' | 'unit' | 'readingKind' | 'greenPower' | 'status'
> & {
  id?: string | undefined;
  rolloverValue?: number | undefined;
  maxPerHour?: number | undefined;
  scope?: 1 | 2 | undefined;
  gridRegion?: string | undefined;
  expectedIntervalSeconds: number;
  measuredParameters?: MeterRecord['measuredParameters'] | undefined;
};

export const loadMeter = async (ctx: RegistryContext, id: string): Promise<MeterRecord> => {
  const meter = await ctx.reader.getMeter(id);
  if (meter === undefined) throw new NotFoundError(`计量器具不存在 (meter ${id} not found)`);
  return meter;
};

const unprocessable = (path: string, message: string) => new UnprocessableError(message, [{ path, message }]);

/** The facility must exist and belong to the meter's enterprise (422 naming facilityId otherwise). */
const facilityOf = async (
  ctx: RegistryContext,
  enterpriseId: string,
  facilityId: string,
): Promise<FacilityRecord> => {
  const facility = await ctx.reader.getFacility(facilityId);
  if (facility === undefined || facility.enterpriseId !== enterpriseId) {
    throw unprocessable(
      '/body/facilityId',
      `设施不属于该企业 (facility ${facilityId} is not a facility of enterprise ${enterpriseId})`,
    );
  }
  return facility;
};

export const createMeter = async (
  ctx: RegistryContext,
  principal: Principal,
  input: NewMeter,
): Promise<MeterRecord> => {
  const enterprise = await ctx.reader.getEnterprise(input.enterpriseId);
  if (enterprise === undefined) {
    throw unprocessable('/body/enterpriseId', `企业不存在 (enterprise ${input.enterpriseId} not found)`);
  }
  if (enterprise.status === 'closed') {
    throw unprocessable(
      '/body/enterpriseId',
      `企业已注销 (enterprise ${enterprise.id} is closed; no new meters)`,
    );
  }
  await facilityOf(ctx, enterprise.id, input.facilityId);
  const {
    id: requestedId,
    scope,
    rolloverValue,
    maxPerHour,
    gridRegion,
    measuredParameters,
    ...fields
  } = input;
  const at = ctx.clock();
  const id = requestedId ?? newRegistryId('meter', at, ctx.random(ID_RANDOM_BYTES));
  const record: MeterRecord = {
    ...fields,
    id,
    handle: makeHandle(ctx.identifierPrefix, 'meter', id),
    industryCode: enterprise.industryCode,
    scope: scope ?? scopeOfEnergyType(input.energyType),
    ...(rolloverValue === undefined ? {} : { rolloverValue }),
    ...(maxPerHour === undefined ? {} : { maxPerHour }),
    ...(gridRegion === undefined ? {} : { gridRegion }),
    ...(measuredParameters === undefined ? {} : { measuredParameters }),
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  checkMeterProfile(record);
  const audit = auditEntry(
    principal,
    at,
    'meter.created',
    { type: 'meter', id, version: 1 },
    changedFields(undefined, { ...record }),
  );
  await ctx.writer.createMeter(record, audit);
  return record;
};

export type MeterChanges = Patch<
  Pick<
    MeterRecord,
    | 'name'
    | 'facilityId'
    | 'unit'
    | 'readingKind'
    | 'rolloverValue'
    | 'maxPerHour'
    | 'scope'
    | 'gridRegion'
    | 'greenPower'
    | 'expectedIntervalSeconds'
    | 'status'
    | 'measuredParameters'
  >
>;

export const updateMeter = async (
  ctx: RegistryContext,
  principal: Principal,
  id: string,
  expected: number,
  changes: MeterChanges,
): Promise<MeterRecord> => {
  const current = await loadMeter(ctx, id);
  if (current.version !== expected) {
    throw new ConflictError(
      `计量器具已被他人更新 (meter ${id} is at version ${current.version}, not ${expected})`,
    );
  }
  const at = ctx.clock();
  const next = applyPatch(current, changes, at);
  if (next.facilityId !== current.facilityId) await facilityOf(ctx, current.enterpriseId, next.facilityId);
  checkMeterProfile(next);
  const diff = changedFields({ ...current }, { ...next });
  if (diff.length === 0) return current;
  const audit = auditEntry(
    principal,
    at,
    'meter.updated',
    { type: 'meter', id, version: next.version },
    diff,
  );
  await ctx.writer.updateMeter(next, current, audit);
  return next;
};
