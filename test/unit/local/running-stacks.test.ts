import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findRunningStack,
  type RunningStack,
  registerRunningStack,
} from '../../../infra/local/running-stacks.ts';

const urls = (api: number) => ({
  api: `http://127.0.0.1:${api}`,
  dynamodb: 'http://127.0.0.1:8001',
  s3: 'http://127.0.0.1:4570',
  mqtt: 'mqtt://127.0.0.1:1884',
  mqttWs: 'ws://127.0.0.1:9002',
});

describe('finding the running local stack', () => {
  let registry = '';
  const project = '/work/project';
  const stack = (pid: number, dataDir: string, api = 3001): RunningStack => ({
    pid,
    projectRoot: project,
    dataDir,
    urls: urls(api),
  });
  beforeEach(async () => {
    registry = await mkdtemp(join(tmpdir(), 'qingshan-registry-'));
  });
  afterEach(async () => rm(registry, { recursive: true, force: true }));

  it('finds the only running stack of the project, whatever its ports and folder', async () => {
    await registerRunningStack(stack(process.pid, '/tmp/elsewhere', 3999), registry);

    const found = await findRunningStack(project, undefined, registry);

    expect(found).toMatchObject({ dataDir: '/tmp/elsewhere', urls: { api: 'http://127.0.0.1:3999' } });
  });

  it('ignores and clears stacks whose process is gone, and other projects’ stacks', async () => {
    // A pid far above any pid_max in use: no such process.
    await writeFile(join(registry, '4194000.json'), JSON.stringify(stack(4_194_000, '/tmp/dead')));
    await registerRunningStack({ ...stack(process.pid, '/tmp/other'), projectRoot: '/work/other' }, registry);

    const found = await findRunningStack(project, undefined, registry);

    expect(found).toBe('No running stack found. Start one first: npm start');
    expect(await readdir(registry)).toEqual([`${process.pid}.json`]);
  });

  it('asks to choose with --data-dir when several run, and takes the one named', async () => {
    await registerRunningStack(stack(process.pid, '/tmp/a', 3001), registry);
    await registerRunningStack(stack(process.ppid, '/tmp/b', 3002), registry);

    const unnamed = await findRunningStack(project, undefined, registry);
    const named = await findRunningStack(project, '/tmp/b', registry);
    const absent = await findRunningStack(project, '/tmp/c', registry);

    expect(unnamed).toContain('Several stacks are running; name one with --data-dir:');
    expect(unnamed).toContain('--data-dir /tmp/a');
    expect(named).toMatchObject({ urls: { api: 'http://127.0.0.1:3002' } });
    expect(absent).toContain('No stack is running on /tmp/c');
  });

  it('forgets a stack once it unregisters', async () => {
    const unregister = await registerRunningStack(stack(process.pid, '/tmp/a'), registry);

    await unregister();

    expect(await findRunningStack(project, undefined, registry)).toContain('No running stack found');
  });
});
