import { ENV } from '../../shared/config/env.ts';
import { healthRoute } from '../../shared/contracts/system.ts';
import { httpHandler } from '../middleware/http.ts';

export const handler = httpHandler(healthRoute, async () => ({
  status: 'ok' as const,
  service: 'qingshan',
  stage: process.env[ENV.stage] ?? 'local',
  time: new Date().toISOString(),
}));
