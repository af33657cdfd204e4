import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../../../shared/domain/cases/case-record.ts';
import { OPEN311_STATUS, requestView } from '../../../shared/domain/open311/open311-request-view.ts';
import { localDateTime } from '../../../shared/domain/open311/open311-time.ts';
import { caseIn } from '../cases/case-fixtures.ts';

const TZ = 'Asia/Shanghai';

describe('a case as a GeoReport v2 service request', () => {
  it('maps the lead department, the deadline and the times to the spec’s fields, in local time', () => {
    const record = caseIn('dispatched', {
      isPublic: true,
      location: { latitude: 30.52, longitude: 114.31, address: '青山河东桥' },
    });
    const view = requestView({
      record,
      updatedAt: '2025-06-09T02:00:00.000Z',
      agency: '区生态环境局',
      mediaUrl: 'https://s3.example/public?sig=1',
      timeZone: TZ,
    });
    expect(view).toEqual({
      service_request_id: 'case-1',
      status: 'open',
      status_notes: '已派遣 (Dispatched)',
      service_name: '水污染 (Water pollution)',
      service_code: 'waterPollution',
      description: 'Floating waste in the canal',
      agency_responsible: '区生态环境局',
      service_notice: expect.stringContaining('5 working days'),
      requested_datetime: '2025-06-09T09:00:00+08:00',
      updated_datetime: '2025-06-09T10:00:00+08:00',
      expected_datetime: '2025-06-16T18:00:00+08:00',
      address: '青山河东桥',
      lat: 30.52,
      long: 114.31,
      media_url: 'https://s3.example/public?sig=1',
    });
    expect(Object.keys(view)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'lat',
      'long',
      'media_url',
    ]);
  });

  it('never carries the reporter or the client’s submitter', () => {
    const record = caseIn('submitted', {
      isPublic: true,
      reporterName: '王代表',
      showReporterName: true,
      viaClient: {
        channel: 'open311',
        clientId: 'K',
        clientName: '热线',
        submitter: { email: 'li@example.cn', phone: '138' },
        address: '和平大道',
        mediaUrl: 'https://x.example/y.jpg',
      },
    });
    const { location: _none, ...unlocated } = record;
    const text = JSON.stringify(
      requestView({ record: unlocated, updatedAt: record.submittedAt, timeZone: TZ }),
    );
    for (const secret of ['u-deputy-1', '王代表', 'li@example.cn', '138', 'x.example', 'apiclient']) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(text)).toMatchObject({ address: '和平大道' });
  });

  it('calls rejected, duplicate and closed cases closed and every other state open', () => {
    const closed = CASE_STATES.filter((state) => OPEN311_STATUS[state] === 'closed');
    expect(closed).toEqual(['rejected', 'duplicate', 'closed']);
  });

  it('cuts a description over the spec’s 4,000 characters', () => {
    const record = caseIn('closed', { isPublic: true, description: '字'.repeat(4500) });
    const view = requestView({ record, updatedAt: record.submittedAt, timeZone: TZ });
    expect([...view.description]).toHaveLength(4000);
    expect(view.description.endsWith('…')).toBe(true);
  });
});

describe('local date-times with their offset', () => {
  it('writes an instant in the zone with its offset, also across a DST change', () => {
    expect(localDateTime('2026-12-18T10:00:00.000Z', TZ)).toBe('2026-12-18T18:00:00+08:00');
    expect(localDateTime('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(localDateTime('2026-01-01T12:00:00Z', 'America/New_York')).toBe('2026-01-01T07:00:00-05:00');
    expect(localDateTime('2026-01-01T12:00:00Z', 'Asia/Kolkata')).toBe('2026-01-01T17:30:00+05:30');
    expect(localDateTime('2026-01-01T12:00:00Z', 'America/St_Johns')).toBe('2026-01-01T08:30:00-03:30');
  });
});
