import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors.ts';
import {
  formatHandle,
  isHandle,
  makeHandle,
  makeSuffix,
  parseHandle,
  parseSuffix,
} from '../../../shared/domain/identifiers/handle.ts';

const PREFIX = '88.118.8';

describe('Handle-style identifiers', () => {
  it('parses the prefix into national, industry and enterprise nodes', () => {
    const handle = parseHandle('88.118.8/meter.MTR-0001');

    expect(handle).toEqual({
      prefix: '88.118.8',
      suffix: 'meter.MTR-0001',
      nodes: ['88', '118', '8'],
      nationalNode: '88',
      industryNode: '118',
      enterpriseNode: '8',
    });
  });

  it('round-trips format and parse', () => {
    const text = formatHandle(PREFIX, 'enterprise.E_42');

    expect(text).toBe('88.118.8/enterprise.E_42');
    expect(parseHandle(text)?.suffix).toBe('enterprise.E_42');
  });

  it('builds stable suffixes from a kind and a local id', () => {
    expect(makeSuffix('meter', 'MTR-0001')).toBe('meter.MTR-0001');
    expect(makeSuffix('meter', 'MTR-0001')).toBe(makeSuffix('meter', 'MTR-0001'));
    expect(makeHandle(PREFIX, 'meter', 'MTR-0001')).toBe('88.118.8/meter.MTR-0001');
    expect(parseSuffix('meter.MTR-0001')).toEqual({ kind: 'meter', id: 'MTR-0001' });
  });

  it.each([
    '88.118.8',
    '/meter.1',
    '88.118.8/',
    '88/meter.1',
    'ab.118/meter.1',
    '88..8/meter.1',
    '88.118.8/meter 1',
    '88.118.8/计量表',
  ])('rejects the malformed handle %j', (text) => {
    expect(isHandle(text)).toBe(false);
  });

  it('refuses to build handles that would not parse back', () => {
    expect(() => formatHandle('88.x', 'meter.1')).toThrow(ValidationError);
    expect(() => makeSuffix('Meter', '1')).toThrow(ValidationError);
    expect(() => makeSuffix('meter', 'a.b')).toThrow(ValidationError);
    expect(() => makeSuffix('meter', '')).toThrow(ValidationError);
  });
});
