// Unit tests (next to the code) and server tests; browser tests live in vitest.e2e.config.ts.
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  define: { __APP_VERSION__: '"test"', __BUILD_ID__: '"test"' },
  test: {
    projects: [
      {
        plugins: [preact()],
        define: { __APP_VERSION__: '"test"', __BUILD_ID__: '"test"' },
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'sw/**/*.test.ts', 'scripts/**/*.test.ts', 'lint/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30000,
          hookTimeout: 30000,
          fileParallelism: false,
        },
      },
    ],
  },
});
