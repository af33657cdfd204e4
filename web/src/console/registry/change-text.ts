import { ENERGY_LABELS } from '../carbon/labels.ts';
import { fieldLabel, fieldRank, type SubjectType } from './field-labels.ts';
import {
  ENTERPRISE_STATUS_LABELS,
  GRID_REGION_NAMES,
  MEASURED_PARAMETER_LABELS,
  MEASURED_UNIT_LABELS,
  METER_SCOPE_LABELS,
  METER_SOURCE_LABELS,
  METER_STATUS_LABELS,
  METER_UNIT_LABELS,
  PROGRAMME_NAMES,
  READING_KIND_LABELS,
} from './labels.ts';

/**
 * One changed field of an audit entry in words: its label from the forms' dictionary, and each
 * value as the form shows it — codes (energy type, unit, status, reading kind, scope, grid region,
 * programme, a meter's source) in Chinese, with the code beside where it helps; yes/no,
 * coordinates, the measured parameters and yearly figures one line each. The API's name stays
 * available as `field` (the tooltip).
 */
export interface ChangeText {
  field: string;
  label: string;
  before: string;
  after: string;
}

const coded = (labels: Record<string, string>, value: unknown): string => {
  const code = String(value);
  return Object.hasOwn(labels, code) ? `${labels[code]}（${code}）` : code;
};

const named = (labels: Record<string, string>, value: unknown): string => {
  const code = String(value);
  return labels[code] ?? code;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const measuredText = (value: unknown): string => {
  if (!Array.isArray(value)) return json(value);
  if (value.length === 0) return '无';
  return value
    .map((p: unknown) =>
      isRecord(p)
        ? `${named(MEASURED_PARAMETER_LABELS, p.parameter)} ${String(p.value)} ${coded(MEASURED_UNIT_LABELS, p.unit)}，` +
          `${String(p.validFrom)} 至 ${String(p.validTo)}，${String(p.source)}`
        : json(p),
    )
    .join('；');
};

const economicsText = (value: unknown): string =>
  isRecord(value)
    ? Object.entries(value)
        .map(([year, figures]) => {
          const f = isRecord(figures) ? figures : {};
          const parts = [
            f.outputValue === undefined ? undefined : `总产值 ${String(f.outputValue)} 万元`,
            f.valueAdded === undefined ? undefined : `增加值 ${String(f.valueAdded)} 万元`,
          ].filter((part) => part !== undefined);
          return `${year} 年 ${parts.join('，') || '—'}`;
        })
        .join('；')
    : json(value);

const locationText = (value: unknown): string =>
  isRecord(value) ? `纬度 ${String(value.latitude)}，经度 ${String(value.longitude)}` : json(value);

const json = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const byField: Record<string, (value: unknown, subject: SubjectType) => string> = {
  energyType: (v) => named(ENERGY_LABELS, v),
  unit: (v) => coded(METER_UNIT_LABELS, v),
  readingKind: (v) => named(READING_KIND_LABELS, v),
  scope: (v) => named(METER_SCOPE_LABELS, v),
  status: (v, subject) => named(subject === 'meter' ? METER_STATUS_LABELS : ENTERPRISE_STATUS_LABELS, v),
  source: (v) => named(METER_SOURCE_LABELS, v),
  gridRegion: (v) => coded(GRID_REGION_NAMES, v),
  factorProgramme: (v) => named(PROGRAMME_NAMES, v),
  greenPower: (v) => (v === true ? '是' : v === false ? '否' : json(v)),
  location: locationText,
  measuredParameters: measuredText,
  economics: economicsText,
};

/** A value of a field in words; absent (not set before, or removed) is a dash. */
export const valueText = (subject: SubjectType, field: string, value: unknown): string => {
  if (value === undefined || value === null) return '—';
  const render = Object.hasOwn(byField, field) ? byField[field] : undefined;
  return render === undefined ? json(value) : render(value, subject);
};

export const changeText = (
  subject: SubjectType,
  change: { field: string; before?: unknown; after?: unknown },
): ChangeText => ({
  field: change.field,
  label: fieldLabel(subject, change.field),
  before: valueText(subject, change.field, change.before),
  after: valueText(subject, change.field, change.after),
});

/** An audit entry's changes in words, in the order its form shows the fields (the API sorts by name). */
export const changesText = (
  subject: SubjectType,
  changes: readonly { field: string; before?: unknown; after?: unknown }[],
): ChangeText[] =>
  [...changes]
    .sort((a, b) => fieldRank(subject, a.field) - fieldRank(subject, b.field))
    .map((change) => changeText(subject, change));
