import programmes from '../../../../shared/data/programmes/grid-programmes.json';
import regions from '../../../../shared/data/programmes/grid-regions.json';
import { MEASURED_PARAMETER_LABELS as PARAMETER_WORDS } from '../../../../shared/domain/registry/field-words.ts';
import { QUANTITY_UNITS } from '../carbon/labels.ts';

/**
 * zh-CN words of the registry pages' values; energy types come from ../carbon/labels.ts, the
 * fields' own names from ./field-labels.ts.
 */

export const ENTERPRISE_STATUS_LABELS: Record<string, string> = {
  active: '正常',
  suspended: '停产',
  closed: '关闭',
};

export const METER_STATUS_LABELS: Record<string, string> = { active: '在用', retired: '已停用' };

/** A meter's `source`: `feed` is an account meter standing for an import account (docs/imports.md). */
export const METER_SOURCE_LABELS: Record<string, string> = { feed: '账户计量点（以导入数据计量）' };

export const READING_KIND_LABELS: Record<string, string> = {
  interval: '区间量（每条读数为上次以来的用量）',
  cumulative: '累计值（表底读数）',
};

/** A meter's emission scope (1 | 2), as the form and the audit trail show it. */
export const METER_SCOPE_LABELS: Record<string, string> = { '1': '范围一', '2': '范围二' };

/** Reading units (shared/domain/registry/meter-units.ts) in words; the carbon screens' units first. */
export const METER_UNIT_LABELS: Record<string, string> = {
  ...QUANTITY_UNITS,
  MWh: '兆瓦时',
  MJ: '兆焦',
  TJ: '太焦',
  kgCO2e: '千克二氧化碳当量',
  kg: '千克',
  L: '升',
  m3: '立方米',
  '10^4Nm3': '万标准立方米',
};

/** Measured fuel parameters (实测值, docs/accounting.md): the import templates' words too (one source). */
export const MEASURED_PARAMETER_LABELS: Record<string, string> = PARAMETER_WORDS;

export const MEASURED_UNIT_LABELS: Record<string, string> = {
  'GJ/t': '吉焦/吨',
  'MJ/kg': '兆焦/千克',
  'GJ/10^4Nm3': '吉焦/万标准立方米',
  'MJ/Nm3': '兆焦/标准立方米',
  'tC/TJ': '吨碳/太焦',
  'tC/GJ': '吨碳/吉焦',
  fraction: '小数（0–1）',
  '%': '百分数',
  'kg/L': '千克/升',
  't/m3': '吨/立方米',
  'kg/m3': '千克/立方米',
};

/** A unit as an option or a value: `千瓦时（kWh）`; a unit without words stays as it is. */
export const unitText = (labels: Record<string, string>, unit: string): string =>
  Object.hasOwn(labels, unit) ? `${labels[unit]}（${unit}）` : unit;

export const GRID_REGION_NAMES: Record<string, string> = Object.fromEntries(
  regions.regions.map((r) => [r.code, r.name]),
);

export const PROGRAMME_NAMES: Record<string, string> = Object.fromEntries(
  programmes.programmes.map((p) => [p.id, p.name]),
);

export const GRID_REGION_OPTIONS = regions.regions.map((r) => ({
  value: r.code,
  label: `${r.name}（${r.code}）`,
}));

export const PROGRAMME_OPTIONS = programmes.programmes.map((p) => ({ value: p.id, label: p.name }));

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'enterprise.created': '登记企业',
  'enterprise.updated': '修改企业',
  'facility.created': '登记设施',
  'facility.updated': '修改设施',
  'meter.created': '登记计量器具',
  'meter.updated': '修改计量器具',
};

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
