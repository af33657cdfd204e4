import mqtt from 'mqtt';
import { expect } from 'vitest';
import { LOCAL_STAGE } from '../../infra/local/environment.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import type { MeasuredParameter } from '../../shared/domain/carbon/accounting/measured-parameters.ts';
import type { TestStack } from './local-stack.ts';

/**
 * Meters registered through the registry API and fed over MQTT with the credentials it issues, as
 * an operator would set up a new line: what the worked-case tests need beyond the demo fleet.
 */

export interface MeterSpec {
  id: string;
  enterpriseId: string;
  energyType: string;
  unit: string;
  gridRegion?: string;
  greenPower?: boolean;
  measuredParameters?: MeasuredParameter[];
}

export interface Expected {
  co2eT: number;
  co2eMarketT?: number;
  tce: number;
  quantity?: [number, string];
  /** CH4 in tonnes: only the IPCC method counts it. */
  ch4?: number;
}

export interface Case {
  name: string;
  meter: string;
  quantity: number;
  /** An explicit instant; otherwise the case gets an hour of its own in July 2026. */
  ts?: string;
  /** Configuration while this case is ingested (the deployment's settings). */
  env?: Partial<Record<'accountingMethod' | 'gwpSet' | 'factorProgramme', string>>;
  expected: Expected;
}

const send = async (t: TestStack, method: string, path: string, body?: unknown) => {
  const response = await t.api(path, {
    method,
    token: t.stack.users.admin.token,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return JSON.parse(text) as Record<string, unknown>;
};

/** Registers the meter (interval, hourly) and issues its broker password. */
export const registerMeter = async (t: TestStack, spec: MeterSpec): Promise<string> => {
  await send(t, 'POST', '/meters', {
    ...spec,
    facilityId: spec.enterpriseId.replace('ENT', 'FAC'),
    name: `核算样例 ${spec.id}`,
    readingKind: 'interval',
    expectedIntervalSeconds: 3600,
  });
  const issued = await send(t, 'POST', `/meters/${spec.id}/credentials`);
  return String(issued.password);
};

/** Sets an enterprise's factor programme (PATCH under the version read). */
export const chooseProgramme = async (t: TestStack, enterpriseId: string, factorProgramme: string) => {
  const enterprise = await send(t, 'GET', `/enterprises/${enterpriseId}`);
  await send(t, 'PATCH', `/enterprises/${enterpriseId}`, { version: enterprise.version, factorProgramme });
};

/** One message per reading, each meter on its own connection; returns when the rule queue is idle. */
export const publishReadings = async (
  t: TestStack,
  passwords: ReadonlyMap<string, string>,
  readings: readonly { meterId: string; messageId: string; ts: string; quantity: number }[],
) => {
  const byMeter = Map.groupBy(readings, (r) => r.meterId);
  await Promise.all(
    [...byMeter].map(async ([meterId, list]) => {
      const client = await mqtt.connectAsync(t.stack.urls.mqtt, {
        clientId: meterId,
        username: meterId,
        password: passwords.get(meterId) ?? '',
        protocolVersion: 4,
        reconnectPeriod: 0,
      });
      for (const r of list)
        await client.publishAsync(
          telemetryTopic(LOCAL_STAGE, meterId),
          JSON.stringify({ messageId: r.messageId, readings: [{ ts: r.ts, quantity: r.quantity }] }),
          { qos: 1 },
        );
      await client.endAsync();
    }),
  );
  await t.stack.ruleEngine.idle();
};
