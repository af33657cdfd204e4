import * as z from 'zod';
import { defineRoute } from './route.ts';

/** Device provisioning of a meter (`/meters/{id}/credentials`, README "Local broker credentials"); admin only. */

// No `.meta({ id })` here: a named params schema becomes a $ref and drops out of the OpenAPI parameters.
export const MeterCredentialParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/)
    .describe('Meter id, e.g. MTR-0001'),
});

const issuedBase = {
  meterId: z.string(),
  clientId: z.string().describe('The MQTT client id to connect with (= meter id)'),
  topic: z.string().describe('The only topic the device may publish to'),
  issuedAt: z.iso.datetime(),
};

export const IssuedCredentialsSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('broker'),
        ...issuedBase,
        mqttUrl: z.string(),
        username: z.string(),
        password: z.string().describe('Shown once; only its scrypt hash is kept'),
      })
      .meta({ id: 'IssuedBrokerCredentials', description: 'Local runtime: MQTT username and password' }),
    z
      .object({
        kind: z.literal('certificate'),
        ...issuedBase,
        endpoint: z.string().describe('IoT Core data endpoint (ATS)'),
        thingName: z.string(),
        certificateId: z.string(),
        certificateArn: z.string(),
        certificatePem: z.string(),
        privateKey: z.string().describe('Shown once; never stored'),
      })
      .meta({ id: 'IssuedCertificateCredentials', description: 'AWS IoT Core: X.509 certificate and key' }),
  ])
  .meta({ id: 'IssuedCredentials' });

export const issueMeterCredentialsRoute = defineRoute({
  id: 'issueMeterCredentials',
  method: 'POST',
  path: '/meters/{id}/credentials',
  roles: ['admin'],
  summary:
    '为计量设备签发接入凭证 Issue device credentials for a meter, shown once (409 while active ones exist unless rotate=true)',
  tag: 'registry',
  params: MeterCredentialParamsSchema,
  query: z.object({
    rotate: z
      .enum(['true', 'false'])
      .optional()
      .describe('true: revoke the active credentials and issue new ones'),
  }),
  response: IssuedCredentialsSchema,
  successStatus: 201,
  errorStatuses: [404, 409],
});

export const revokeMeterCredentialsRoute = defineRoute({
  id: 'revokeMeterCredentials',
  method: 'DELETE',
  path: '/meters/{id}/credentials',
  roles: ['admin'],
  summary: '吊销计量设备凭证 Revoke a meter’s credentials and disconnect the device (idempotent)',
  tag: 'registry',
  params: MeterCredentialParamsSchema,
  response: z.null(),
  successStatus: 204,
  errorStatuses: [404],
});
