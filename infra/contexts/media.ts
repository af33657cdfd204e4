import { completeUploadRoute, createUploadRoute, getMediaRoute } from '../../shared/contracts/media.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** Media: slots (catalog entry + presigned POST), completion (bytes checked, copies filed), links. */
export const MEDIA_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'mediaCreateUpload',
    entry: 'functions/media/create-upload.ts',
    description: 'Presigned upload slots for photos and video',
    trigger: { kind: 'http', routes: [createUploadRoute] },
    tables: { workflow: 'write' },
    buckets: { media: 'write' },
  },
  {
    id: 'mediaCompleteUpload',
    entry: 'functions/media/complete-upload.ts',
    description: 'Check an upload by its bytes; file the original and a location-free copy',
    memoryMb: 512,
    // API Gateway answers 503 after 30 s; a 300 MB video copies well within that inside S3.
    timeoutSeconds: 29,
    trigger: { kind: 'http', routes: [completeUploadRoute] },
    tables: { workflow: 'readWrite' },
    buckets: { media: 'readWrite' },
  },
  {
    id: 'mediaGet',
    entry: 'functions/media/get-media.ts',
    description: 'Media metadata and a short-lived download link',
    trigger: { kind: 'http', routes: [getMediaRoute] },
    // Read: the presigned link carries this function's permission to GetObject.
    tables: { workflow: 'read' },
    buckets: { media: 'read' },
  },
];
