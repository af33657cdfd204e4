/**
 * Industry classification codes of GB/T 4754-2017 《国民经济行业分类》: a section letter (门类),
 * then a 2-digit division (大类), a 3-digit group (中类) and a 4-digit class (小类), each code
 * extending the one above it: C → C25 → C251 → C2511.
 */

export interface IndustrySection {
  letter: string;
  nameZh: string;
  /** Inclusive range of the 2-digit divisions in this section. */
  divisions: readonly [number, number];
}

/** GB/T 4754-2017: 20 sections, 97 divisions numbered 01-97 without gaps. */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { letter: 'A', nameZh: '农、林、牧、渔业', divisions: [1, 5] },
  { letter: 'B', nameZh: '采矿业', divisions: [6, 12] },
  { letter: 'C', nameZh: '制造业', divisions: [13, 43] },
  { letter: 'D', nameZh: '电力、热力、燃气及水生产和供应业', divisions: [44, 46] },
  { letter: 'E', nameZh: '建筑业', divisions: [47, 50] },
  { letter: 'F', nameZh: '批发和零售业', divisions: [51, 52] },
  { letter: 'G', nameZh: '交通运输、仓储和邮政业', divisions: [53, 60] },
  { letter: 'H', nameZh: '住宿和餐饮业', divisions: [61, 62] },
  { letter: 'I', nameZh: '信息传输、软件和信息技术服务业', divisions: [63, 65] },
  { letter: 'J', nameZh: '金融业', divisions: [66, 69] },
  { letter: 'K', nameZh: '房地产业', divisions: [70, 70] },
  { letter: 'L', nameZh: '租赁和商务服务业', divisions: [71, 72] },
  { letter: 'M', nameZh: '科学研究和技术服务业', divisions: [73, 75] },
  { letter: 'N', nameZh: '水利、环境和公共设施管理业', divisions: [76, 79] },
  { letter: 'O', nameZh: '居民服务、修理和其他服务业', divisions: [80, 82] },
  { letter: 'P', nameZh: '教育', divisions: [83, 83] },
  { letter: 'Q', nameZh: '卫生和社会工作', divisions: [84, 85] },
  { letter: 'R', nameZh: '文化、体育和娱乐业', divisions: [86, 90] },
  { letter: 'S', nameZh: '公共管理、社会保障和社会组织', divisions: [91, 96] },
  { letter: 'T', nameZh: '国际组织', divisions: [97, 97] },
];

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface IndustryCode {
  /** Canonical form: section letter plus digits, e.g. `C2511`. */
  code: string;
  level: IndustryLevel;
  section: string;
  sectionNameZh: string;
  division?: string;
  group?: string;
  class?: string;
}

export type IndustryCodeVerdict = { ok: true; value: IndustryCode } | { ok: false; message: string };

const SHAPE = /^([A-T])?(\d{2}(\d{1,2})?)?$/;
const LEVELS: Record<number, IndustryLevel> = { 0: 'section', 2: 'division', 3: 'group', 4: 'class' };

/** The section a division belongs to, e.g. 25 → C. */
export const sectionOfDivision = (division: number): IndustrySection | undefined =>
  INDUSTRY_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1]);

/**
 * Parses `C2511`, `C251`, `C25`, `C`, or the digits alone (`2511`, the section then follows from
 * the division). A letter that disagrees with the division is refused.
 */
export const parseIndustryCode = (input: string): IndustryCodeVerdict => {
  const text = input.trim().toUpperCase();
  const match = SHAPE.exec(text);
  if (!match || text === '') {
    return {
      ok: false,
      message: `${input} is not a GB/T 4754-2017 code (letter A-T, then 2, 3 or 4 digits)`,
    };
  }
  const [, letter, digits = ''] = match;
  if (digits === '') return sectionOnly(letter ?? '');
  const division = Number(digits.slice(0, 2));
  const section = sectionOfDivision(division);
  if (!section)
    return { ok: false, message: `division ${digits.slice(0, 2)} does not exist in GB/T 4754-2017` };
  if (letter !== undefined && letter !== section.letter) {
    return {
      ok: false,
      message: `division ${digits.slice(0, 2)} belongs to section ${section.letter}, not ${letter}`,
    };
  }
  return { ok: true, value: describe(section, digits) };
};

const sectionOnly = (letter: string): IndustryCodeVerdict => {
  const section = INDUSTRY_SECTIONS.find((s) => s.letter === letter);
  if (!section) return { ok: false, message: `section ${letter} does not exist` };
  return {
    ok: true,
    value: { code: letter, level: 'section', section: letter, sectionNameZh: section.nameZh },
  };
};

const describe = (section: IndustrySection, digits: string): IndustryCode => ({
  code: `${section.letter}${digits}`,
  level: LEVELS[digits.length] ?? 'class',
  section: section.letter,
  sectionNameZh: section.nameZh,
  division: digits.slice(0, 2),
  ...(digits.length >= 3 ? { group: digits.slice(0, 3) } : {}),
  ...(digits.length === 4 ? { class: digits } : {}),
});
