/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters.
 *   1      registration authority code (登记管理部门代码)
 *   2      organisation category code (机构类别代码)
 *   3-8    administrative division code of the registering authority (GB/T 2260, digits)
 *   9-17   subject identifier (主体标识码, the former organisation code)
 *   18     check character
 * Characters come from 0-9 and the capital letters without I, O, Z, S, V (31 in all); the check
 * character is C18 = 31 − (Σ Ci × Wi mod 31), with 31 written as 0, Wi = 3^(i−1) mod 31.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const LENGTH = 18;
const DIVISION_POSITIONS = { from: 3, to: 8 } as const;

export interface UsccParts {
  registrationAuthority: string;
  category: string;
  divisionCode: string;
  subjectId: string;
  checkCharacter: string;
}

export type UsccVerdict =
  | { ok: true; code: string; parts: UsccParts }
  | { ok: false; reason: 'length'; message: string; length: number }
  /** `position` is 1-based, as the standard counts. */
  | { ok: false; reason: 'character'; message: string; position: number; character: string }
  | { ok: false; reason: 'check-character'; message: string; expected: string; actual: string };

/** The check character for the first 17 characters (which must already be valid). */
export const computeUsccCheckCharacter = (body: string): string => {
  const sum = WEIGHTS.reduce(
    (total, weight, index) => total + USCC_CHARSET.indexOf(body.charAt(index)) * weight,
    0,
  );
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
};

/**
 * Validates a code and says precisely what is wrong. Surrounding whitespace and lower case are
 * forgiven (people type codes); the canonical upper-case form is returned.
 */
export const validateUscc = (input: string): UsccVerdict => {
  const code = input.trim().toUpperCase();
  if (code.length !== LENGTH) {
    return {
      ok: false,
      reason: 'length',
      length: code.length,
      message: `must be 18 characters, got ${code.length}`,
    };
  }
  const bad = findBadCharacter(code);
  if (bad) return bad;
  const expected = computeUsccCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (actual !== expected) {
    return {
      ok: false,
      reason: 'check-character',
      expected,
      actual,
      message: `check character is ${actual}, expected ${expected}`,
    };
  }
  return { ok: true, code, parts: splitParts(code) };
};

export const isUscc = (input: string): boolean => validateUscc(input).ok;

const findBadCharacter = (code: string): UsccVerdict | undefined => {
  for (let index = 0; index < code.length; index++) {
    const character = code.charAt(index);
    const position = index + 1;
    const inDivision = position >= DIVISION_POSITIONS.from && position <= DIVISION_POSITIONS.to;
    if (inDivision && !/[0-9]/.test(character)) {
      const message = `character ${character} at position ${position} must be a digit (administrative division code)`;
      return { ok: false, reason: 'character', position, character, message };
    }
    if (!USCC_CHARSET.includes(character)) {
      const message = `character ${character} at position ${position} is not allowed (no I, O, Z, S, V)`;
      return { ok: false, reason: 'character', position, character, message };
    }
  }
  return undefined;
};

const splitParts = (code: string): UsccParts => ({
  registrationAuthority: code.slice(0, 1),
  category: code.slice(1, 2),
  divisionCode: code.slice(2, 8),
  subjectId: code.slice(8, 17),
  checkCharacter: code.slice(17),
});
