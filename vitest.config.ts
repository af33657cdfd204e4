import { defineConfig } from 'vitest/config';

// Two projects: fast pure tests, and the ones that boot emulators or synthesize the stack.
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
          name: 'slow',
          include: ['test/infra/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
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
