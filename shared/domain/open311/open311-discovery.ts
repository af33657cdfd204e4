import { FORMAT_MIME_TYPES } from './open311-format.ts';
import type { Open311Value } from './open311-xml.ts';

/**
 * The service discovery document (wiki.open311.org/Service_Discovery): one GeoReport v2 endpoint,
 * `production` on the prod stage and `test` elsewhere. The changeset is when the services or their
 * definitions last changed: move it with every change to the categories or attributes, so clients
 * that cache them know to read them again.
 */
export const OPEN311_CHANGESET = '2026-12-06T00:00:00+08:00';
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

export const discoveryDocument = (endpointUrl: string, stage: string): Open311Value => ({
  changeset: OPEN311_CHANGESET,
  contact: '请联系本平台的管理员 (contact the administrators of this platform)',
  key_service:
    'API 密钥由平台管理员签发，申请时请说明客户端名称与用途 (API keys are issued by the administrators; say which client and what for)',
  endpoints: [
    {
      specification: GEOREPORT_V2,
      url: endpointUrl,
      changeset: OPEN311_CHANGESET,
      type: stage === 'prod' ? 'production' : 'test',
      formats: [...FORMAT_MIME_TYPES],
    },
  ],
});
