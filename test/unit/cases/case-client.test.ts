import { describe, expect, it } from 'vitest';
import type { ClientSubmission } from '../../../shared/domain/cases/case-client.ts';
import { caseAudienceOf, caseForAudience } from '../../../shared/domain/cases/case-privacy.ts';
import { submitCase } from '../../../shared/domain/cases/submit-case.ts';
import { people } from './case-fixtures.ts';

const viaClient: ClientSubmission = {
  channel: 'open311',
  clientId: '01JDQ8ZZZZZZZZZZZZZZZZZZZZ',
  clientName: '市民热线',
  submitter: { email: 'li@example.cn', phone: '13800000000', firstName: '丽', lastName: '李' },
  address: '和平大道 88 号',
  addressId: 'ADDR-1',
  mediaUrl: 'https://img.example.cn/a.jpg',
};

const PAYLOAD = { categoryId: 'dust', title: '工地扬尘', description: '工地未覆盖', isPublic: true };
// The client is no person: it holds none of our roles.
const CLIENT_PRINCIPAL = { userId: 'apiclient:01JDQ8ZZZZZZZZZZZZZZZZZZZZ', username: '市民热线', roles: [] };

describe('a case reported through an API client', () => {
  it('has the client as its reporter, under the system role, though the client holds no role', () => {
    const { record, entry } = submitCase({
      id: 'c-1',
      principal: CLIENT_PRINCIPAL,
      payload: PAYLOAD,
      at: new Date('2026-12-01T02:00:00Z'),
      viaClient,
    });
    expect(record).toMatchObject({
      reporterId: 'apiclient:01JDQ8ZZZZZZZZZZZZZZZZZZZZ',
      isPublic: true,
      viaClient,
    });
    expect(entry).toMatchObject({ actorId: record.reporterId, actorRole: 'system', action: 'submit' });
  });

  it('is still refused to a principal without a reporter role when no client stands behind it', () => {
    expect(() =>
      submitCase({ id: 'c-2', principal: CLIENT_PRINCIPAL, payload: PAYLOAD, at: new Date() }),
    ).toThrow(/只有人大代表/);
  });

  it('shows the submitter’s contact, the address id and the link to the staff, never to other deputies', () => {
    const { record } = submitCase({
      id: 'c-3',
      principal: CLIENT_PRINCIPAL,
      payload: PAYLOAD,
      at: new Date(),
      viaClient,
    });
    const assigned = { ...record, leadDepartmentId: 'dept-ecology', coDepartmentIds: [] };
    for (const staff of [people.supervisor, people.admin, people.leadHandler, people.leadHead]) {
      expect(caseForAudience(assigned, caseAudienceOf(staff, assigned)).viaClient).toEqual(viaClient);
    }
    const shown = caseForAudience(assigned, caseAudienceOf(people.otherDeputy, assigned));
    expect(shown.viaClient).toEqual({
      channel: 'open311',
      clientId: viaClient.clientId,
      clientName: '市民热线',
      address: '和平大道 88 号',
    });
    expect(JSON.stringify(shown)).not.toMatch(/li@example|13800000000|ADDR-1|img\.example|apiclient/);
  });
});
