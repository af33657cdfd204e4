import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors.ts';
import { requestedFormat, splitFormatSuffix } from '../../../shared/domain/open311/open311-format.ts';

describe('the format of an Open311 answer', () => {
  it('takes the suffix of the resource first, then the format parameter, else XML', () => {
    expect(requestedFormat('/open311/v2/services.json', 'xml')).toBe('json');
    expect(requestedFormat('/open311/v2/services/noise.xml', 'json')).toBe('xml');
    expect(requestedFormat('/open311/v2/services', 'JSON')).toBe('json');
    expect(requestedFormat('/open311/v2/services', undefined)).toBe('xml');
    expect(requestedFormat('/open311/v2/services', '')).toBe('xml');
  });

  it('refuses a format it does not write, naming the parameter', () => {
    try {
      requestedFormat('/open311/v2/services', 'csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors[0]?.path).toBe('/query/format');
    }
  });

  it('splits a suffix off an id, and leaves an id with another dot alone', () => {
    expect(splitFormatSuffix('noise.json')).toEqual({ name: 'noise', format: 'json' });
    expect(splitFormatSuffix('4f0c.xml')).toEqual({ name: '4f0c', format: 'xml' });
    expect(splitFormatSuffix('noise.csv')).toEqual({ name: 'noise.csv' });
    expect(splitFormatSuffix('noise')).toEqual({ name: 'noise' });
  });
});
