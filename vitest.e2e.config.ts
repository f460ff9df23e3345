// Browser tests: playwright-core drives Debian's Chromium against the production build.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
    // A browser test that fails is run once more: on a loaded two-core machine a rare timing failure
    // must not fail the whole run. `npm test`'s summary names every test that passed only on the second
    // try, with its first failure, so none goes unseen.
    retry: 1,
  },
});
