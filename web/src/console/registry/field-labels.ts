import { ENERGY_TYPE_LABEL } from '../../../../shared/domain/registry/field-words.ts';

/**
 * The registry's fields as people call them: one dictionary for the edit forms (label and hint)
 * and the audit trail (the label alone, the API's name as its tooltip). A field keeps its label
 * wherever it appears, so a form and its history say the same thing.
 */
export interface FieldWords {
  label: string;
  /** What the form adds in brackets after the label: units, defaults, what to pick. */
  hint?: string;
}

export type SubjectType = 'enterprise' | 'facility' | 'meter';

/**
 * Fields several records share. Each dictionary below lists its fields in the order the form shows
 * them (then what only the record shows), which is the order the audit trail lists a change's fields.
 */
const handle = { label: '工业互联网标识' };
const enterpriseId = { label: '所属企业' };
const address = { label: '地址' };
const location = { label: '位置' };
const status = { label: '状态' };

export const ENTERPRISE_FIELDS = {
  id: { label: '企业编号', hint: '可不填，自动分配' },
  name: { label: '企业名称' },
  uscc: { label: '统一社会信用代码' },
  industryCode: { label: '行业代码', hint: 'GB/T 4754-2017 小类' },
  address,
  location,
  status,
  factorProgramme: { label: '电力因子口径', hint: '不选则用部署默认' },
  economics: { label: '年度经济数据', hint: '万元，用于排放强度' },
  handle,
} satisfies Record<string, FieldWords>;

export const FACILITY_FIELDS = {
  id: { label: '设施编号', hint: '可不填，自动分配' },
  name: { label: '设施名称' },
  address,
  location,
  enterpriseId,
  handle,
} satisfies Record<string, FieldWords>;

export const METER_FIELDS = {
  id: { label: '计量器具编号', hint: '可不填，自动分配' },
  name: { label: '名称' },
  facilityId: { label: '所属设施' },
  energyType: { label: ENERGY_TYPE_LABEL },
  unit: { label: '计量单位' },
  readingKind: { label: '读数方式' },
  rolloverValue: { label: '翻转值', hint: '表底最大读数' },
  maxPerHour: { label: '合理性上限', hint: '每小时，计量单位；不填则按近期用量的 100 倍' },
  scope: { label: '排放范围', hint: '不选则按品种：电力、热力为范围二' },
  gridRegion: { label: '电网区域', hint: '选择电力排放因子' },
  greenPower: { label: '绿电', hint: '合同绿色电力' },
  expectedIntervalSeconds: { label: '上报间隔', hint: '秒；超过即告警离线' },
  measuredParameters: { label: '实测参数', hint: '燃料的实测低位发热量、含碳量、氧化率、密度' },
  status,
  enterpriseId,
  industryCode: { label: '行业代码' },
  source: { label: '数据来源' },
  handle,
} satisfies Record<string, FieldWords>;

const BY_SUBJECT: Record<SubjectType, Record<string, FieldWords>> = {
  enterprise: ENTERPRISE_FIELDS,
  facility: FACILITY_FIELDS,
  meter: METER_FIELDS,
};

/** The form's label: `合理性上限（每小时，计量单位；…）`. */
export const formLabel = (words: FieldWords): string =>
  words.hint === undefined ? words.label : `${words.label}（${words.hint}）`;

/** The audit trail's label of a field; a field the dictionary does not know keeps its API name. */
export const fieldLabel = (subject: SubjectType, field: string): string =>
  (Object.hasOwn(BY_SUBJECT[subject], field) ? BY_SUBJECT[subject][field]?.label : undefined) ?? field;

/** Where a field comes in its record's form (unknown fields after every known one). */
export const fieldRank = (subject: SubjectType, field: string): number => {
  const rank = Object.keys(BY_SUBJECT[subject]).indexOf(field);
  return rank === -1 ? Number.MAX_SAFE_INTEGER : rank;
};
