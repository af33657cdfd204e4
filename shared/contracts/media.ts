import { z } from 'zod';
import { MEDIA_CONTENT_TYPES } from '../domain/media/media-types.ts';
import { defineRoute } from './route.ts';

export const CreateUploadRequestSchema = z
  .object({
    contentType: z.enum(MEDIA_CONTENT_TYPES),
    sizeBytes: z.number().int().positive().describe('Size of the file the client is about to upload'),
    fileName: z.string().min(1).max(255).optional().describe('Original name, kept for display only'),
  })
  .meta({ id: 'CreateUploadRequest' });
export type CreateUploadRequest = z.infer<typeof CreateUploadRequestSchema>;

export const UploadSlotSchema = z
  .object({
    uploadId: z.string(),
    key: z.string().describe('Object key chosen by the server; the client cannot choose it'),
    url: z.string().url(),
    fields: z.record(z.string(), z.string()).describe('Form fields to send with the file (presigned POST)'),
    maxBytes: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'UploadSlot' });
export type UploadSlot = z.infer<typeof UploadSlotSchema>;

export const createUploadRoute = defineRoute({
  id: 'createMediaUpload',
  method: 'POST',
  path: '/media/uploads',
  roles: ['deputy', 'handler', 'head', 'supervisor', 'admin'],
  summary: 'Get a presigned slot to upload one photo or video straight to storage',
  tag: 'media',
  body: CreateUploadRequestSchema,
  response: UploadSlotSchema,
  successStatus: 201,
  errorStatuses: [413, 415],
});
