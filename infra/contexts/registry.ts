import { listDeputiesRoute } from '../../shared/contracts/deputies.ts';
import {
  issueMeterCredentialsRoute,
  revokeMeterCredentialsRoute,
} from '../../shared/contracts/device-credentials.ts';
import {
  createEnterpriseRoute,
  createFacilityRoute,
  getEnterpriseRoute,
  listEnterpriseAuditRoute,
  listEnterprisesRoute,
  updateEnterpriseRoute,
  updateFacilityRoute,
} from '../../shared/contracts/enterprises.ts';
import { resolveIdentifierRoute } from '../../shared/contracts/identifiers.ts';
import {
  createMeterRoute,
  getMeterRoute,
  listMeterAuditRoute,
  listMetersRoute,
  updateMeterRoute,
} from '../../shared/contracts/meters.ts';
import { listDepartmentsRoute, listFactorsRoute } from '../../shared/contracts/registry.ts';
import { listRoleChangesRoute, listUsersRoute, setUserRolesRoute } from '../../shared/contracts/users.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** Enterprises, facilities, meters, departments, identifiers, factors, device provisioning. */
export const REGISTRY_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'registryListDepartments',
    entry: 'functions/registry/list-departments.ts',
    description: 'Lists departments and the case categories they handle',
    trigger: { kind: 'http', routes: [listDepartmentsRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryListDeputies',
    entry: 'functions/registry/list-deputies.ts',
    description: 'Lists the active deputies, to pick co-signers from',
    trigger: { kind: 'http', routes: [listDeputiesRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryListFactors',
    entry: 'functions/registry/list-factors.ts',
    description: 'Lists the emission-factor library with sources, versions and handles',
    trigger: { kind: 'http', routes: [listFactorsRoute] },
  },
  {
    id: 'registryIssueMeterCredentials',
    entry: 'functions/registry/issue-meter-credentials.ts',
    description: 'Issues a meter its device credentials (IoT thing and certificate), shown once',
    timeoutSeconds: 20,
    trigger: { kind: 'http', routes: [issueMeterCredentialsRoute] },
    tables: { registry: 'readWrite' },
    iot: 'provision',
  },
  {
    id: 'registryRevokeMeterCredentials',
    entry: 'functions/registry/revoke-meter-credentials.ts',
    description: "Revokes a meter's device credentials and disconnects the device",
    timeoutSeconds: 20,
    trigger: { kind: 'http', routes: [revokeMeterCredentialsRoute] },
    tables: { registry: 'readWrite' },
    iot: 'revoke',
  },
  {
    id: 'registryCreateEnterprise',
    entry: 'functions/registry/create-enterprise.ts',
    description: 'Registers an enterprise with its USCC and identifier (admin)',
    trigger: { kind: 'http', routes: [createEnterpriseRoute] },
    tables: { registry: 'readWrite' },
  },
  {
    id: 'registryUpdateEnterprise',
    entry: 'functions/registry/update-enterprise.ts',
    description: 'Updates an enterprise under its version, with an audit entry (admin)',
    trigger: { kind: 'http', routes: [updateEnterpriseRoute] },
    tables: { registry: 'readWrite' },
  },
  {
    id: 'registryListEnterprises',
    entry: 'functions/registry/list-enterprises.ts',
    description: 'Lists enterprises a page at a time',
    trigger: { kind: 'http', routes: [listEnterprisesRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryGetEnterprise',
    entry: 'functions/registry/get-enterprise.ts',
    description: 'An enterprise with its facilities and meter summary',
    trigger: { kind: 'http', routes: [getEnterpriseRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryCreateFacility',
    entry: 'functions/registry/create-facility.ts',
    description: 'Registers a facility of an enterprise (admin)',
    trigger: { kind: 'http', routes: [createFacilityRoute] },
    tables: { registry: 'readWrite' },
  },
  {
    id: 'registryUpdateFacility',
    entry: 'functions/registry/update-facility.ts',
    description: 'Updates a facility under its version, with an audit entry (admin)',
    trigger: { kind: 'http', routes: [updateFacilityRoute] },
    tables: { registry: 'readWrite' },
  },
  {
    id: 'registryListEnterpriseAudit',
    entry: 'functions/registry/list-enterprise-audit.ts',
    description: 'Lists who changed what on an enterprise (admin)',
    trigger: { kind: 'http', routes: [listEnterpriseAuditRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryCreateMeter',
    entry: 'functions/registry/create-meter.ts',
    description: 'Registers a meter with its identifier (admin)',
    trigger: { kind: 'http', routes: [createMeterRoute] },
    tables: { registry: 'readWrite' },
  },
  {
    id: 'registryUpdateMeter',
    entry: 'functions/registry/update-meter.ts',
    description: 'Updates a meter under its version, with an audit entry (admin)',
    trigger: { kind: 'http', routes: [updateMeterRoute] },
    tables: { registry: 'readWrite' },
  },
  {
    id: 'registryListMeters',
    entry: 'functions/registry/list-meters.ts',
    description: 'Lists meters by enterprise, facility and status',
    trigger: { kind: 'http', routes: [listMetersRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryGetMeter',
    entry: 'functions/registry/get-meter.ts',
    description: 'One meter',
    trigger: { kind: 'http', routes: [getMeterRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryListMeterAudit',
    entry: 'functions/registry/list-meter-audit.ts',
    description: 'Lists who changed what on a meter (admin)',
    trigger: { kind: 'http', routes: [listMeterAuditRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'registryResolveIdentifier',
    entry: 'functions/registry/resolve-identifier.ts',
    description: 'Resolves an industrial-internet identifier to its record and links',
    trigger: { kind: 'http', routes: [resolveIdentifierRoute] },
    // carbon: readings batches are found in the ingest's batch log on meter-hour rollups.
    tables: { registry: 'read', carbon: 'read' },
  },
  {
    id: 'registryListUsers',
    entry: 'functions/registry/list-users.ts',
    description: "Lists the identity provider's users with their roles and department (admin)",
    trigger: { kind: 'http', routes: [listUsersRoute] },
    identity: 'manageUsers',
  },
  {
    id: 'registrySetUserRoles',
    entry: 'functions/registry/set-user-roles.ts',
    description: "Changes a user's roles and department in the identity provider, audited (admin)",
    trigger: { kind: 'http', routes: [setUserRolesRoute] },
    tables: { registry: 'readWrite' },
    identity: 'manageUsers',
  },
  {
    id: 'registryListRoleChanges',
    entry: 'functions/registry/list-role-changes.ts',
    description: 'Lists who changed whose roles (admin)',
    trigger: { kind: 'http', routes: [listRoleChangesRoute] },
    tables: { registry: 'read' },
  },
];
