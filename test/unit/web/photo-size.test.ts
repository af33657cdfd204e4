import { describe, expect, it } from 'vitest';
import { MAX_SIDE, scaledSize } from '../../../web/src/deputy/lib/scale.ts';

describe('photo scaling before upload', () => {
  it('brings the longest side to 2048 px, keeping the aspect ratio', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: MAX_SIDE, height: 1536 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1536, height: MAX_SIDE });
  });

  it('never enlarges a small photo', () => {
    expect(scaledSize(1280, 960)).toEqual({ width: 1280, height: 960 });
  });
});
