import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROUTER_CODE } from '../../../infra/constructs/web-edge.ts';

/** The CloudFront Function's code, run as CloudFront would call it: `handler(event)`. */
const router = () => {
  const code = ROUTER_CODE;
  const context: { handler?: (event: unknown) => Record<string, unknown> } = {};
  runInNewContext(`${code}\nthis.handler = handler;`, context);
  return (uri: string) => context.handler?.({ request: { uri, headers: {} } }) ?? {};
};

describe('the web distribution’s router function', () => {
  const route = router();

  it('leaves /config.json to the bucket (written there when publishing)', () => {
    expect(route('/config.json')).toMatchObject({ uri: '/config.json' });
  });

  it('serves a client-side route its shell, and files as they are', () => {
    expect(route('/app/')).toMatchObject({ uri: '/app/index.html' });
    expect(route('/app/cases/C-1')).toMatchObject({ uri: '/app/index.html' });
    // Notification links name records by UUID: `{web origin}/app/cases/{id}`, `/app/suggestions/{id}`.
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(route(`/app/cases/${id}`)).toMatchObject({ uri: '/app/index.html' });
    expect(route(`/app/suggestions/${id}`)).toMatchObject({ uri: '/app/index.html' });
    expect(route('/console/inbox')).toMatchObject({ uri: '/console/index.html' });
    expect(route('/app/sw.js')).toMatchObject({ uri: '/app/sw.js' });
    expect(route('/assets/app-abc.js')).toMatchObject({ uri: '/assets/app-abc.js' });
  });

  it('sends the bare domain to the deputies’ app', () => {
    expect(route('/')).toMatchObject({ statusCode: 302, headers: { location: { value: '/app/' } } });
  });
});
