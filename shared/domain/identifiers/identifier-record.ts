import type { EmissionFactor } from '../carbon/accounting/factors.ts';
import type { EnterpriseRecord, FacilityRecord, MeterRecord } from '../registry/records.ts';

/**
 * What an identifier resolves to, shaped like a Handle record: typed elements with an index
 * (index 1 is the URL of the record in this API, as Handle's URL type sits first by convention)
 * and links to the identifiers it is connected with, so lineage can be walked handle by handle.
 */

export type IdentifierType = 'enterprise' | 'facility' | 'meter' | 'factor' | 'batch';

export interface IdentifierElement {
  index: number;
  type: string;
  value: string;
}

export interface IdentifierLink {
  rel: string;
  handle: string;
}

export interface IdentifierRecord {
  handle: string;
  type: IdentifierType;
  elements: IdentifierElement[];
  links: IdentifierLink[];
}

type Value = string | number | boolean | undefined;

/** URL first, then the defined values in the order given, numbered from 2. */
const elementsOf = (url: string, values: [string, Value][]): IdentifierElement[] => [
  { index: 1, type: 'URL', value: url },
  ...values
    .filter((pair): pair is [string, string | number | boolean] => pair[1] !== undefined)
    .map(([type, value], position) => ({ index: position + 2, type, value: String(value) })),
];

const located = (location: { latitude: number; longitude: number } | undefined): Value =>
  location === undefined ? undefined : `${location.latitude},${location.longitude}`;

export const enterpriseIdentifier = (
  enterprise: EnterpriseRecord,
  facilities: readonly { handle: string }[],
  meters: readonly Pick<MeterRecord, 'handle'>[],
): IdentifierRecord => ({
  handle: enterprise.handle,
  type: 'enterprise',
  elements: elementsOf(`/enterprises/${enterprise.id}`, [
    ['NAME', enterprise.name],
    ['USCC', enterprise.uscc],
    ['INDUSTRY_CODE', enterprise.industryCode],
    ['ADDRESS', enterprise.address],
    ['LOCATION', located(enterprise.location)],
    ['STATUS', enterprise.status],
    ['VERSION', enterprise.version],
  ]),
  links: [
    ...facilities.map((facility) => ({ rel: 'facility', handle: facility.handle })),
    ...meters.map((meter) => ({ rel: 'meter', handle: meter.handle })),
  ],
});

export const facilityIdentifier = (
  facility: FacilityRecord & { handle: string },
  enterprise: Pick<EnterpriseRecord, 'handle'>,
  meters: readonly Pick<MeterRecord, 'handle'>[],
): IdentifierRecord => ({
  handle: facility.handle,
  type: 'facility',
  elements: elementsOf(`/enterprises/${facility.enterpriseId}`, [
    ['NAME', facility.name],
    ['ENTERPRISE_ID', facility.enterpriseId],
    ['ADDRESS', facility.address],
    ['LOCATION', located(facility.location)],
  ]),
  links: [
    { rel: 'enterprise', handle: enterprise.handle },
    ...meters.map((meter) => ({ rel: 'meter', handle: meter.handle })),
  ],
});

export const meterIdentifier = (
  meter: MeterRecord,
  enterprise: Pick<EnterpriseRecord, 'handle'>,
  facility: { handle: string },
): IdentifierRecord => ({
  handle: meter.handle,
  type: 'meter',
  elements: elementsOf(`/meters/${meter.id}`, [
    ['NAME', meter.name],
    ['ENERGY_TYPE', meter.energyType],
    ['UNIT', meter.unit],
    ['READING_KIND', meter.readingKind],
    ['ROLLOVER_VALUE', meter.rolloverValue],
    ['SCOPE', meter.scope],
    ['GRID_REGION', meter.gridRegion],
    ['GREEN_POWER', meter.greenPower],
    ['INDUSTRY_CODE', meter.industryCode],
    ['STATUS', meter.status],
    ['VERSION', meter.version],
  ]),
  links: [
    { rel: 'enterprise', handle: enterprise.handle },
    { rel: 'facility', handle: facility.handle },
  ],
});

/** A factor version: its value(s) and where they come from; earlier versions are linked. */
export const factorIdentifier = (
  factor: EmissionFactor,
  handle: string,
  earlierVersions: readonly string[],
): IdentifierRecord => {
  const values = 'value' in factor ? undefined : JSON.stringify(valuesOf(factor));
  return {
    handle,
    type: 'factor',
    elements: elementsOf(`/factors?kind=${factor.kind}&region=${factor.region}&year=${factor.year}`, [
      ['FACTOR_ID', factor.id],
      ['FACTOR_VERSION', factor.version],
      ['KIND', factor.kind],
      ['ACTIVITY_TYPE', factor.activityType],
      ['REGION', factor.region],
      ['YEAR', factor.year],
      ['VALUE', 'value' in factor ? factor.value : undefined],
      ['UNIT', 'unit' in factor ? String(factor.unit) : undefined],
      ['VALUES', values],
      ['SOURCE', factor.source],
      ['CITATION', factor.citation],
      ['PUBLISHER', 'publisher' in factor ? String(factor.publisher) : undefined],
    ]),
    links: earlierVersions.map((earlier) => ({ rel: 'previous-version', handle: earlier })),
  };
};

const DESCRIPTIVE = new Set([
  'id',
  'version',
  'kind',
  'activityType',
  'region',
  'year',
  'source',
  'citation',
  'publisher',
  'notes',
]);

const valuesOf = (factor: EmissionFactor): Record<string, unknown> =>
  Object.fromEntries(Object.entries(factor).filter(([name]) => !DESCRIPTIVE.has(name)));

/** A readings batch: when it came, what it held, and the meter and factor versions behind its CO2e. */
export const batchIdentifier = (
  batch: {
    handle: string;
    meterId: string;
    messageId: string;
    receivedAt?: string;
    hours: readonly string[];
    readingCount: number;
    firstReadingAt?: string;
    lastReadingAt?: string;
    co2eT: number;
    gwpSet?: string;
  },
  meter: Pick<MeterRecord, 'handle'>,
  factorHandles: readonly string[],
): IdentifierRecord => ({
  handle: batch.handle,
  type: 'batch',
  elements: elementsOf(`/emissions/trace?level=meter&id=${batch.meterId}`, [
    ['METER_ID', batch.meterId],
    ['MESSAGE_ID', batch.messageId],
    ['RECEIVED_AT', batch.receivedAt],
    ['READING_COUNT', batch.readingCount],
    ['FIRST_READING_AT', batch.firstReadingAt],
    ['LAST_READING_AT', batch.lastReadingAt],
    ['HOURS', batch.hours.join(',')],
    ['CO2E_T', batch.co2eT],
    ['GWP_SET', batch.gwpSet],
  ]),
  links: [
    { rel: 'meter', handle: meter.handle },
    ...factorHandles.map((handle) => ({ rel: 'factor', handle })),
  ],
});
