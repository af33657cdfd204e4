import { loadEnterprise } from '../../shared/application/registry/enterprise-commands.ts';
import { allMeters } from '../../shared/application/registry/registry-lists.ts';
import type { EnterpriseDetail } from '../../shared/contracts/enterprises.ts';
import type { RegistryContext } from './registry-context.ts';

/** The detail page lists this many meters at most; the counts cover them all. */
const MAX_METERS_LISTED = 500;

/** An enterprise with its facilities and what its meters measure. */
export const enterpriseDetail = async (ctx: RegistryContext, id: string): Promise<EnterpriseDetail> => {
  const enterprise = await loadEnterprise(ctx, id);
  const [facilities, meters] = await Promise.all([
    ctx.reader.listFacilities(id),
    allMeters(ctx.reader, { enterpriseId: id }),
  ]);
  const byEnergyType: Record<string, number> = {};
  for (const meter of meters) byEnergyType[meter.energyType] = (byEnergyType[meter.energyType] ?? 0) + 1;
  return {
    ...enterprise,
    facilities,
    meters: {
      total: meters.length,
      active: meters.filter((meter) => meter.status === 'active').length,
      byEnergyType,
      items: meters
        .slice(0, MAX_METERS_LISTED)
        .map(({ id, handle, name, facilityId, energyType, unit, status }) => ({
          id,
          handle,
          name,
          facilityId,
          energyType,
          unit,
          status,
        })),
    },
  };
};
