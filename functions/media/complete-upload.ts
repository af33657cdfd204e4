import { completeUpload } from '../../shared/application/media/complete-upload.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { completeUploadRoute } from '../../shared/contracts/media.ts';
import { mediaSummary } from '../../shared/domain/media/media-view.ts';
import { httpHandler } from '../middleware/http.ts';
import { mediaDeps } from './media-context.ts';

const deps = mediaDeps();

export const handler = httpHandler(completeUploadRoute, async ({ params, principal }) =>
  mediaSummary(await completeUpload(deps, { id: params.id, principal, at: systemClock() })),
);
