import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../../../shared/domain/errors.ts';
import { parseRequestQuery } from '../../../shared/domain/open311/open311-query.ts';

const NOW = new Date('2026-12-06T12:00:00Z');
const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;

const refusedPaths = (query: Record<string, string>) => {
  try {
    parseRequestQuery(query, NOW, TZ);
  } catch (error) {
    return (error as ValidationError).errors.map((e) => e.path);
  }
  throw new Error('accepted');
};

describe('GET requests parameters', () => {
  it('defaults to the most recent 90 days', () => {
    expect(parseRequestQuery({}, NOW, TZ)).toEqual({
      kind: 'range',
      from: new Date(NOW.getTime() - 90 * DAY),
      to: NOW,
    });
  });

  it('counts 90 days from the one date given, and reads dates with their zone', () => {
    const fromStart = parseRequestQuery({ start_date: '2026-10-01T00:00:00+08:00' }, NOW, TZ);
    expect(fromStart).toMatchObject({
      from: new Date('2026-09-30T16:00:00Z'),
      to: new Date(Date.parse('2026-09-30T16:00:00Z') + 90 * DAY),
    });
    const toEnd = parseRequestQuery({ end_date: '2026-11-01' }, NOW, TZ);
    expect(toEnd).toMatchObject({ to: new Date('2026-10-31T16:00:00Z') });
  });

  it('refuses a range over 90 days, a reversed one and dates without a zone', () => {
    expect(refusedPaths({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' })).toEqual([
      '/query/end_date',
    ]);
    expect(refusedPaths({ start_date: '2026-06-01T00:00:00Z', end_date: '2026-05-01T00:00:00Z' })).toEqual([
      '/query/end_date',
    ]);
    expect(refusedPaths({ start_date: '2026-06-01T00:00:00' })).toEqual(['/query/start_date']);
  });

  it('reads service codes and statuses as comma-separated lists, refusing unknown ones', () => {
    expect(parseRequestQuery({ service_code: 'noise,dust', status: 'open,CLOSED' }, NOW, TZ)).toMatchObject({
      serviceCodes: ['noise', 'dust'],
      statuses: ['open', 'closed'],
    });
    expect(refusedPaths({ service_code: 'noise,potholes', status: 'pending' })).toEqual([
      '/query/service_code',
      '/query/status',
    ]);
  });

  it('lets service_request_id override every other parameter', () => {
    expect(parseRequestQuery({ service_request_id: 'a, b,a', status: 'bogus' }, NOW, TZ)).toEqual({
      kind: 'ids',
      ids: ['a', 'b'],
    });
    expect(
      refusedPaths({ service_request_id: Array.from({ length: 101 }, (_, i) => `id${i}`).join(',') }),
    ).toEqual(['/query/service_request_id']);
  });
});
