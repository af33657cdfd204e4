import { listDepartmentsRoute, listFactorsRoute } from '../../shared/contracts/registry.ts';
import type { FunctionSpec } from '../manifest.ts';

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
    id: 'registryListFactors',
    entry: 'functions/registry/list-factors.ts',
    description: 'Lists the emission-factor library with sources, versions and handles',
    trigger: { kind: 'http', routes: [listFactorsRoute] },
  },
];
