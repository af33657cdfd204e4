import { AccountingError } from './errors.ts';

/**
 * Accounting methods. Chinese enterprise accounting (GB/T 32150-2015, the GB/T 32151 sector parts
 * and the MEE reporting guidelines) counts fossil-fuel combustion as CO2 only. IPCC 2006 counts
 * CO2, CH4 and N2O; with national (Tier 2) CO2 parameters where the library has them. The two are
 * never mixed: a result names the one it used.
 */

export const ACCOUNTING_METHOD_IDS = ['gbt-32150', 'ipcc-2006'] as const;
export type AccountingMethodId = (typeof ACCOUNTING_METHOD_IDS)[number];

export interface AccountingMethod {
  id: AccountingMethodId;
  name: string;
  nameEn: string;
  /** Gases counted for fuel combustion. */
  combustionGases: readonly ('CO2' | 'CH4' | 'N2O')[];
  source: string;
  citation: string;
}

export const ACCOUNTING_METHODS: readonly AccountingMethod[] = [
  {
    id: 'gbt-32150',
    name: '工业企业温室气体排放核算 (GB/T 32150-2015 及 GB/T 32151 系列)',
    nameEn: 'Chinese enterprise accounting: combustion as CO2 only',
    combustionGases: ['CO2'],
    source: 'GB/T 32150-2015 工业企业温室气体排放核算和报告通则; 生态环境部 企业温室气体排放核算与报告指南',
    citation: '化石燃料燃烧排放: E = Σ FC × NCV × CC × OF × 44/12 (CO2 only)',
  },
  {
    id: 'ipcc-2006',
    name: 'IPCC 2006 国家温室气体清单指南 (CO2、CH4、N2O)',
    nameEn: 'IPCC 2006 Guidelines, all gases (Tier 2 CO2 where national parameters exist, Tier 1 CH4/N2O)',
    combustionGases: ['CO2', 'CH4', 'N2O'],
    source: '2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol. 2 Energy, Ch. 2',
    citation: 'Equation 2.1; Table 2.3 for CH4 and N2O',
  },
];

export const DEFAULT_ACCOUNTING_METHOD: AccountingMethodId = 'gbt-32150';

export const isAccountingMethodId = (id: unknown): id is AccountingMethodId =>
  typeof id === 'string' && (ACCOUNTING_METHOD_IDS as readonly string[]).includes(id);

export const assertAccountingMethod = (id: unknown): AccountingMethodId => {
  if (isAccountingMethodId(id)) return id;
  throw new AccountingError(
    'unknown-method',
    `核算方法无效 (method ${String(id)} is not one of ${ACCOUNTING_METHOD_IDS.join(', ')})`,
    '/method',
  );
};
