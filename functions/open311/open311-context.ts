import { getDocumentClient, getS3Client } from '../../shared/adapters/aws-clients.ts';
import { lastStepTimes } from '../../shared/adapters/dynamodb/case-last-steps.ts';
import { DynamoMediaCatalog } from '../../shared/adapters/dynamodb/media-catalog.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { S3MediaObjects } from '../../shared/adapters/s3/media-objects.ts';
import { bucketName, tableName, timeZone } from '../../shared/config/env.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { DOWNLOAD_LINK_SECONDS } from '../../shared/domain/media/media-view.ts';
import { requestView } from '../../shared/domain/open311/open311-request-view.ts';

/**
 * What the Open311 read functions need: the lead departments' names, when each case last changed,
 * and a short link to the public copy of its photo. Built on first use, not at import.
 */

/** Departments change rarely; a container keeps their names for five minutes. */
const DEPARTMENT_TTL_MS = 5 * 60_000;
let departments: { names: Map<string, string>; readAt: number } | undefined;

const departmentNames = async (now: number): Promise<Map<string, string>> => {
  if (departments === undefined || now - departments.readAt > DEPARTMENT_TTL_MS) {
    const store = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
    const names = new Map((await store.listDepartments()).map((d) => [d.id, d.name]));
    departments = { names, readAt: now };
  }
  return departments.names;
};

/** Files looked at per case for a public copy: the report's first few. */
const MEDIA_PER_CASE = 3;

/**
 * A short-lived link to the location-free copy of each case's first report file that has one. A
 * file counts only when it is ready and attached to that very case (media-attachment.ts).
 */
const mediaLinks = async (records: readonly CaseRecord[]): Promise<Map<string, string>> => {
  const ids = records.flatMap((record) => record.mediaIds.slice(0, MEDIA_PER_CASE));
  if (ids.length === 0) return new Map();
  const catalog = new DynamoMediaCatalog(getDocumentClient(), tableName('workflow'));
  const objects = new S3MediaObjects(getS3Client(), bucketName('media'));
  const media = await catalog.getMany(ids);
  const links = new Map<string, string>();
  for (const record of records) {
    const shown = record.mediaIds
      .slice(0, MEDIA_PER_CASE)
      .map((id) => media.get(id))
      .find((m) => m?.status === 'ready' && m.publicKey !== undefined && m.attachedTo?.id === record.id);
    if (shown?.publicKey !== undefined) {
      links.set(record.id, await objects.downloadUrl(shown.publicKey, DOWNLOAD_LINK_SECONDS));
    }
  }
  return links;
};

/** Public cases as service requests, in the order given. */
export const serviceRequests = async (records: readonly CaseRecord[], now: Date) => {
  if (records.length === 0) return [];
  const [names, updated, links] = await Promise.all([
    departmentNames(now.getTime()),
    lastStepTimes(getDocumentClient(), tableName('workflow'), records),
    mediaLinks(records),
  ]);
  const zone = timeZone();
  return records.map((record) => {
    const agency = record.leadDepartmentId === undefined ? undefined : names.get(record.leadDepartmentId);
    const mediaUrl = links.get(record.id);
    return requestView({
      record,
      updatedAt: updated.get(record.id) ?? record.submittedAt,
      timeZone: zone,
      ...(agency === undefined ? {} : { agency }),
      ...(mediaUrl === undefined ? {} : { mediaUrl }),
    });
  });
};
