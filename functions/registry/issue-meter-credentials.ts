import { issueMeterCredentialsRoute } from '../../shared/contracts/device-credentials.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import { logger } from '../../shared/observability/logger.ts';
import { httpHandler } from '../middleware/http.ts';
import { deviceCredentialsContext, loadMeter } from './device-credentials-context.ts';

/**
 * POST /meters/{id}/credentials (admin): credentials shown once. With rotate=true the active ones
 * are revoked first (the device connected with them is cut off), otherwise active ones mean 409.
 */
export const handler = httpHandler(issueMeterCredentialsRoute, async ({ params, query, principal }) => {
  const { registry, credentials, provisioner } = deviceCredentialsContext();
  const meter = await loadMeter(registry, params.id);
  if (meter.status !== 'active')
    throw new ConflictError(
      `计量器具 ${meter.id} 未启用，不能签发设备凭证 (meter ${meter.id} is ${meter.status})`,
    );
  const current = await credentials.get(meter.id);
  if (current?.status === 'active') {
    if (query.rotate !== 'true') {
      throw new ConflictError(
        `计量器具 ${meter.id} 已有有效的设备凭证；用 rotate=true 替换 (meter ${meter.id} already has active credentials; rotate=true replaces them)`,
      );
    }
    await provisioner.revoke(meter.id);
  }
  const issued = await provisioner.issue(meter);
  // Who handed out device credentials is worth a log line; the secret itself never is.
  logger.info('device credentials issued', {
    meterId: meter.id,
    kind: issued.kind,
    rotated: current?.status === 'active',
    by: principal.userId,
  });
  return issued;
});
