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

const common = {
  handle: { label: '工业互联网标识' },
  enterpriseId: { label: '所属企业' },
  address: { label: '地址' },
  location: { label: '位置' },
  status: { label: '状态' },
} satisfies Record<string, FieldWords>;

export const ENTERPRISE_FIELDS = {
  ...common,
  id: { label: '企业编号', hint: '可不填，自动分配' },
  name: { label: '企业名称' },
  uscc: { label: '统一社会信用代码' },
  industryCode: { label: '行业代码', hint: 'GB/T 4754-2017 小类' },
  factorProgramme: { label: '电力因子口径', hint: '不选则用部署默认' },
  economics: { label: '年度经济数据', hint: '万元，用于排放强度' },
} satisfies Record<string, FieldWords>;

export const FACILITY_FIELDS = {
  ...common,
  id: { label: '设施编号', hint: '可不填，自动分配' },
  name: { label: '设施名称' },
} satisfies Record<string, FieldWords>;

export const METER_FIELDS = {
  ...common,
  id: { label: '计量器具编号', hint: '可不填，自动分配' },
  facilityId: { label: '所属设施' },
  industryCode: { label: '行业代码' },
  name: { label: '名称' },
  energyType: { label: '能源品种' },
  unit: { label: '计量单位' },
  readingKind: { label: '读数方式' },
  rolloverValue: { label: '翻转值', hint: '表底最大读数' },
  maxPerHour: { label: '合理性上限', hint: '每小时，计量单位；不填则按近期用量的 100 倍' },
  scope: { label: '排放范围', hint: '不选则按品种：电力、热力为范围二' },
  gridRegion: { label: '电网区域', hint: '选择电力排放因子' },
  greenPower: { label: '绿电', hint: '合同绿色电力' },
  expectedIntervalSeconds: { label: '上报间隔', hint: '秒；超过即告警离线' },
  source: { label: '数据来源' },
  measuredParameters: { label: '实测参数', hint: '燃料的实测低位发热量、含碳量、氧化率、密度' },
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
