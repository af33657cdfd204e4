import { factorHandle } from '../../shared/domain/carbon/accounting/factor-handle.ts';
import type { EmissionFactor } from '../../shared/domain/carbon/accounting/factors.ts';
import { findFactorVersion, loadFactorLibrary } from '../../shared/domain/carbon/accounting/factors.ts';
import { ForbiddenError, NotFoundError } from '../../shared/domain/errors.ts';
import { makeHandle, parseHandle, parseSuffix } from '../../shared/domain/identifiers/handle.ts';
import {
  batchIdentifier,
  enterpriseIdentifier,
  facilityIdentifier,
  factorIdentifier,
  type IdentifierRecord,
  meterIdentifier,
} from '../../shared/domain/identifiers/identifier-record.ts';
import type { FacilityRecord, MeterRecord } from '../../shared/domain/registry/records.ts';
import { canReadRegistry } from '../../shared/domain/registry/registry-access.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import type { BatchLookup } from '../../shared/ports/batch-lookup.ts';
import type { RegistryContext } from './registry-context.ts';

/** Enterprise lineage lists at most this many meters (the detail endpoint has the rest). */
const MAX_LINKED_METERS = 200;

const notFound = (handle: string) => new NotFoundError(`标识不存在 (identifier ${handle} not found)`);

/**
 * Resolves a handle of this deployment. The kind in the suffix (`enterprise.`, `facility.`,
 * `meter.`, `batch.`, `factor.`) says where to look; registry kinds need a registry reader (admin or
 * supervisor, 403 otherwise, decided before any lookup so nothing leaks), factors are open to every
 * signed-in user. The stored record must carry exactly this handle, else it is not ours: 404.
 */
export const resolveIdentifier = async (
  ctx: RegistryContext,
  principal: Principal,
  text: string,
  batches?: BatchLookup,
): Promise<IdentifierRecord> => {
  const handle = parseHandle(text);
  const suffix = handle === undefined ? undefined : parseSuffix(handle.suffix);
  if (handle?.prefix !== ctx.identifierPrefix || suffix === undefined) throw notFound(text);
  if (suffix.kind === 'factor') return resolveFactor(ctx, text);
  if (!REGISTRY_KINDS.includes(suffix.kind)) throw notFound(text);
  if (!canReadRegistry(principal)) {
    throw new ForbiddenError(
      '企业与计量数据仅限管理员和监督人员查看 (registry identifiers need admin or supervisor)',
    );
  }
  if (suffix.kind === 'enterprise') return resolveEnterprise(ctx, text, suffix.id);
  if (suffix.kind === 'facility') return resolveFacility(ctx, text, suffix.id);
  if (suffix.kind === 'batch') return resolveBatch(ctx, batches, text, suffix.id);
  return resolveMeter(ctx, text, suffix.id);
};

/** Kinds whose records are enterprise data: readable by admin and supervisor only. */
const REGISTRY_KINDS = ['enterprise', 'facility', 'meter', 'batch'];

/** `batch.<meter id>_<16 hex>` (shared/domain/carbon/ingest/message-plan.ts batchHandleOf). */
const BATCH_ID = /^(.+)_[0-9a-f]{16}$/;

const resolveBatch = async (
  ctx: RegistryContext,
  batches: BatchLookup | undefined,
  text: string,
  id: string,
): Promise<IdentifierRecord> => {
  const meterId = BATCH_ID.exec(id)?.[1];
  const meter = meterId === undefined ? undefined : await ctx.reader.getMeter(meterId);
  const batch = meter === undefined ? undefined : await batches?.findBatch(meter.id, text);
  if (meter === undefined || batch === undefined) throw notFound(text);
  const library = loadFactorLibrary();
  const factorHandles = batch.factorRefs.flatMap((ref) => {
    const match = /^(.+)@(\d+)$/.exec(ref);
    const factor = match ? findFactorVersion(library, match[1] ?? '', Number(match[2])) : undefined;
    return factor === undefined ? [] : [factorHandle(ctx.identifierPrefix, factor)];
  });
  return batchIdentifier(batch, meter, factorHandles);
};

const facilityHandle = (ctx: RegistryContext, facility: FacilityRecord): string =>
  facility.handle ?? makeHandle(ctx.identifierPrefix, 'facility', facility.id);

const metersOf = async (
  ctx: RegistryContext,
  filter: { enterpriseId: string } | { facilityId: string },
): Promise<MeterRecord[]> => (await ctx.reader.listMeters({ ...filter, limit: MAX_LINKED_METERS })).items;

const resolveEnterprise = async (ctx: RegistryContext, text: string, id: string) => {
  const enterprise = await ctx.reader.getEnterprise(id);
  if (enterprise?.handle !== text) throw notFound(text);
  const [facilities, meters] = await Promise.all([
    ctx.reader.listFacilities(id),
    metersOf(ctx, { enterpriseId: id }),
  ]);
  const facilityHandles = facilities.map((facility) => ({ handle: facilityHandle(ctx, facility) }));
  return enterpriseIdentifier(enterprise, facilityHandles, meters);
};

const resolveFacility = async (ctx: RegistryContext, text: string, id: string) => {
  const facility = await ctx.reader.getFacility(id);
  if (facility === undefined || facilityHandle(ctx, facility) !== text) throw notFound(text);
  const [enterprise, meters] = await Promise.all([
    ctx.reader.getEnterprise(facility.enterpriseId),
    metersOf(ctx, { facilityId: id }),
  ]);
  if (enterprise === undefined) throw notFound(text);
  return facilityIdentifier({ ...facility, handle: text }, enterprise, meters);
};

const resolveMeter = async (ctx: RegistryContext, text: string, id: string) => {
  const meter = await ctx.reader.getMeter(id);
  if (meter?.handle !== text) throw notFound(text);
  const [enterprise, facility] = await Promise.all([
    ctx.reader.getEnterprise(meter.enterpriseId),
    ctx.reader.getFacility(meter.facilityId),
  ]);
  if (enterprise === undefined || facility === undefined) throw notFound(text);
  return meterIdentifier(meter, enterprise, { handle: facilityHandle(ctx, facility) });
};

const resolveFactor = (ctx: RegistryContext, text: string): IdentifierRecord => {
  const { factors } = loadFactorLibrary();
  const handleOf = (factor: EmissionFactor) => factorHandle(ctx.identifierPrefix, factor);
  const factor = factors.find((candidate) => handleOf(candidate) === text);
  if (factor === undefined) throw notFound(text);
  const earlier = factors
    .filter((other) => other.id === factor.id && other.version < factor.version)
    .sort((a, b) => b.version - a.version)
    .map(handleOf);
  return factorIdentifier(factor, text, earlier);
};
