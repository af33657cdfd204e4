import type { WorkingTimeUnit } from '../calendar/working-time.ts';

/**
 * 随手拍 case categories as data: labels, the department a supervisor would normally dispatch to,
 * and the handling time limit counted from dispatch.
 *
 * The SLAs are Qingshan defaults chosen for this district, NOT figures from a published standard
 * (CJ/T 315-2009 sets handling limits for urban-management cases, but its tables could not be
 * checked). Department ids must match the department registry (`dept-ecology` is the one seeded
 * locally); the dispatcher can always choose another department.
 */

export const CASE_CATEGORY_IDS = [
  'sanitationDeadCorner',
  'waterPollution',
  'soilPollution',
  'householdWaste',
  'noise',
  'dust',
  'sewage',
  'other',
] as const;
export type CaseCategoryId = (typeof CASE_CATEGORY_IDS)[number];

export interface WorkingTimeLimit {
  amount: number;
  unit: WorkingTimeUnit;
}

export interface CaseCategory {
  id: CaseCategoryId;
  labelZh: string;
  labelEn: string;
  defaultDepartmentId: string;
  sla: WorkingTimeLimit;
}

export const CASE_CATEGORIES: readonly CaseCategory[] = [
  {
    id: 'sanitationDeadCorner',
    labelZh: '环卫死角',
    labelEn: 'Sanitation dead corner',
    defaultDepartmentId: 'dept-urban-management',
    sla: { amount: 3, unit: 'workingDays' },
  },
  {
    id: 'waterPollution',
    labelZh: '水污染',
    labelEn: 'Water pollution',
    defaultDepartmentId: 'dept-ecology',
    sla: { amount: 5, unit: 'workingDays' },
  },
  {
    id: 'soilPollution',
    labelZh: '土壤污染',
    labelEn: 'Soil pollution',
    defaultDepartmentId: 'dept-ecology',
    sla: { amount: 10, unit: 'workingDays' },
  },
  {
    // Rotting waste is a nuisance within hours, so this limit is counted in office hours.
    id: 'householdWaste',
    labelZh: '生活垃圾',
    labelEn: 'Household waste',
    defaultDepartmentId: 'dept-urban-management',
    sla: { amount: 16, unit: 'workingHours' },
  },
  {
    id: 'noise',
    labelZh: '噪声',
    labelEn: 'Noise',
    defaultDepartmentId: 'dept-ecology',
    sla: { amount: 3, unit: 'workingDays' },
  },
  {
    // Most dust complaints concern construction sites, supervised by housing and construction.
    id: 'dust',
    labelZh: '扬尘',
    labelEn: 'Dust',
    defaultDepartmentId: 'dept-housing-construction',
    sla: { amount: 2, unit: 'workingDays' },
  },
  {
    id: 'sewage',
    labelZh: '污水',
    labelEn: 'Sewage',
    defaultDepartmentId: 'dept-water',
    sla: { amount: 5, unit: 'workingDays' },
  },
  {
    id: 'other',
    labelZh: '其他',
    labelEn: 'Other',
    defaultDepartmentId: 'dept-ecology',
    sla: { amount: 5, unit: 'workingDays' },
  },
];

const byId = new Map(CASE_CATEGORIES.map((category) => [category.id, category]));

export const isCaseCategoryId = (value: string): value is CaseCategoryId =>
  (CASE_CATEGORY_IDS as readonly string[]).includes(value);

export const findCaseCategory = (id: string): CaseCategory | undefined =>
  isCaseCategoryId(id) ? byId.get(id) : undefined;
