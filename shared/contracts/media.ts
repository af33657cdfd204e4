import * as z from 'zod';
import { MEDIA_HOLDER_KINDS, MEDIA_PARTS } from '../domain/media/media-attachment.ts';
import { MEDIA_STATUSES } from '../domain/media/media-record.ts';
import { MEDIA_CONTENT_TYPES } from '../domain/media/media-types.ts';
import { defineRoute, lazily, type RouteContract } from './route.ts';

export const MEDIA_VARIANTS = ['public', 'original'] as const;

export const CreateUploadRequestSchema = z
  .object({
    contentType: z.enum(MEDIA_CONTENT_TYPES),
    sizeBytes: z.number().int().positive().describe('Size of the file the client is about to upload'),
    fileName: z.string().min(1).max(255).optional().describe('Original name, kept for display only'),
  })
  .meta({ id: 'CreateUploadRequest' });
export type CreateUploadRequest = z.infer<typeof CreateUploadRequestSchema>;

/** The answers' schemas are built on first use (route.ts, `lazily`): no handler reads them. */
const uploadSlotSchema = lazily(() =>
  z
    .object({
      uploadId: z.string(),
      key: z.string().describe('Object key chosen by the server; the client cannot choose it'),
      url: z.string().url(),
      fields: z.record(z.string(), z.string()).describe('Form fields to send with the file (presigned POST)'),
      maxBytes: z.number().int(),
      expiresAt: z.iso.datetime(),
    })
    .meta({ id: 'UploadSlot' }),
);
export type UploadSlot = z.infer<ReturnType<typeof uploadSlotSchema>>;

export const createUploadRoute = defineRoute({
  id: 'createMediaUpload',
  method: 'POST',
  path: '/media/uploads',
  roles: ['deputy', 'handler', 'head', 'supervisor', 'admin'],
  summary: 'Get a presigned slot to upload one photo or video straight to storage',
  tag: 'media',
  body: CreateUploadRequestSchema,
  get response() {
    return uploadSlotSchema();
  },
  successStatus: 201,
  errorStatuses: [413, 415],
});

export const MediaIdParamsSchema = z
  .object({ id: z.string().min(1).max(200).describe('The uploadId of the slot') })
  .meta({ id: 'MediaIdParams' });

const mediaAttachmentSchema = lazily(() =>
  z
    .object({
      kind: z.enum(MEDIA_HOLDER_KINDS),
      id: z.string().describe('The case or suggestion id'),
      part: z.enum(MEDIA_PARTS),
      seq: z.number().int().optional().describe('The timeline step that cited the file'),
      round: z.number().int().optional().describe('Rework count (evidence) or handling round'),
      commentId: z.string().optional(),
      by: z.string().optional().describe('Who cited it; shown to readers of the original only'),
      at: z.iso.datetime(),
    })
    .meta({ id: 'MediaAttachment' }),
);

const mediaSchema = lazily(() =>
  z
    .object({
      id: z.string(),
      ownerId: z.string().optional().describe('The uploader; shown to readers of the original only'),
      status: z.enum(MEDIA_STATUSES).describe('pending until completed; rejected when the bytes lied'),
      declaredType: z.enum(MEDIA_CONTENT_TYPES),
      contentType: z.enum(MEDIA_CONTENT_TYPES).optional().describe('The type found in the bytes'),
      sizeBytes: z.number().int().optional(),
      sha256: z.string().optional().describe('Hex SHA-256 of the original'),
      fileName: z.string().optional(),
      createdAt: z.iso.datetime(),
      completedAt: z.iso.datetime().optional(),
      rejectionReason: z.string().optional(),
      hasPublicCopy: z.boolean().describe('A copy without location metadata exists (JPEG, PNG, WebP)'),
      attachedTo: mediaAttachmentSchema()
        .optional()
        .describe(
          'The one record citing the file; absent while attached to nothing (then only its uploader reads it)',
        ),
    })
    .meta({ id: 'Media' }),
);

const mediaDownloadSchema = lazily(() =>
  mediaSchema()
    .extend({
      download: z
        .object({
          variant: z.enum(MEDIA_VARIANTS),
          url: z.string().url(),
          expiresAt: z.iso.datetime(),
        })
        .optional()
        .describe('A short-lived presigned GET link; absent until the file is ready'),
    })
    .meta({ id: 'MediaDownload' }),
);

export const GetMediaQuerySchema = z
  .object({
    variant: z
      .enum(MEDIA_VARIANTS)
      .default('public')
      .describe(
        'public: location removed (readers of the original fall back to it when none exists); original: with location, for the uploader and the staff assigned to the record (docs/media-access.md)',
      ),
  })
  .meta({ id: 'GetMediaQuery' });

export const completeUploadRoute = defineRoute({
  id: 'completeMediaUpload',
  method: 'POST',
  path: '/media/{id}/complete',
  roles: ['deputy', 'handler', 'head', 'supervisor', 'admin'],
  summary:
    'Check an uploaded file by its bytes and make it ready (owner only); 422 when it lies about its type',
  tag: 'media',
  params: MediaIdParamsSchema,
  get response() {
    return mediaSchema();
  },
  successStatus: 200,
  errorStatuses: [404, 409, 422],
});

export const getMediaRoute = defineRoute({
  id: 'getMedia',
  method: 'GET',
  path: '/media/{id}',
  roles: ['deputy', 'handler', 'head', 'supervisor', 'admin'],
  summary: 'Metadata of one file and a 5-minute download link; 404 to anyone who may not see it',
  tag: 'media',
  params: MediaIdParamsSchema,
  query: GetMediaQuerySchema,
  get response() {
    return mediaDownloadSchema();
  },
  successStatus: 200,
  errorStatuses: [404],
});

/** Media: upload slots, completion, download links. */
export const MEDIA_ROUTES: readonly RouteContract[] = [createUploadRoute, completeUploadRoute, getMediaRoute];
