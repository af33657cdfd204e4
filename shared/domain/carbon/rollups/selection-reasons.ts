import type { FactorSelection, SelectionReason } from '../accounting/select-factor.ts';

/**
 * Why a factor record was the one used, in words (zh-CN first, English beside), from the audit
 * record the engine keeps with every choice (select-factor.ts).
 */
export const SELECTION_REASONS: Readonly<Record<SelectionReason, (s: FactorSelection) => string>> = {
  exact: (s) =>
    `区域与数据年份一致：${s.chosenRegion} ${s.chosenYear} 年 (exact: the activity's region and data year)`,
  'earlier-year': (s) =>
    `${s.requestedRegion} 尚无 ${s.requestedYear} 年数据，采用此前最近的 ${s.chosenYear} 年` +
    ` (earlier year: the latest published before the data year ${s.requestedYear})`,
  'regional-fallback': (s) =>
    `${s.requestedRegion} 无该因子，采用上级区域 ${s.chosenRegion} ${s.chosenYear} 年` +
    ` (regional fallback: the broader region ${s.chosenRegion})`,
  'national-fallback': (s) =>
    `${s.requestedRegion} 无该因子，采用全国 ${s.chosenYear} 年数据` +
    ` (national fallback: the national value for ${s.chosenYear})`,
  'default-fallback': (s) =>
    `无国家参数，采用 IPCC 缺省值（${s.chosenYear}）` +
    ` (default fallback: the IPCC default, no national parameter)`,
};
