// Unit tests (next to the code) and server tests; browser tests live in vitest.e2e.config.ts.
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  define: { __APP_VERSION__: '"test"', __BUILD_ID__: '"test"' },
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a two-core CI machine. The unit
    // files spend much of their time importing and transforming, the server files waiting on SQLite,
    // PostgreSQL and child processes, so two workers are faster there too.
    maxWorkers: 2,
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
          // Files run side by side: each opens its own SQLite temp folder or PostgreSQL schema
          // (server/test-support/adapters.ts) and servers listen on port 0.
        },
      },
    ],
  },
});
