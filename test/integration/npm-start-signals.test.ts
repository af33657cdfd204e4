import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/free-port.ts';
import { PROJECT_ROOT } from '../support/local-stack.ts';

// `kill <pid>`, `timeout` and simple supervisors send SIGTERM to the npm process alone, not to its
// group: the whole tree below it (sh, tsx, node, java) must still stop and free every port.

/** Children of each pid, from /proc (Linux). */
const childrenByParent = (): Map<number, number[]> => {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name in parentheses, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  return children;
};

const descendantsOf = (pid: number): number[] => {
  const children = childrenByParent();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0; it holds no port and no memory worth the name.
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
};

const isListening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
};

describe('npm start and signals', () => {
  const leftovers: number[] = [];
  let dataDir = '';
  afterAll(async () => {
    // Only what this test started: its own descendants, by pid.
    for (const pid of leftovers.filter(isAlive)) process.kill(pid, 'SIGKILL');
    if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM to the npm process alone stops tsx, node and java and frees every port', async () => {
    // Prepare: npm start on free ports and a fresh folder, until it says it is running.
    dataDir = await mkdtemp(join(tmpdir(), 'qingshan-signals-'));
    const ports = { api: 0, dynamodb: 0, s3: 0, mqtt: 0, mqttWs: 0 };
    for (const key of Object.keys(ports) as (keyof typeof ports)[]) ports[key] = await freePort();
    const npm: ChildProcess = spawn(
      'npm',
      [
        'start',
        '--',
        '--quiet',
        '--data-dir',
        dataDir,
        '--api-port',
        String(ports.api),
        '--dynamodb-port',
        String(ports.dynamodb),
        '--s3-port',
        String(ports.s3),
        '--mqtt-port',
        String(ports.mqtt),
        '--mqtt-ws-port',
        String(ports.mqttWs),
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    npm.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    npm.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const started = await waitFor(() => output.includes('is running locally'), 120_000);
    expect(started, output).toBe(true);
    const tree = descendantsOf(npm.pid as number);
    leftovers.push(npm.pid as number, ...tree);
    expect(tree.map(commandOf).some((command) => command.includes('java'))).toBe(true);
    for (const port of Object.values(ports)) expect(await isListening(port), `port ${port}`).toBe(true);
    // npm run job finds this stack, on its own ports and folder, without being told either.
    const job = spawnSync('npm', ['run', '--silent', 'job', '--', 'heartbeat'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(job.status, `${job.stdout}\n${job.stderr}`).toBe(0);
    expect(job.stderr).toContain('heartbeat finished');

    // Act: what `kill <pid>` does.
    process.kill(npm.pid as number, 'SIGTERM');

    // Assess: nothing of the tree is left, and no port answers.
    const allGone = await waitFor(() => tree.every((pid) => !isAlive(pid)), 30_000);
    const still = tree.filter(isAlive).map((pid) => `${pid} ${commandOf(pid)}`);
    expect(allGone, `still running: ${still.join('; ')}`).toBe(true);
    for (const port of Object.values(ports)) expect(await isListening(port), `port ${port}`).toBe(false);
    // The stack wrote where it listened, for npm run job (and removed nothing a restart needs).
    const written = JSON.parse(await readFile(join(dataDir, 'stack.json'), 'utf8')) as {
      urls: { api: string };
    };
    expect(written.urls.api).toBe(`http://127.0.0.1:${ports.api}`);
  });
});
