import { MEDIA_TYPES, type MediaContentType } from '../../../../shared/domain/media/media-types.ts';

/**
 * Why a picked file cannot be sent — a type or a size the API's upload policy refuses — or
 * undefined when it can: said at once, rather than as a failed draft later. Same table as the API.
 */
export const refusal = (file: { type: string; size: number }): 'type' | 'size' | undefined => {
  const limits = (MEDIA_TYPES as Record<string, { maxBytes: number } | undefined>)[
    file.type as MediaContentType
  ];
  if (limits === undefined) return 'type';
  return file.size > limits.maxBytes ? 'size' : undefined;
};
