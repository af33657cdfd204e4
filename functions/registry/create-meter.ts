import { createMeterRoute } from '../../shared/contracts/meters.ts';
import { httpHandler } from '../middleware/http.ts';
import { createMeter } from './meter-commands.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(createMeterRoute, ({ body, principal }) =>
  createMeter(registryContext(), principal, body),
);
