import { describe, expect, it } from 'vitest';
import { refusal } from '../../../web/src/deputy/lib/media-refusal.ts';

describe('files picked in the deputies’ app', () => {
  it('takes the photo and video types the API accepts, within their limits', () => {
    expect(refusal({ type: 'image/jpeg', size: 5_000_000 })).toBeUndefined();
    expect(refusal({ type: 'image/heic', size: 5_000_000 })).toBeUndefined();
    expect(refusal({ type: 'video/quicktime', size: 200 * 1024 * 1024 })).toBeUndefined();
  });

  it('refuses other types and oversize files at once', () => {
    expect(refusal({ type: 'video/webm', size: 1_000 })).toBe('type');
    expect(refusal({ type: 'application/pdf', size: 1_000 })).toBe('type');
    expect(refusal({ type: 'image/jpeg', size: 21 * 1024 * 1024 })).toBe('size');
    expect(refusal({ type: 'video/mp4', size: 301 * 1024 * 1024 })).toBe('size');
  });
});
