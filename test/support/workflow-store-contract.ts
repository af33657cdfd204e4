import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/bundled-calendar.ts';
import { applyCaseTransition } from '../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import { ConflictError, UnprocessableError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { submitSuggestion } from '../../shared/domain/suggestions/submit-suggestion.ts';
import type { CaseStore } from '../../shared/ports/case-store.ts';
import type { SuggestionStore } from '../../shared/ports/suggestion-store.ts';
import type { Step } from '../../shared/ports/workflow-store.ts';

/**
 * One suite for every adapter of the workflow port: the in-memory one (test/unit) and DynamoDB Local
 * (test/integration) must answer alike — version conflicts, once-only ids and marks, all-or-nothing
 * writes, file claims, listing order and cursors, the open records. Ids are fresh per test, so the
 * suite also runs on a table other tests write to.
 */
export interface WorkflowStoreFixture {
  cases: CaseStore;
  suggestions: SuggestionStore;
  /** A completed upload, attached to nothing yet. */
  readyMedia: (id: string, uploader: string) => Promise<void>;
}

const env = { calendar: defaultWorkingCalendar() };
const supervisor: Principal = { userId: 'u-supervisor', username: 'supervisor', roles: ['supervisor'] };
const deputy = (userId: string): Principal => ({ userId, username: userId, roles: ['deputy'] });

const newCase = (reporter: string, at: string, isPublic = false) =>
  submitCase({
    id: `c-${randomUUID()}`,
    principal: deputy(reporter),
    payload: { categoryId: 'noise', title: '噪声', description: '夜间施工', isPublic },
    at: new Date(at),
  });

const step = (
  before: CaseRecord,
  action: string,
  payload: unknown = {},
): Step<CaseRecord, CaseTimelineEntry> => ({
  before,
  ...applyCaseTransition(
    before,
    { action, principal: supervisor, payload, at: new Date('2026-03-02T02:00:00Z') },
    env,
  ),
});

