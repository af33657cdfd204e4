import { healthRoute, openApiRoute } from '../../shared/contracts/system.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

export const SYSTEM_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'systemHealth',
    entry: 'functions/system/health.ts',
    description: 'GET /health',
    trigger: { kind: 'http', routes: [healthRoute] },
  },
  {
    id: 'systemOpenApi',
    entry: 'functions/system/openapi.ts',
    description: 'GET /openapi.json',
    trigger: { kind: 'http', routes: [openApiRoute] },
  },
];
