import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  ScanCommand,
  type ScanCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import pRetry from 'p-retry';
import type { CaseRecord } from '../../domain/cases/case-record.ts';
import type { SuggestionRecord } from '../../domain/suggestions/suggestion-record.ts';
import { caseListingItems } from './case-index.ts';
import { suggestionListingItems } from './suggestion-store.ts';
import { type SideItem, stripKeys } from './workflow-layout.ts';
import { sidePuts } from './workflow-transaction.ts';

export interface RelistReport {
  /** Records whose listing copies were written again from the record. */
  relisted: number;
  /** Records written by someone else between our read and our write: read again and relisted. */
  retried: number;
  /** Records that were gone when read again. */
  gone: number;
}

/** A record kind's prefix and the listing copies its current state must have. */
interface Relisting {
  prefix: 'CASE' | 'SUGGESTION';
  listingItems: (record: Record<string, unknown>) => SideItem[];
}

const CASES: Relisting = {
  prefix: 'CASE',
  listingItems: (record) => caseListingItems(record as unknown as CaseRecord),
};

const SUGGESTIONS: Relisting = {
  prefix: 'SUGGESTION',
  listingItems: (record) => suggestionListingItems(record as unknown as SuggestionRecord),
};

/** A Scan position: the key of the last item of a page, to resume after. */
export type RelistPosition = Record<string, unknown>;

export interface RelistOptions {
  /** Resume after this position (an earlier run's last `onPage`); from the start when absent. */
  from?: RelistPosition;
  /**
   * At most this many records a second (default 20): a case is a transaction of 3–8 items, all listed
   * on `CASES#ALL` or its facet partitions, which the API writes too (a suggestion: one per signatory
   * and unit); an unpaced run would take a GSI partition's 1,000 WCU/s from it.
   */
  perSecond?: number;
  /** After each Scan page, once its records are relisted: the report so far and where to resume. */
  onPage?: (report: RelistReport, resumeAfter: RelistPosition | undefined) => void;
}

/** Tries of one record: a lost race is read again; five lost in a row is a fault worth stopping for. */
const ATTEMPTS = 5;

/**
 * Writes every case's listing snapshots again from its record (case-index.ts), each case in one
 * transaction on condition that the record is still at the version read. For cases written before a
 * change of the listing layout — 2026-12: `LIST#FACET`, the state/category keys of `LIST#ALL`, and
 * `LIST#GEO` moved from geohash-7 to geohash-6 cells. Until it has run, the supervisors' filtered
 * lists miss those cases and duplicate detection does not see them.
 *
 * Live-safe: the API's own steps write the record and its snapshots in one transaction, so a case is
 * never half relisted; when its record moved meanwhile (or a transaction held it), the case is read
 * again and relisted at its new version — whoever wrote it, even code of the layout before. Idempotent:
 * running it again rewrites the same items; it retires nothing (a snapshot that no longer applies was
 * tombstoned when it stopped). Resumable: `from` an `onPage` position skips what was done.
 */
export const relistCases = (
  client: DynamoDBDocumentClient,
  table: string,
  options: RelistOptions = {},
): Promise<RelistReport> => relist(client, table, CASES, options);

/**
 * The same for suggestions: writes every suggestion's listed pointers again with their copy of the
 * record (suggestion-store.ts), for pointers written before the copies (2026-12). Until it has run,
 * the lists read such a pointer's record in one more request (BatchGetItem); nothing is missing.
 */
export const relistSuggestions = (
  client: DynamoDBDocumentClient,
  table: string,
  options: RelistOptions = {},
): Promise<RelistReport> => relist(client, table, SUGGESTIONS, options);

const relist = async (
  client: DynamoDBDocumentClient,
  table: string,
  kind: Relisting,
  options: RelistOptions,
): Promise<RelistReport> => {
  const report: RelistReport = { relisted: 0, retried: 0, gone: 0 };
  const pace = pacer(options.perSecond ?? 20);
  let startKey = options.from;
  do {
    const page = await scanPage(client, table, kind.prefix, startKey);
    for (const item of page.Items ?? []) {
      await pace();
      report[await relistOne(client, table, kind, item, report)]++;
    }
    startKey = page.LastEvaluatedKey;
    options.onPage?.({ ...report }, startKey);
  } while (startKey !== undefined);
  return report;
};

const relistOne = async (
  client: DynamoDBDocumentClient,
  table: string,
  kind: Relisting,
  scanned: Record<string, unknown>,
  report: RelistReport,
): Promise<'relisted' | 'gone'> => {
  const key = { pk: scanned.pk, sk: scanned.sk };
  let item: Record<string, unknown> | undefined = scanned;
  return pRetry(
    async (attempt) => {
      if (attempt > 1) {
        report.retried += attempt === 2 ? 1 : 0;
        item = (await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
      }
      if (item === undefined) return 'gone';
      await client.send(relisting(table, kind, item));
      return 'relisted';
    },
    {
      retries: ATTEMPTS - 1,
      minTimeout: 20,
      factor: 2,
      randomize: true,
      // A failed version check or a TransactionConflict: someone else wrote the case. Not a fault.
      shouldRetry: ({ error }) => error instanceof TransactionCanceledException,
    },
  );
};

const relisting = (table: string, kind: Relisting, item: Record<string, unknown>) => {
  const record = stripKeys<Record<string, unknown> & { version: number }>(item);
  return new TransactWriteCommand({
    TransactItems: [
      {
        ConditionCheck: {
          TableName: table,
          Key: { pk: item.pk, sk: item.sk },
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': record.version },
        },
      },
      ...sidePuts(table, kind.listingItems(record)),
    ],
  });
};

const scanPage = (
  client: DynamoDBDocumentClient,
  table: string,
  prefix: Relisting['prefix'],
  startKey: RelistPosition | undefined,
): Promise<ScanCommandOutput> =>
  client.send(
    new ScanCommand({
      TableName: table,
      FilterExpression: 'sk = :record AND begins_with(pk, :prefix)',
      ExpressionAttributeValues: { ':record': 'RECORD', ':prefix': `${prefix}#` },
      ConsistentRead: true,
      ExclusiveStartKey: startKey,
    }),
  );

/** Waits so that the n-th call returns no sooner than n / perSecond seconds after the first. */
const pacer = (perSecond: number) => {
  const started = performance.now();
  let calls = 0;
  return async () => {
    const due = started + (calls++ * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  };
};
