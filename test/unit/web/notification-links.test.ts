import { describe, expect, it } from 'vitest';
import { inAppPath } from '../../../web/src/deputy/notifications/links.ts';

/** Where a notification of the inbox (or a push) takes the deputy inside the app. */
describe('a notification’s page in the app', () => {
  const here = 'https://qingshan.example.cn';
  const aCase = { kind: 'case', id: 'C-20261207-0001' } as const;

  it('follows the path under /app/ of the link the API made, whatever address it names', () => {
    expect(inAppPath('http://127.0.0.1:3000/app/cases/C-20261207-0001', aCase, here)).toBe(
      'cases/C-20261207-0001',
    );
    expect(
      inAppPath('https://old-name.example/app/suggestions/S-1', { kind: 'suggestion', id: 'S-1' }, here),
    ).toBe('suggestions/S-1');
  });

  it('takes a relative link (a deployment without a base URL) as it is', () => {
    expect(inAppPath('/app/cases/C-20261207-0001', aCase, here)).toBe('cases/C-20261207-0001');
  });

  it('falls back to the record when the link is not the app’s (a console link, the bare app, no link)', () => {
    expect(inAppPath('https://x.example/console/cases/C-9', { kind: 'case', id: 'C-9' }, here)).toBe(
      'cases/C-9',
    );
    expect(inAppPath('/app/', { kind: 'suggestion', id: 'S 2' }, here)).toBe('suggestions/S%202');
    expect(inAppPath('http://[bad', aCase, here)).toBe('cases/C-20261207-0001');
    expect(inAppPath('', { kind: 'alert', id: 'budget~x' }, here)).toBe('updates');
  });
});
