import { createUploadRoute } from '../../shared/contracts/media.ts';
import type { FunctionSpec } from '../manifest.ts';

export const MEDIA_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'mediaCreateUpload',
    entry: 'functions/media/create-upload.ts',
    description: 'Presigned upload slots for photos and video',
    trigger: { kind: 'http', routes: [createUploadRoute] },
    buckets: { media: 'write' },
  },
];