export const workflowStoreContract = (name: string, fixture: () => WorkflowStoreFixture) =>
  describe(`workflow store contract: ${name}`, () => {
    it('writes a birth once: the same id again is 409 and changes nothing', async () => {
      const { cases } = fixture();
      const born = newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z');
      await cases.create(born);
      const again = { ...born, record: { ...born.record, title: '改了' } };
      await expect(cases.create(again)).rejects.toBeInstanceOf(ConflictError);
      expect(await cases.get(born.record.id)).toEqual(born.record);
      expect(await cases.timeline(born.record.id)).toEqual([born.entry]);
    });

    it('takes a step on the version read; a second step from the same read is 409 and writes nothing', async () => {
      const { cases } = fixture();
      const born = newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z');
      await cases.create(born);
      const accepted = step(born.record, 'accept');
      await cases.update(accepted);
      const rejected = step(born.record, 'reject', { reason: '不属实' });
      await expect(cases.update(rejected)).rejects.toBeInstanceOf(ConflictError);
      expect((await cases.get(born.record.id))?.state).toBe('accepted');
      expect((await cases.timeline(born.record.id)).map((e) => e.action)).toEqual(['submit', 'accept']);
    });

    it('writes a linked record on its own version condition, all or nothing', async () => {
      const { cases } = fixture();
      const [a, b] = [
        newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z'),
        newCase(`r-${randomUUID()}`, '2026-03-01T02:00:00Z'),
      ];
      await cases.create(a);
      await cases.create(b);
      const staleB = step(b.record, 'accept');
      await cases.update(step(b.record, 'accept'));
      await expect(cases.update(step(a.record, 'accept'), { linked: [staleB] })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await cases.get(a.record.id))?.version).toBe(1);
    });

    it('keeps a creation mark once and finds the record it names', async () => {
      const { cases } = fixture();
      const key = `k-${randomUUID()}`;
      const first = newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z');
      const mark = {
        kind: 'idempotency' as const,
        key,
        recordId: first.record.id,
        createdAt: '2026-03-01T01:00:00Z',
        bodyHash: 'h1',
      };
      await cases.create(first, { mark });
      const second = newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z');
      await expect(
        cases.create(second, { mark: { ...mark, recordId: second.record.id } }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await cases.get(second.record.id)).toBeUndefined();
      expect(await cases.findMark('idempotency', key)).toEqual(mark);
      expect(await cases.findMark('autoCase', key)).toBeUndefined();
    });

    it('claims a ready file once: a second claim is 422 naming the field, and its record is not written', async () => {
      const { cases, readyMedia } = fixture();
      const photo = `m-${randomUUID()}`;
      await readyMedia(photo, 'u-uploader');
      const claim = (id: string) => ({
        mediaId: photo,
        attachment: {
          kind: 'case' as const,
          id,
          part: 'report' as const,
          seq: 1,
          by: 'u-uploader',
          at: '2026-03-01T01:00:00Z',
        },
        refusal: { detail: '附件已被引用 (taken)', field: { path: '/body/mediaIds/0', message: 'taken' } },
      });
      const first = newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z');
      await cases.create(first, { claims: [claim(first.record.id)] });
      const second = newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z');
      const lost = await cases.create(second, { claims: [claim(second.record.id)] }).catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(UnprocessableError);
      expect((lost as UnprocessableError).errors.map((e) => e.path)).toEqual(['/body/mediaIds/0']);
      expect(await cases.get(second.record.id)).toBeUndefined();
    });

    it('lists an audience newest first in pages with no repeats, within a range of positions', async () => {
      const { cases } = fixture();
      const reporter = `r-${randomUUID()}`;
      const times = ['2026-03-01T01:00:00Z', '2026-03-03T01:00:00Z', '2026-03-02T01:00:00Z'];
      const made = times.map((at) => newCase(reporter, at));
      for (const one of made) await cases.create(one);
      const source = { kind: 'reporter' as const, reporterId: reporter };
      const first = await cases.list({ source, newestFirst: true, limit: 2 });
      expect(first.cursor).toBeDefined();
      const rest = await cases.list({
        source,
        newestFirst: true,
        limit: 2,
        ...(first.cursor ? { cursor: first.cursor } : {}),
      });
      expect([...first.items, ...rest.items].map((r) => r.submittedAt)).toEqual([
        '2026-03-03T01:00:00.000Z',
        '2026-03-02T01:00:00.000Z',
        '2026-03-01T01:00:00.000Z',
      ]);
      expect(rest.cursor).toBeUndefined();
      const ranged = await cases.list({ source, between: ['2026-03-02', '2026-03-02~'], limit: 10 });
      expect(ranged.items.map((r) => r.submittedAt)).toEqual(['2026-03-02T01:00:00.000Z']);
    });

    it('answers open records, the opened trace and the closed count', async () => {
      const { cases } = fixture();
      const [open, closing] = [
        newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z'),
        newCase(`r-${randomUUID()}`, '2026-03-01T01:00:00Z'),
      ];
      const before = (await cases.openRecords()).closedByState.rejected ?? 0;
      await cases.create(open);
      await cases.create(closing);
      await cases.update(step(closing.record, 'reject', { reason: '不属实' }));
      const after = await cases.openRecords();
      expect(after.records.map((r) => r.id)).toContain(open.record.id);
      expect(after.records.map((r) => r.id)).not.toContain(closing.record.id);
      expect(after.opened).toContain(open.record.id);
      expect(after.opened).not.toContain(closing.record.id);
      expect(after.closedByState.rejected).toBe(before + 1);
    });

    it('lists a suggestion for its filer and co-signer, newest first', async () => {
      const { suggestions } = fixture();
      const [filer, coSigner] = [`d-${randomUUID()}`, `d-${randomUUID()}`];
      const file = (at: string) =>
        submitSuggestion({
          id: `s-${randomUUID()}`,
          principal: deputy(filer),
          payload: { title: '建议', body: '内容', category: 'ecology', coSignerIds: [coSigner] },
          at: new Date(at),
        });
      const [older, newer] = [file('2026-03-01T01:00:00Z'), file('2026-03-02T01:00:00Z')];
      await suggestions.create(older);
      await suggestions.create(newer);
      for (const userId of [filer, coSigner]) {
        const page = await suggestions.list({ kind: 'deputy', userId }, { limit: 10 });
        expect(page.items).toEqual([newer.record, older.record]);
      }
    });
  });
