import { describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter, isUscc, validateUscc } from '../../../shared/domain/registry/uscc.ts';

// Charset values: 0-9 → 0-9, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30.
// Weights:        1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.

// 华为技术有限公司 914403001922038216 (published on its business licence):
//   9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8 + 3·24 + 8·10 + 2·30 + 1·28
//   = 9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 20 + 261 + 50 + 26 + 0 + 72 + 80 + 60 + 28 = 831
//   831 mod 31 = 25 (31 × 26 = 806); 31 − 25 = 6 → check '6'
const HUAWEI = '914403001922038216';
// 深圳市腾讯计算机系统有限公司 91440300708461136T:
//   9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 7·20 + 0·29 + 8·25 + 4·13 + 6·8 + 1·24 + 1·10 + 3·30 + 6·28
//   = 9 + 3 + 36 + 108 + 78 + 140 + 200 + 52 + 48 + 24 + 10 + 90 + 168 = 966
//   966 mod 31 = 5 (31 × 31 = 961); 31 − 5 = 26 → 'T'
const TENCENT = '91440300708461136T';
// Constructed: Huawei's first 16 characters sum to 803 (≡ 28 mod 31); a 17th character Y (30, weight 28)
// adds 840 → 1643 = 31 × 53, so Σ mod 31 = 0 and the check is (31 − 0) written as '0'.
const CHECK_ZERO = '9144030019220382Y0';

describe('validateUscc', () => {
  it.each([HUAWEI, TENCENT, CHECK_ZERO])('accepts the hand-verified code %s', (code) => {
    const verdict = validateUscc(code);

    expect(verdict.ok).toBe(true);
  });

  it('computes the check characters worked out by hand', () => {
    expect(computeUsccCheckCharacter(HUAWEI.slice(0, 17))).toBe('6');
    expect(computeUsccCheckCharacter(TENCENT.slice(0, 17))).toBe('T');
    expect(computeUsccCheckCharacter(CHECK_ZERO.slice(0, 17))).toBe('0');
  });

  it('splits a valid code into its parts', () => {
    const verdict = validateUscc(HUAWEI);

    expect(verdict).toMatchObject({
      ok: true,
      parts: {
        registrationAuthority: '9',
        category: '1',
        divisionCode: '440300',
        subjectId: '192203821',
        checkCharacter: '6',
      },
    });
  });

  it('forgives lower case and surrounding spaces, returning the canonical form', () => {
    expect(validateUscc(' 91440300708461136t ')).toMatchObject({ ok: true, code: TENCENT });
  });

  it('reports a wrong length', () => {
    expect(validateUscc(HUAWEI.slice(0, 17))).toMatchObject({ ok: false, reason: 'length', length: 17 });
    expect(validateUscc(`${HUAWEI}0`)).toMatchObject({ ok: false, reason: 'length', length: 19 });
  });

  it('reports the position of a character outside the charset', () => {
    // Replace the 12th character (a '2') with 'I', which the standard leaves out.
    const code = `${HUAWEI.slice(0, 11)}I${HUAWEI.slice(12)}`;

    expect(validateUscc(code)).toMatchObject({
      ok: false,
      reason: 'character',
      position: 12,
      character: 'I',
    });
  });

  it.each(['O', 'Z', 'S', 'V'])('refuses the letter %s', (letter) => {
    const code = `${letter}${HUAWEI.slice(1)}`;

    expect(validateUscc(code)).toMatchObject({ ok: false, reason: 'character', position: 1 });
  });

  it('requires digits in the administrative division code (positions 3-8)', () => {
    const code = `91A${HUAWEI.slice(3)}`;

    expect(validateUscc(code)).toMatchObject({ ok: false, reason: 'character', position: 3, character: 'A' });
  });

  it('names the expected check character when it is wrong', () => {
    const verdict = validateUscc(`${HUAWEI.slice(0, 17)}7`);

    expect(verdict).toMatchObject({ ok: false, reason: 'check-character', expected: '6', actual: '7' });
    expect(isUscc(`${HUAWEI.slice(0, 17)}7`)).toBe(false);
  });
});
