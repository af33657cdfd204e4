import { listDeputiesRoute } from './deputies.ts';
import { issueMeterCredentialsRoute, revokeMeterCredentialsRoute } from './device-credentials.ts';
import {
  createEnterpriseRoute,
  createFacilityRoute,
  getEnterpriseRoute,
  listEnterpriseAuditRoute,
  listEnterprisesRoute,
  updateEnterpriseRoute,
  updateFacilityRoute,
} from './enterprises.ts';
import { resolveIdentifierRoute } from './identifiers.ts';
import {
  createMeterRoute,
  getMeterRoute,
  listMeterAuditRoute,
  listMetersRoute,
  updateMeterRoute,
} from './meters.ts';
import { listDepartmentsRoute, listFactorsRoute } from './registry-catalogue.ts';
import type { RouteContract } from './route.ts';

export * from './registry-catalogue.ts';

/** Registry: enterprises, facilities, meters, departments, identifiers, factors. */
export const REGISTRY_ROUTES: readonly RouteContract[] = [
  listDepartmentsRoute,
  listDeputiesRoute,
  listFactorsRoute,
  issueMeterCredentialsRoute,
  revokeMeterCredentialsRoute,
  createEnterpriseRoute,
  updateEnterpriseRoute,
  listEnterprisesRoute,
  getEnterpriseRoute,
  createFacilityRoute,
  updateFacilityRoute,
  listEnterpriseAuditRoute,
  createMeterRoute,
  updateMeterRoute,
  listMetersRoute,
  getMeterRoute,
  listMeterAuditRoute,
  resolveIdentifierRoute,
];
