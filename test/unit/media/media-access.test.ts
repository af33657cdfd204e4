import { describe, expect, it } from 'vitest';
import { type MediaHolder, mediaReadRight } from '../../../shared/domain/media/media-access.ts';
import type { MediaAttachment } from '../../../shared/domain/media/media-attachment.ts';
import { type MediaRecord, pendingMedia } from '../../../shared/domain/media/media-record.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import type { SuggestionRecord } from '../../../shared/domain/suggestions/suggestion-record.ts';
import { caseIn, people } from '../cases/case-fixtures.ts';
import { filed, people as signatories } from '../suggestions/suggestion-fixtures.ts';

const AT = '2026-11-29T02:00:00.000Z';

const file = (owner: Principal, attachedTo?: MediaAttachment): MediaRecord => ({
  ...pendingMedia({
    id: 'm1',
    owner,
    declaredType: 'image/jpeg',
    maxBytes: 100,
    uploadKey: 'uploads/pending/x/m1.jpg',
    at: new Date(AT),
  }),
  status: 'ready',
  originalKey: 'media/m1/original',
  publicKey: 'media/m1/public',
  ...(attachedTo ? { attachedTo } : {}),
});
const onCase = (id = 'case-1'): MediaAttachment => ({ kind: 'case', id, part: 'report', by: 'x', at: AT });

describe('mediaReadRight: a case’s files', () => {
  const rights = (holderRecord = caseIn('inProgress')) => {
    const holder: MediaHolder = { kind: 'case', record: holderRecord };
    const photo = file(people.reporter, onCase());
    return Object.fromEntries(
      Object.entries(people).map(([name, who]) => [name, mediaReadRight(who, photo, holder)]),
    );
  };

  it('gives the original to the uploader, overseers and the assigned departments; nothing to others', () => {
    expect(rights()).toEqual({
      reporter: 'original',
      otherDeputy: 'none',
      supervisor: 'original',
      admin: 'original',
      leadHandler: 'original',
      leadHead: 'original',
      coHandler: 'original',
      otherHandler: 'none',
    });
  });

  it('gives other deputies the public copy of a public case, and nobody in a department before dispatch', () => {
    const undispatched = caseIn('submitted', { isPublic: true, coDepartmentIds: [] });
    const { leadDepartmentId: _, ...unassigned } = undispatched;
    expect(rights(unassigned)).toMatchObject({
      otherDeputy: 'public',
      leadHandler: 'none',
      coHandler: 'none',
      supervisor: 'original',
    });
  });

  it('gives the reporter only the public copy of evidence someone else uploaded', () => {
    const evidence = file(people.leadHandler, { ...onCase(), part: 'evidence' });
    const holder: MediaHolder = { kind: 'case', record: caseIn('rectified') };
    expect(mediaReadRight(people.reporter, evidence, holder)).toBe('public');
    expect(mediaReadRight(people.leadHandler, evidence, holder)).toBe('original');
  });

  it('lets only the uploader read a file attached to nothing, or whose holder is another record', () => {
    const loose = file(people.leadHandler);
    expect(mediaReadRight(people.leadHandler, loose, undefined)).toBe('original');
    for (const who of [people.supervisor, people.leadHead, people.admin]) {
      expect(mediaReadRight(who, loose, undefined)).toBe('none');
    }
    const elsewhere = file(people.reporter, onCase('case-2'));
    expect(mediaReadRight(people.supervisor, elsewhere, { kind: 'case', record: caseIn('closed') })).toBe(
      'none',
    );
  });
});

describe('mediaReadRight: a suggestion’s files', () => {
  const attachment: MediaAttachment = {
    kind: 'suggestion',
    id: 'sug-1',
    part: 'attachment',
    by: 'x',
    at: AT,
  };
  const assigned = (record: SuggestionRecord, leadUnitId: string, id = record.id): SuggestionRecord => ({
    ...record,
    id,
    state: 'assigned',
    assignment: { leadUnitId, coUnitIds: [], assignedAt: AT, assignedOn: '2026-11-29' },
  });

  it('follows the suggestion: signatories public, the assigned unit and overseers the original', () => {
    const record = assigned(filed().record, 'dept-ecology');
    const holder: MediaHolder = { kind: 'suggestion', record, parts: [] };
    const photo = file(signatories.filer, attachment);
    expect(mediaReadRight(signatories.coSigner, photo, holder)).toBe('public');
    expect(mediaReadRight(signatories.leadHandler, photo, holder)).toBe('original');
    expect(mediaReadRight(signatories.supervisor, photo, holder)).toBe('original');
    expect(mediaReadRight(signatories.otherHead, photo, holder)).toBe('none');
    expect(mediaReadRight(signatories.otherDeputy, photo, holder)).toBe('none');
  });

  it('lets the units of a split suggestion’s parts read the attachments filed on the parent', () => {
    const parent: SuggestionRecord = { ...filed().record, state: 'split' };
    const part = assigned(parent, 'dept-urban-management', 'sug-1.2');
    const photo = file(signatories.filer, attachment);
    const holder: MediaHolder = { kind: 'suggestion', record: parent, parts: [part] };
    expect(mediaReadRight(signatories.otherHead, photo, holder)).toBe('original');
    expect(mediaReadRight(signatories.coHead, photo, holder)).toBe('none');
  });
});
