import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ESBUILD_OPTIONS, esbuildOptionsFor } from '../../infra/bundling.ts';
import { nodejsBundling } from '../../infra/constructs/house-function.ts';

describe('bundling options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingshan-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('CDK bundles with the very options the benchmark uses', () => {
    const cdk = nodejsBundling({ tracing: false });

    expect(cdk.format).toBe(ESBUILD_OPTIONS.format);
    expect(cdk.target).toBe(ESBUILD_OPTIONS.target);
    expect(cdk.minify).toBe(ESBUILD_OPTIONS.minify);
    expect(cdk.sourceMap).toBe(ESBUILD_OPTIONS.sourcemap);
    expect(cdk.sourcesContent).toBe(false);
    expect(ESBUILD_OPTIONS.sourcesContent).toBe(false);
    expect(cdk.mainFields).toEqual(ESBUILD_OPTIONS.mainFields);
    expect(cdk.banner).toBe(ESBUILD_OPTIONS.banner.js);
    expect(cdk.externalModules).toEqual([]);
    expect(cdk.forceDockerBundling).toBe(false);
    for (const tracing of [false, true]) {
      expect(nodejsBundling({ tracing }).define).toEqual(
        esbuildOptionsFor('x.ts', 'out', { tracing }).define,
      );
    }
  });

  it('bundles the AWS SDK instead of relying on the runtime copy', () => {
    expect(ESBUILD_OPTIONS.external).toEqual([]);
    expect(nodejsBundling({ tracing: true }).bundleAwsSDK).toBe(true);
  });

  it('produces an ESM .mjs bundle in which CommonJS require still works', async () => {
    // Prepare: an entry that needs `require` at run time, as some CommonJS dependencies do.
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, "export const handler = async () => require('node:path').posix.join('a', 'b');\n");

    // Act
    await build({ ...esbuildOptionsFor(entry, join(dir, 'out'), { tracing: false }), logLevel: 'silent' });
    const files = readdirSync(join(dir, 'out')).sort();
    // A fresh Node process: the test runner's own module loader would paper over a missing `require`.
    const url = pathToFileURL(join(dir, 'out', 'entry.mjs')).href;
    const script = `const { handler } = await import(${JSON.stringify(url)}); process.stdout.write(await handler());`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });

    // Assess
    expect(files).toEqual(['entry.mjs', 'entry.mjs.map']);
    expect(output).toBe('a/b');
  });

  it('leaves the X-Ray SDK out of the bundle of an untraced deployment, and only there', async () => {
    // Prepare: an entry using the tracer module as every middy stack does.
    const tracer = join(import.meta.dirname, '..', '..', 'shared', 'observability', 'tracer.ts');
    const entry = join(dir, 'traced.ts');
    writeFileSync(entry, `export { traceInvocation } from ${JSON.stringify(tracer)};\n`);

    // Act
    const inputs = async (tracing: boolean) => {
      const options = esbuildOptionsFor(entry, join(dir, `out-${tracing}`), { tracing });
      const { metafile } = await build({ ...options, metafile: true, logLevel: 'silent' });
      return Object.keys(metafile.inputs);
    };
    const untraced = await inputs(false);
    const traced = await inputs(true);

    // Assess
    const xray = (files: string[]) =>
      files.filter((f) => /aws-xray-sdk-core|observability\/xray\.ts$/.test(f));
    expect(untraced.some((f) => f.endsWith('observability/tracer.ts'))).toBe(true);
    expect(xray(untraced)).toEqual([]);
    expect(xray(traced).length).toBeGreaterThan(1);
  });
});
