import { defineConfig } from 'vitest/config';

// Three projects, run side by side (docs/testing.md): fast pure tests; CDK synthesis, pure CPU with
// no ports, one file at a time; and the files that boot emulators, one at a time, beside it.
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
      {
        test: {
          name: 'slow',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // One DynamoDB Local for every file; each file's tables under a prefix of its own.
          globalSetup: ['test/support/shared-dynamodb.ts'],
          setupFiles: ['test/support/table-prefix.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
