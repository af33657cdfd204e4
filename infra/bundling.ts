/**
 * How every Lambda entry is bundled, in one place. The CDK house construct translates these options to
 * NodejsFunction's `bundling`; a benchmark can pass them to esbuild's JS API unchanged, so what is
 * measured locally is byte-for-byte what runs in the cloud. No CDK import here, on purpose: the benchmark
 * must not pay for loading aws-cdk-lib.
 */
import type { BuildOptions } from 'esbuild';

/** Node runtime the functions run on (Lambda `nodejs24.x`); esbuild's target name for it. */
export const NODE_TARGET = 'node24';

/** Stack traces from minified bundles point back at the TypeScript source. */
export const NODE_OPTIONS = '--enable-source-maps';

/**
 * ESM bundles have no `require`; some CommonJS dependencies still call it (e.g. for Node built-ins), so the
 * bundle gets one built from its own URL.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Prefer the ESM build of dependencies so tree shaking works, fall back to CommonJS. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * The esbuild options shared by CDK and the benchmark. The AWS SDK is bundled too (no externals): the
 * versions pinned in package-lock.json run both locally and in the cloud, not whatever the runtime ships.
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  minify: true,
  sourcemap: true,
  // The maps keep file:line:column for stack traces but not a copy of every source: half the bytes
  // to upload and for Node to read at a cold start (docs/performance.md, "Cold start").
  sourcesContent: false,
  mainFields: MAIN_FIELDS,
  banner: { js: ESM_REQUIRE_BANNER },
  external: [],
  outExtension: { '.js': '.mjs' },
} satisfies BuildOptions;

/**
 * Build-time constants, from the deployment's settings. `QS_BUNDLE_TRACING` is the X-Ray setting
 * (`-c tracing`): where it is off, shared/observability/tracer.ts's `import()` of the Tracer is dead
 * code and the X-Ray SDK stays out of the bundle (docs/performance.md, "Cold start").
 */
export const bundleDefines = (settings: { tracing: boolean }): Record<string, string> => ({
  'process.env.QS_BUNDLE_TRACING': JSON.stringify(String(settings.tracing)),
});

/** Full esbuild options for one entry, as the benchmark needs them: `await esbuild.build(...)`. */
export const esbuildOptionsFor = (
  entry: string,
  outdir: string,
  settings: { tracing: boolean },
): BuildOptions => ({
  ...ESBUILD_OPTIONS,
  mainFields: [...MAIN_FIELDS],
  external: [],
  define: bundleDefines(settings),
  entryPoints: [entry],
  outdir,
});
