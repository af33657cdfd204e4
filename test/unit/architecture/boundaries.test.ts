import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The layer rules of `npm run lint` (.dependency-cruiser.cjs), run by the real CLI over a small
 * project laid out like ours: each probe file breaks one rule, and the one clean file breaks none.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const FILES: Record<string, string> = {
  'shared/adapters/store.ts': 'export const store = 1;\n',
  'shared/contracts/shape.ts': 'export type Shape = { id: string };\n',
  'shared/domain/clean.ts': "import type { Other } from './other.ts';\nexport type Clean = Other;\n",
  'shared/domain/other.ts': 'export type Other = string;\n',
  'shared/domain/uses-adapter.ts': "import { store } from '../adapters/store.ts';\nexport const x = store;\n",
  'shared/domain/uses-contract.ts':
    "import type { Shape } from '../contracts/shape.ts';\nexport type Y = Shape;\n",
  'shared/domain/uses-sdk.ts':
    "import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport type Z = DynamoDBClient;\n",
  'shared/domain/cycle-a.ts': "import type { B } from './cycle-b.ts';\nexport type A = B | 1;\n",
  'shared/domain/cycle-b.ts': "import type { A } from './cycle-a.ts';\nexport type B = A | 2;\n",
  'functions/uses-cdk.ts': "import { Stack } from 'aws-cdk-lib';\nexport const s = Stack;\n",
  'functions/uses-infra.ts': "import { TABLES } from '../infra/manifest.ts';\nexport const t = TABLES;\n",
  'infra/manifest.ts': 'export const TABLES = {};\n',
  'shared/ports/uses-adapter.ts': "import { store } from '../adapters/store.ts';\nexport const p = store;\n",
  'shared/application/uses-adapter.ts':
    "import { store } from '../adapters/store.ts';\nexport const u = store;\n",
  'shared/contracts/uses-adapter.ts':
    "import { store } from '../adapters/store.ts';\nexport const c = store;\n",
  'shared/adapters/uses-handler.ts':
    "import { s } from '../../functions/uses-cdk.ts';\nexport const a = s;\n",
  // Stand-ins for the two packages, so the probe resolves them as it would in the repository.
  'node_modules/@aws-sdk/client-dynamodb/package.json':
    '{"name":"@aws-sdk/client-dynamodb","main":"index.js"}',
  'node_modules/@aws-sdk/client-dynamodb/index.js': 'exports.DynamoDBClient = class {};\n',
  'node_modules/aws-cdk-lib/package.json': '{"name":"aws-cdk-lib","main":"index.js"}',
  'node_modules/aws-cdk-lib/index.js': 'exports.Stack = class {};\n',
};

type Violation = { from: string; to: string; rule: { name: string } };
let dir: string;
let violations: Violation[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qs-boundaries-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/depcruise'),
    ['--config', join(ROOT, '.dependency-cruiser.cjs'), '-T', 'json', 'functions', 'shared', 'infra'],
    { cwd: dir, encoding: 'utf8' },
  );
  violations = JSON.parse(run.stdout).summary.violations;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rulesBroken = (from: string): string[] =>
  violations.filter((v) => v.from === from).map((v) => v.rule.name);

describe('layer boundaries (npm run lint)', () => {
  it('keeps adapters, contracts and the AWS SDK out of the domain', () => {
    expect(rulesBroken('shared/domain/uses-adapter.ts')).toEqual(['domain-is-pure']);
    expect(rulesBroken('shared/domain/uses-contract.ts')).toEqual(['domain-no-contracts']);
    // a type-only import counts: the domain must not even name an SDK type
    expect(rulesBroken('shared/domain/uses-sdk.ts')).toEqual(['domain-is-pure']);
  });

  it('keeps the CDK and infra/ out of runtime code', () => {
    expect(rulesBroken('functions/uses-cdk.ts')).toEqual(['runtime-no-cdk']);
    expect(rulesBroken('functions/uses-infra.ts')).toEqual(['runtime-no-cdk']);
  });

  it('keeps ports, contracts and adapters in their layers', () => {
    expect(rulesBroken('shared/ports/uses-adapter.ts')).toEqual(['ports-speak-domain']);
    expect(rulesBroken('shared/contracts/uses-adapter.ts')).toEqual(['contracts-describe-only']);
    expect(rulesBroken('shared/adapters/uses-handler.ts')).toEqual(['adapters-below-handlers']);
    expect(rulesBroken('shared/application/uses-adapter.ts')).toEqual(['application-takes-ports']);
  });

  it('refuses import cycles, type-only ones included', () => {
    const cyclic = violations.filter((v) => v.rule.name === 'no-circular').map((v) => v.from);
    expect(cyclic.some((from) => from.startsWith('shared/domain/cycle-'))).toBe(true);
  });

  it('lets a domain file import the domain', () => {
    expect(rulesBroken('shared/domain/clean.ts')).toEqual([]);
    expect(rulesBroken('shared/domain/other.ts')).toEqual([]);
  });
});
