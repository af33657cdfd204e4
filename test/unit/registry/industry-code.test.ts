import { describe, expect, it } from 'vitest';
import {
  INDUSTRY_SECTIONS,
  parseIndustryCode,
  sectionOfDivision,
} from '../../../shared/domain/registry/industry-code.ts';

// GB/T 4754-2017 《国民经济行业分类》.
describe('parseIndustryCode', () => {
  it('splits a class code into section, division, group and class', () => {
    // Act
    const verdict = parseIndustryCode('C2511');
    // Assess: 2511 原油加工及石油制品制造 sits in division 25, section C 制造业.
    expect(verdict).toEqual({
      ok: true,
      value: {
        code: 'C2511',
        level: 'class',
        section: 'C',
        sectionNameZh: '制造业',
        division: '25',
        group: '251',
        class: '2511',
      },
    });
  });

  it('accepts shorter levels', () => {
    expect(parseIndustryCode('D44')).toMatchObject({ ok: true, value: { level: 'division', section: 'D' } });
    expect(parseIndustryCode('D441')).toMatchObject({ ok: true, value: { level: 'group', group: '441' } });
    expect(parseIndustryCode('N')).toMatchObject({ ok: true, value: { level: 'section', code: 'N' } });
  });

  it('infers the section from the division when only digits are given', () => {
    // Division 44 (电力、热力生产和供应业) belongs to section D.
    expect(parseIndustryCode('4411')).toMatchObject({ ok: true, value: { code: 'D4411', section: 'D' } });
  });

  it('refuses a division that belongs to another section', () => {
    const verdict = parseIndustryCode('A2511');

    expect(verdict).toEqual({ ok: false, message: 'division 25 belongs to section C, not A' });
  });

  it.each(['', 'C2', 'C25111', 'U01', 'c-25', '00', '98'])(
    'refuses the malformed or unknown code %j',
    (code) => {
      expect(parseIndustryCode(code).ok).toBe(false);
    },
  );

  it('covers divisions 01 to 97 once each', () => {
    const owners = Array.from({ length: 97 }, (_, i) => sectionOfDivision(i + 1)?.letter);

    expect(owners.every((letter) => letter !== undefined)).toBe(true);
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(sectionOfDivision(13)?.letter).toBe('C');
    expect(sectionOfDivision(43)?.letter).toBe('C');
    expect(sectionOfDivision(97)?.letter).toBe('T');
  });
});
