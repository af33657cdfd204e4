import { z } from 'zod';

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

/** What a meter publishes on `qingshan/meters/{meterId}/telemetry`. */
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

export const TELEMETRY_TOPIC_FILTER = 'qingshan/meters/+/telemetry';
export const telemetryTopic = (meterId: string): string => `qingshan/meters/${meterId}/telemetry`;
