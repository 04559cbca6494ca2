import { defineConfig } from 'vitest/config';

// Two projects: fast Node-side tests (real SDKs against fake provider servers, real ports, real
// SQLite) and end-to-end tests that drive Debian's Chromium against browser mode.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // CI runs on a shared machine that can stall Chromium for seconds; one more attempt
          // there keeps a stall from blocking a landing, while a real fault still fails twice.
          // Locally a test gets one attempt, so flakiness shows where it is written.
          retry: process.env.CI ? 1 : 0,
          // expect.poll gives up after 1 s by default: a busy machine can take longer than that to
          // show what a person would wait a few seconds for.
          expect: { poll: { timeout: 15_000 } },
          globalSetup: ['test/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
