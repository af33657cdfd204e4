import { ValidationError } from '../errors.ts';

/**
 * The answer's format (GeoReport v2, "Format Support"): a `.xml` or `.json` suffix on the resource,
 * else the `format` parameter, else XML — the format the spec requires of every server.
 */
export const OPEN311_FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The MIME types the discovery document lists for the endpoint. */
export const FORMAT_MIME_TYPES = ['text/xml', 'application/json'] as const;

const SUFFIX = /\.(xml|json)$/;

/** `waterPollution.json` → `{ name: 'waterPollution', format: 'json' }`; no known suffix: the name as is. */
export const splitFormatSuffix = (segment: string): { name: string; format?: Open311Format } => {
  const found = SUFFIX.exec(segment);
  if (found === null) return { name: segment };
  return { name: segment.slice(0, found.index), format: found[1] as Open311Format };
};

const isFormat = (value: string): value is Open311Format =>
  (OPEN311_FORMATS as readonly string[]).includes(value);

/** The format asked for by the path's last segment or the `format` parameter (400 for another one). */
export const requestedFormat = (path: string, formatParameter: string | undefined): Open311Format => {
  const fromPath = splitFormatSuffix(path.split('/').at(-1) ?? '').format;
  if (fromPath !== undefined) return fromPath;
  const asked = formatParameter?.trim().toLowerCase() ?? '';
  if (asked === '') return 'xml';
  if (isFormat(asked)) return asked;
  const message = `不支持的格式 ${asked.slice(0, 20)}，可用 xml 或 json (format must be xml or json)`;
  throw new ValidationError(message, [{ path: '/query/format', message }]);
};
