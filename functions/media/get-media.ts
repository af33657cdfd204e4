import { systemClock } from '../../shared/config/clock.ts';
import { getMediaRoute } from '../../shared/contracts/media.ts';
import {
  DOWNLOAD_LINK_SECONDS,
  downloadTarget,
  mediaSummary,
  visibleMedia,
} from '../../shared/domain/media/media-view.ts';
import { httpHandler } from '../middleware/http.ts';
import { mediaDeps } from './media-context.ts';

const { catalog, objects } = mediaDeps();

export const handler = httpHandler(getMediaRoute, async ({ params, query, principal }) => {
  const record = visibleMedia(principal, await catalog.get(params.id), params.id);
  const target = downloadTarget(principal, record, query.variant);
  if (target === undefined) return mediaSummary(record);
  const url = await objects.downloadUrl(target.key, DOWNLOAD_LINK_SECONDS, record.fileName);
  const expiresAt = new Date(systemClock().getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  return { ...mediaSummary(record), download: { variant: target.variant, url, expiresAt } };
});
