import { getMeterRoute } from '../../shared/contracts/meters.ts';
import { httpHandler } from '../middleware/http.ts';
import { loadMeter } from './meter-commands.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(getMeterRoute, ({ params }) => loadMeter(registryContext(), params.id));
