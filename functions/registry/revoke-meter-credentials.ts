import { revokeMeterCredentialsRoute } from '../../shared/contracts/device-credentials.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { logger } from '../../shared/observability/logger.ts';
import { httpHandler } from '../middleware/http.ts';
import { deviceCredentialsContext, loadMeter } from './device-credentials-context.ts';

/** DELETE /meters/{id}/credentials (admin): revoke and disconnect; repeating it is harmless (204). */
export const handler = httpHandler(revokeMeterCredentialsRoute, async ({ params, principal }) => {
  const { registry, credentials, provisioner } = deviceCredentialsContext();
  const meter = await loadMeter(registry, params.id);
  if ((await credentials.get(meter.id)) === undefined) {
    throw new NotFoundError(
      `计量器具 ${meter.id} 没有设备凭证 (meter ${meter.id} has no device credentials)`,
    );
  }
  const revoked = await provisioner.revoke(meter.id);
  if (revoked) logger.info('device credentials revoked', { meterId: meter.id, by: principal.userId });
  return null;
});
