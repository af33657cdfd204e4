import { createMeter } from '../../shared/application/registry/meter-commands.ts';
import { createMeterRoute } from '../../shared/contracts/meters.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(createMeterRoute, ({ body, principal }) =>
  createMeter(registryContext(), principal, body),
);
