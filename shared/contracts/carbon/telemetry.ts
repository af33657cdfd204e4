import * as z from 'zod';
import type { EventParser } from '../../domain/carbon/ingest/ingest-records.ts';

/**
 * One reading: an interval quantity (consumption since the previous reading) or a cumulative
 * register value. Exactly one of the two.
 */
export const ReadingSchema = z
  .object({
    ts: z.iso.datetime({ offset: true }).describe('When the reading was taken (ISO-8601)'),
    quantity: z.number().finite().optional(),
    register: z.number().finite().optional(),
  })
  .refine((reading) => (reading.quantity === undefined) !== (reading.register === undefined), {
    message: 'exactly one of quantity or register is required',
  });

/** What a meter publishes on `qingshan/{stage}/meters/{meterId}/telemetry`. */
export const TelemetryPayloadSchema = z.object({
  messageId: z.string().min(1).max(128).describe('Unique per message; a redelivery carries the same id'),
  readings: z.array(ReadingSchema).min(1).max(500),
});
export type TelemetryPayload = z.infer<typeof TelemetryPayloadSchema>;

/** The object the IoT topic rule hands to the ingest Lambda: the payload plus what the rule adds. */
export const TelemetryRuleEventSchema = TelemetryPayloadSchema.extend({
  meterId: z.string().min(1).max(64),
  clientId: z.string(),
  receivedAt: z.number().int().describe('Broker receive time, ms since epoch (timestamp())'),
});
export type TelemetryRuleEvent = z.infer<typeof TelemetryRuleEventSchema>;

/** The ingest's check of an event (the domain's EventParser): the event, or each issue by its path. */
export const parseTelemetryEvent: EventParser = (event) => {
  const parsed = TelemetryRuleEventSchema.safeParse(event);
  return parsed.success
    ? { ok: true, event: parsed.data }
    : {
        ok: false,
        issues: parsed.error.issues.map((issue) => ({
          path: `/${issue.path.map(String).join('/')}`,
          message: issue.message,
        })),
      };
};

/**
 * Every MQTT topic of a stage starts with `qingshan/<stage>/`, so two stages in one account never read
 * each other's meters: the stage's IoT rule selects only its own prefix and its device policy allows
 * publishing only there. The one place topics are spelled (CDK, local broker, simulator, provisioning).
 */
export const meterTopicPrefix = (stage: string, meterId: string): string =>
  `qingshan/${stage}/meters/${meterId}/`;
export const telemetryTopic = (stage: string, meterId: string): string =>
  `${meterTopicPrefix(stage, meterId)}telemetry`;
/** The filter a stage's ingest rule reads. */
export const telemetryTopicFilter = (stage: string): string => telemetryTopic(stage, '+');
/** Which topic level holds the meter id, as IoT SQL's 1-based `topic(n)` counts. */
export const METER_ID_TOPIC_LEVEL = 4;

/**
 * IoT thing names (and so MQTT client ids in the cloud) are per account and region, not per stack:
 * each stage names its things `qingshan-<stage>-<meterId>`, so a dev meter never takes over a prod
 * meter's session. The meter id rides along as a thing attribute the device policy reads.
 */
export const meterThingName = (stage: string, meterId: string): string => `qingshan-${stage}-${meterId}`;
export const METER_ID_THING_ATTRIBUTE = 'meterId';
