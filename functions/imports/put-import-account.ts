import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { DynamoRegistryWriter } from '../../shared/adapters/dynamodb/registry-writer.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName } from '../../shared/config/env.ts';
import { putImportAccountRoute } from '../../shared/contracts/imports.ts';
import { UnprocessableError } from '../../shared/domain/errors.ts';
import { defaultCounts, type ImportAccount } from '../../shared/domain/imports/accounts.ts';
import { auditEntry, changedFields } from '../../shared/domain/registry/audit.ts';
import type { MeterRecord } from '../../shared/domain/registry/records.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { httpHandler } from '../middleware/http.ts';
import { importAccounts } from './imports-context.ts';

const registry = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
const writer = new DynamoRegistryWriter(getDocumentClient(), tableName('registry'));
const accounts = importAccounts();

const refuse = (path: string, message: string) => new UnprocessableError(message, [{ path, message }]);

/** Each named meter exists, is of the energy type it stands for, and all belong to one enterprise. */
const metersOf = async (meters: Record<string, string | undefined>): Promise<MeterRecord[]> => {
  const found: MeterRecord[] = [];
  for (const [energyType, meterId] of Object.entries(meters)) {
    if (meterId === undefined) continue;
    const meter = await registry.getMeter(meterId);
    const path = `/body/meters/${energyType}`;
    if (meter === undefined) throw refuse(path, `计量点 ${meterId} 不存在 (meter ${meterId} not found)`);
    if (meter.energyType !== energyType)
      throw refuse(
        path,
        `计量点 ${meterId} 的能源品种是 ${meter.energyType} (meter ${meterId} measures ${meter.energyType})`,
      );
    if (meter.readingKind !== 'interval')
      throw refuse(path, `账户计量点须为区间计量 (an account meter must be an interval meter)`);
    found.push(meter);
  }
  if (new Set(found.map((m) => m.enterpriseId)).size > 1)
    throw refuse(
      '/body/meters',
      '一个账户的计量点须属于同一企业 (an account’s meters belong to one enterprise)',
    );
  return found;
};

/** The enterprise's meters, and the meters other accounts stand on: for the default of `counts`. */
const overlapDefault = async (accountId: string, meters: MeterRecord[]) => {
  const enterpriseId = meters[0]?.enterpriseId ?? '';
  const enterpriseMeters: MeterRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await registry.listMeters({ enterpriseId, ...(cursor ? { cursor } : {}) });
    enterpriseMeters.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const others = new Set(
    (await accounts.listAccounts())
      .filter((a) => a.accountId !== accountId)
      .flatMap((a) => Object.values(a.meters).filter((id): id is string => id !== undefined)),
  );
  return defaultCounts(meters, enterpriseMeters, others);
};

/**
 * The registry learns that the meter stands for a feed (`source: feed`, a new version with its audit
 * entry): the offline scan then judges it by monthly files, not by a device's interval.
 */
const markFeedMeters = async (meters: readonly MeterRecord[], principal: Principal) => {
  for (const meter of meters) {
    if (meter.source === 'feed') continue;
    const at = systemClock();
    const next: MeterRecord = {
      ...meter,
      source: 'feed',
      version: meter.version + 1,
      updatedAt: at.toISOString(),
    };
    const subject = { type: 'meter' as const, id: meter.id, version: next.version };
    const diff = changedFields({ ...meter }, { ...next });
    await writer.updateMeter(next, meter, auditEntry(principal, at, 'meter.updated', subject, diff));
  }
};

/**
 * Admins only (route roles): maps a feed account to the registry meters standing for it
 * (docs/imports.md, "Accounts"), and says whether the feed or the enterprise's own meters count.
 */
export const handler = httpHandler(putImportAccountRoute, async ({ params, body, principal }) => {
  const meters = await metersOf(body.meters);
  if (body.kind !== 'energy-report' && meters.length !== 1)
    throw refuse(
      '/body/meters',
      '公用事业与燃料账户只对应一个计量点 (a utility or fuel account has one meter)',
    );
  const account: ImportAccount = {
    accountId: params.accountId,
    kind: body.kind,
    ...(body.name ? { name: body.name } : {}),
    meters: body.meters,
    enterpriseId: meters[0]?.enterpriseId ?? '',
    counts: body.counts ?? (await overlapDefault(params.accountId, meters)),
    updatedAt: systemClock().toISOString(),
    updatedBy: principal.username,
  };
  await markFeedMeters(meters, principal);
  await accounts.putAccount(account);
  return account;
});
