import programmes from '../../../../shared/data/programmes/grid-programmes.json';
import regions from '../../../../shared/data/programmes/grid-regions.json';

/** zh-CN words of the registry pages; energy types come from ../carbon/labels.ts. */

export const ENTERPRISE_STATUS_LABELS: Record<string, string> = {
  active: '正常',
  suspended: '停产',
  closed: '关闭',
};

export const METER_STATUS_LABELS: Record<string, string> = { active: '在用', retired: '已停用' };

export const READING_KIND_LABELS: Record<string, string> = {
  interval: '区间量（每条读数为上次以来的用量）',
  cumulative: '累计值（表底读数）',
};

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
