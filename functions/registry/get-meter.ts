import { loadMeter } from '../../shared/application/registry/meter-commands.ts';
import { getMeterRoute } from '../../shared/contracts/meters.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(getMeterRoute, ({ params }) => loadMeter(registryContext(), params.id));
