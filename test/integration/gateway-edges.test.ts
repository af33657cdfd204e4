import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/contracts/problem.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { RawConnection } from '../support/raw-http.ts';

/** What the gateway answers at its own edges (before or instead of a function), over real sockets. */

let t: TestStack;
const open: RawConnection[] = [];

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  for (const connection of open) connection.close();
  await t?.close();
});

const connection = async () => {
  const opened = await RawConnection.open(t.stack.urls.api);
  open.push(opened);
  return opened;
};

const host = () => new URL(t.stack.urls.api).host;
const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: ${host()}\r\n${extra}\r\n`;
const problemOf = (body: string) => JSON.parse(body) as Problem;

describe('a malformed % escape in the path', () => {
  it('is a 400 problem naming the path parameter, before the token is looked at', async () => {
    const response = await t.api('/cases/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([
      { path: '/path/id', message: expect.stringMatching(/^[\u4e00-\u9fff]/) },
    ]);
    expect((await t.api('/identifiers/88.118.8/%ZZ')).status).toBe(400);
  });
});

describe('headers or a URL over 16 KB', () => {
  it('are a 431 problem, and the connection is closed cleanly', async () => {
    for (const head of [
      get(`/health?q=${'x'.repeat(17 * 1024)}`),
      get('/health', `X-Big: ${'y'.repeat(17 * 1024)}\r\n`),
    ]) {
      const socket = await connection();
      const response = await socket.send(head);
      expect(response.status).toBe(431);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers.connection).toBe('close');
      expect(problemOf(response.body)).toMatchObject({
        status: 431,
        title: expect.stringMatching(/^请求头/),
      });
    }
  });
});

describe('an idle kept-alive connection', () => {
  it('is kept for 60 s (Node defaults to 5 s), so a client that pauses does not reconnect', async () => {
    const socket = await connection();
    const answer = await socket.send(get('/health'));
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('keep-alive');
    expect(answer.headers['keep-alive']).toBe('timeout=60');
  });
});

describe('a body over 10 MB', () => {
  it('is a 413 problem, and the next request on the same keep-alive connection is answered', async () => {
    const socket = await connection();
    const body = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const head = `POST /cases HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const refused = await socket.send(head, body);
    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(problemOf(refused.body).status).toBe(413);
    const next = await socket.send(get('/health'));
    expect(next.status).toBe(200);
  });

  it('sent in chunks is refused the same way', async () => {
    const socket = await connection();
    const chunk = Buffer.alloc(1024 * 1024, 'b');
    const chunks = Array.from({ length: 11 }, () =>
      Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
    );
    const head = `POST /cases HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const refused = await socket.send(head, Buffer.concat([...chunks, Buffer.from('0\r\n\r\n')]));
    expect(refused.status).toBe(413);
    expect((await socket.send(get('/health'))).status).toBe(200);
  });

  it('announced with Expect: 100-continue is refused before it is sent, and the connection closed', async () => {
    const socket = await connection();
    const head = `POST /cases HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: ${11 * 1024 * 1024}\r\nExpect: 100-continue\r\n\r\n`;
    const refused = await socket.send(head);
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(problemOf(refused.body).title).toMatch(/^请求体过大/);
  });
});

describe('Idempotency-Key', () => {
  it('reused with another body is a 422 naming /header/idempotency-key', async () => {
    const post = (title: string) =>
      t.api('/cases', {
        method: 'POST',
        token: t.stack.users.deputy.token,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'edge-key-1' },
        body: JSON.stringify({ categoryId: 'noise', title, description: '工地凌晨施工' }),
      });
    expect((await post('夜间施工噪声')).status).toBe(201);
    const reused = await post('另一件事');
    expect(reused.status).toBe(422);
    const problem = (await reused.json()) as Problem;
    expect(problem.errors).toEqual([
      { path: '/header/idempotency-key', message: expect.stringMatching(/^此幂等键/) },
    ]);
  });
});

describe('field errors', () => {
  it('read zh-CN first with the English beside, under /body', async () => {
    const response = await t.api('/cases', {
      method: 'POST',
      token: t.stack.users.deputy.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ categoryId: 'noise', title: 7 }),
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    const title = problem.errors?.find((error) => error.path === '/body/title');
    expect(title?.message).toBe('应为字符串，实际为数字 (Invalid input: expected string, received number)');
    for (const error of problem.errors ?? []) {
      expect(error.path).toMatch(/^\/body\//);
      expect(error.message).toMatch(/^[\u4e00-\u9fff]/);
    }
  });
});
