import { defineConfig } from 'vitest/config';

// Four projects (docs/testing.md). `npm test` runs them as vitest processes in two lanes
// (test/run-suites.ts): integration, then e2e; beside them unit + infra. Within one vitest process
// every project with `fileParallelism: false` joins one sequential queue, so side by side needs
// separate processes.
const emulatorFiles = {
  // One DynamoDB Local for every file of the process; each file's tables under a prefix of its own.
  globalSetup: ['test/support/shared-dynamodb.ts'],
  setupFiles: ['test/support/table-prefix.ts'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
  fileParallelism: false,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/handler/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...emulatorFiles } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], ...emulatorFiles } },
    ],
  },
});
