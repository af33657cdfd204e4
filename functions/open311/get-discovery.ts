import { ENV } from '../../shared/config/env.ts';
import { OPEN311_BASE } from '../../shared/contracts/open311.ts';
import { discoveryDocument } from '../../shared/domain/open311/open311-discovery.ts';
import { open311Handler } from '../middleware/open311.ts';

/** GET discovery (Open311 service discovery): where the GeoReport v2 endpoint is and what it speaks. */
export const handler = open311Handler(async ({ origin }) => ({
  root: 'discovery',
  value: discoveryDocument(`${origin}${OPEN311_BASE}`, process.env[ENV.stage] ?? 'local'),
}));
