// Sizes of the built app: the JavaScript the first screen needs (index.html's module script, its
// modulepreloads and, transitively, every static import), gzipped; and the whole service-worker precache.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type FigureResult } from '../lib/results';

const KiB = 1024;
const MiB = 1024 * 1024;

/** Static imports of a built module: `import … from "x"`, `import "x"`, `export … from "x"` (not `import("x")`). */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/** The URL paths (relative to dist) of the JavaScript the first screen loads before it can render. */
export function firstScreenScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const start: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /^<script/.test(tag) && /type=["']module["']/.test(tag);
    const isPreload = /^<link/.test(tag) && /rel=["']modulepreload["']/.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if ((isModule || isPreload) && url) start.push(url.replace(/^\//, ''));
  }
  if (start.length === 0) throw new Error('index.html has no module script');
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const spec of staticImports(code)) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // bare specifiers cannot load in a browser
      queue.push(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(file), spec));
    }
  }
  return [...seen];
}

/** The URLs in the built service worker's precache manifest (vite-plugin-pwa injectManifest). */
export function precacheUrls(distDir: string): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const urls: string[] = [];
  for (const match of sw.matchAll(/\{[^{}]*?"?url"?\s*:\s*"([^"]+)"[^{}]*?\}/g)) {
    if (/"?revision"?\s*:/.test(match[0]) && match[1]) urls.push(match[1]);
  }
  if (urls.length === 0) throw new Error('no precache manifest found in sw.js');
  return [...new Set(urls)];
}

/**
 * What one URL costs to download: the server sends the `.br` (or `.gz`) copy the build wrote beside a file
 * to a browser that accepts it (vite.config.ts, `precompress`), the file itself when there is none.
 */
export function transferredBytes(distDir: string, url: string, encoding: 'br' | 'gz'): number {
  const file = join(distDir, url);
  const compressed = `${file}.${encoding}`;
  return existsSync(compressed) ? statSync(compressed).size : statSync(file).size;
}

export function appSizeFigures(distDir: string, scale: number): FigureResult[] {
  const scripts = firstScreenScripts(distDir);
  const bytes = scripts.map((file) => readFileSync(join(distDir, file)));
  const raw = bytes.reduce((n, b) => n + b.length, 0);
  const gzip = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const biggest = scripts
    .map((file, i) => ({ file, gz: gzipSync(bytes[i]!, { level: 9 }).length }))
    .sort((a, b) => b.gz - a.gz)
    .slice(0, 3)
    .map((s) => `${posix.basename(s.file)} ${(s.gz / KiB).toFixed(1)} KiB`);

  const urls = precacheUrls(distDir);
  const stored = urls.map((url) => ({ url, size: statSync(join(distDir, url)).size }));
  const precache = stored.reduce((n, file) => n + file.size, 0);
  // The target is on stored bytes; what installing or updating the app downloads is said beside it.
  const br = urls.reduce((n, url) => n + transferredBytes(distDir, url, 'br'), 0);
  const gz = urls.reduce((n, url) => n + transferredBytes(distDir, url, 'gz'), 0);
  const largest = [...stored]
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .map((u) => `${posix.basename(u.url)} ${(u.size / KiB).toFixed(1)} KiB`);
  return [
    figure(
      {
        id: 'first-screen-js-gzip',
        figure: 'first-screen JavaScript (gzip -9)',
        unit: 'KiB',
        runs: [gzip / KiB],
        target: { kind: 'max', value: 60, text: '< 60 KiB' },
        note: `${scripts.length} files, ${(raw / KiB).toFixed(1)} KiB before gzip; largest gzipped: ${biggest.join(', ')} (sizes are deterministic: one run)`,
      },
      scale,
    ),
    figure(
      {
        id: 'precache-bytes',
        figure: 'whole precache (sw.js manifest)',
        unit: 'KiB',
        runs: [precache / KiB],
        target: { kind: 'max', value: MiB / KiB, text: '< 1 MiB' },
        note:
          `${urls.length} URLs, as stored in the Cache API (uncompressed); downloaded: ` +
          `${(br / KiB).toFixed(1)} KiB brotli, ${(gz / KiB).toFixed(1)} KiB gzip; largest: ${largest.join(', ')}`,
      },
      scale,
    ),
  ];
}
