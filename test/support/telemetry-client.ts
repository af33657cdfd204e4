import mqtt from 'mqtt';
import { LOCAL_STAGE } from '../../infra/local/environment.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { TestStack } from './local-stack.ts';

/**
 * What the ingest tests do over the wire: publish as a demo meter over MQTT (QoS 1, waiting until
 * the rule queue has handled everything), read `/emissions` and `/quarantine` over HTTP.
 */

export interface TelemetryMessage {
  messageId?: string;
  readings: unknown;
}

/** Publishes the messages in order as the meter's device, then waits for the rule queue to drain. */
export const publishAs = async (t: TestStack, meterId: string, messages: readonly unknown[]) => {
  const device = t.stack.devices.find((d) => d.meterId === meterId);
  if (device === undefined) throw new Error(`no seeded device for ${meterId}`);
  const client = await mqtt.connectAsync(t.stack.urls.mqtt, {
    clientId: meterId,
    username: meterId,
    password: device.secret,
    protocolVersion: 4,
    reconnectPeriod: 0,
  });
  for (const message of messages) {
    const payload = typeof message === 'string' ? message : JSON.stringify(message);
    await client.publishAsync(telemetryTopic(LOCAL_STAGE, meterId), payload, { qos: 1 });
  }
  await client.endAsync();
  await t.stack.ruleEngine.idle();
};

export interface EmissionPoint {
  period: string;
  co2eT: number;
  co2eMarketT: number;
  /** Energy in tonnes of standard coal equivalent. */
  tce: number;
  scope1T?: number;
  scope2LocationT?: number;
  energyTypes: Record<string, number>;
  gases: Record<string, number>;
  quantities: Record<string, { value: number; unit?: string }>;
  readings: number;
  batches: number;
}

export interface EmissionsBody {
  units: Record<string, unknown>;
  series: EmissionPoint[];
  totals: EmissionPoint;
  breakdowns: {
    byScope: { scope: string; tCO2e: number }[];
    byEnergyType: { energyType: string; tCO2e: number; quantity?: number; unit?: string }[];
    byGas: { gas: string; tonnes: number }[];
  };
}

/** `GET /emissions` of one target and one period as the role; fails the test on a non-200. */
export const emissionsOf = async (
  t: TestStack,
  role: Role,
  query: { level: string; id?: string; period: string; granularity: string },
): Promise<EmissionsBody> => {
  const id = query.id === undefined ? '' : `&id=${query.id}`;
  const path = `/emissions?level=${query.level}${id}&from=${query.period}&to=${query.period}&granularity=${query.granularity}`;
  const response = await t.api(path, { token: t.stack.users[role].token });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as EmissionsBody;
};

export interface QuarantineEntry {
  id: string;
  messageId?: string;
  meterId?: string;
  reason: string;
  issues: { path: string; message: string }[];
  original: unknown;
  receipts?: number;
  replayOutcome?: string;
}

/** Every quarantine entry of a UTC day, as an admin lists them (all pages). */
export const quarantinedOn = async (t: TestStack, day: string): Promise<QuarantineEntry[]> => {
  const entries: QuarantineEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.api(`/quarantine?date=${day}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      token: t.stack.users.admin.token,
    });
    if (page.status !== 200) throw new Error(`/quarantine: ${page.status} ${await page.text()}`);
    const body = (await page.json()) as { items: QuarantineEntry[]; cursor?: string };
    entries.push(...body.items);
    cursor = body.cursor;
  } while (cursor !== undefined);
  return entries;
};
