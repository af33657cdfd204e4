import { describe, expect, it } from 'vitest';
import { expectSigFigs } from './sig-figs.ts';

describe('expectSigFigs', () => {
  it('accepts agreement to 4 significant figures at any magnitude', () => {
    // Prepare / Act / Assess: 216.43 and 216.41 both read 216.4.
    expectSigFigs(216.43, 216.41);
    expectSigFigs(0.0038931, 0.003893);
    expectSigFigs(1_234_400, 1_234_000);
  });

  it('rejects a difference in the 4th significant figure', () => {
    expect(() => expectSigFigs(216.6, 216.4)).toThrow();
    expect(() => expectSigFigs(0.003903, 0.003893)).toThrow();
    expect(() => expectSigFigs(1_236_000, 1_234_000)).toThrow();
  });
});
