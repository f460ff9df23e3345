// Builds what the benchmark measures and drives: the production app (as `npm run build` does, into
// .tmp/bench/dist) and the in-page bench bundle (bench/browser/entry.ts, Vite lib mode, one IIFE file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { buildApp } from '../../e2e/support/build';
import { ROOT } from '../../e2e/support/paths';

/** BENCH_TMP=<dir> keeps the build of one run apart from another run's (two benches at once). */
export const BENCH_TMP = process.env.BENCH_TMP
  ? join(ROOT, process.env.BENCH_TMP)
  : join(ROOT, '.tmp', 'bench');
export const BENCH_DIST = join(BENCH_TMP, 'dist');
const BROWSER_OUT = join(BENCH_TMP, 'browser');

export function buildProductionApp(): void {
  buildApp(BENCH_DIST, 'bench');
}

/** Returns the bundle's source, ready for page.evaluate (it defines globalThis.holdfastBench). */
export async function buildBrowserBundle(): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: BROWSER_OUT,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: {
        entry: join(ROOT, 'bench', 'browser', 'entry.ts'),
        formats: ['iife'],
        name: 'holdfastBenchBundle',
        fileName: () => 'bench-browser.js',
      },
    },
  });
  const file = join(BROWSER_OUT, 'bench-browser.js');
  if (!existsSync(file)) throw new Error(`the bench bundle was not built (${file})`);
  return readFileSync(file, 'utf8');
}
