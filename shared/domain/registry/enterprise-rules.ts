import { type FieldError, UnprocessableError } from '../errors.ts';
import { parseIndustryCode } from './industry-code.ts';
import { validateUscc } from './uscc.ts';

/**
 * The checks on an enterprise that a schema cannot express: the USCC's GB 32100 check character
 * and the GB/T 4754-2017 class code. Failures are 422 naming the field, with the expected check
 * character spelled out so the clerk can see a typo from a wrong code.
 */

export interface EnterpriseCodes {
  uscc: string;
  industryCode: string;
}

const usccError = (input: string, path: string): FieldError | undefined => {
  const verdict = validateUscc(input);
  if (verdict.ok) return undefined;
  if (verdict.reason === 'check-character') {
    return {
      path,
      message: `统一社会信用代码校验位错误 (check character is ${verdict.actual}, expected ${verdict.expected})`,
    };
  }
  return { path, message: `统一社会信用代码格式错误 (${verdict.message})` };
};

const industryError = (input: string, path: string): FieldError | undefined => {
  const verdict = parseIndustryCode(input);
  if (!verdict.ok) return { path, message: `国民经济行业分类代码无效 (${verdict.message})` };
  if (verdict.value.level !== 'class') {
    return {
      path,
      message: `需要小类代码 (an enterprise is classified to a GB/T 4754-2017 class: a letter and 4 digits, got ${verdict.value.level} ${verdict.value.code})`,
    };
  }
  return undefined;
};

/**
 * Checks the codes that are present and returns them in canonical form (upper case, section letter
 * added); throws one 422 listing every failing field. `prefix` is the JSON pointer of the object.
 */
export const checkEnterpriseCodes = <T extends Partial<EnterpriseCodes>>(codes: T, prefix = '/body'): T => {
  const errors: FieldError[] = [];
  const canonical: Partial<EnterpriseCodes> = {};
  if (codes.uscc !== undefined) {
    const error = usccError(codes.uscc, `${prefix}/uscc`);
    if (error) errors.push(error);
    else canonical.uscc = codes.uscc.trim().toUpperCase();
  }
  if (codes.industryCode !== undefined) {
    const error = industryError(codes.industryCode, `${prefix}/industryCode`);
    const parsed = parseIndustryCode(codes.industryCode);
    if (error) errors.push(error);
    else if (parsed.ok) canonical.industryCode = parsed.value.code;
  }
  if (errors.length > 0) {
    throw new UnprocessableError(errors.map((error) => error.message).join('; '), errors);
  }
  return { ...codes, ...canonical };
};
