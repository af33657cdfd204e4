import { systemClock } from '../../shared/config/clock.ts';
import { getMediaRoute } from '../../shared/contracts/media.ts';
import { mediaReadRight } from '../../shared/domain/media/media-access.ts';
import {
  DOWNLOAD_LINK_SECONDS,
  downloadTarget,
  mediaSummary,
  requireReadable,
} from '../../shared/domain/media/media-view.ts';
import { httpHandler } from '../middleware/http.ts';
import { mediaDeps } from './media-context.ts';
import { mediaHolderOf } from './media-holder.ts';

const { catalog, objects } = mediaDeps();

/**
 * The uploader reads their file; anyone else through the record it is attached to (media-access.ts):
 * the public copy for its readers, the original for the staff assigned to it. Otherwise 404.
 */
export const handler = httpHandler(getMediaRoute, async ({ params, query, principal }) => {
  const stored = await catalog.get(params.id);
  const own = stored?.ownerId === principal.userId;
  const holder = stored === undefined || own ? undefined : await mediaHolderOf(stored);
  const right = stored === undefined ? 'none' : mediaReadRight(principal, stored, holder);
  const { record, right: held } = requireReadable(stored, right, params.id);
  const target = downloadTarget(record, held, query.variant);
  if (target === undefined) return mediaSummary(record, held);
  const url = await objects.downloadUrl(target.key, DOWNLOAD_LINK_SECONDS, record.fileName);
  const expiresAt = new Date(systemClock().getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  return { ...mediaSummary(record, held), download: { variant: target.variant, url, expiresAt } };
});
