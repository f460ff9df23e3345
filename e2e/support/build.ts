// Builds the production app for the browser tests, once per build id.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

export function buildApp(outDir: string, buildId: string): void {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would make Vite build a non-production bundle (no service worker).
      env: { ...process.env, NODE_ENV: 'production', HOLDFAST_BUILD_ID: buildId },
    },
  );
  if (result.status !== 0 || !existsSync(join(outDir, 'sw.js'))) {
    throw new Error(`vite build for ${buildId} failed`);
  }
}
