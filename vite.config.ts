// Builds the app shell and the service worker (injectManifest, worker source in sw/), and writes a brotli and
// a gzip copy next to every text file of the build, which the server sends to browsers that accept them.
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// HOLDFAST_BUILD_ID distinguishes two builds of one version (the update-prompt test relies on it).
const buildId = process.env.HOLDFAST_BUILD_ID ?? new Date().toISOString().replace(/[-:]/g, '').slice(0, 13);
const serverPort = process.env.PORT ?? '8080';

/** Text files worth compressing; smaller ones cost more in headers than they save. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|webmanifest)$/;
const MIN_COMPRESS_BYTES = 1024;

/** `file.br` and `file.gz` beside each text file of the bundle (@fastify/static's preCompressed serves them). */
function precompress(): Plugin {
  return {
    name: 'holdfast-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const bytes = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        if (bytes.length < MIN_COMPRESS_BYTES) continue;
        const file = join(options.dir!, fileName);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * A modulepreload of the English catalog in index.html: English is the default and the fallback language,
 * so the first screen's text arrives with its code instead of after it (translate.ts imports it on demand).
 */
function preloadDefaultLanguage(): Plugin {
  return {
    name: 'holdfast-preload-default-language',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const catalog = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/src/ui/i18n/en.ts'),
        );
        if (!catalog) throw new Error('holdfast-preload-default-language: no chunk for src/ui/i18n/en.ts');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${catalog.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __BUILD_ID__: JSON.stringify(buildId),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // No modulepreload links for the chunks a dynamic import needs (only its CSS is still fetched first).
    // Profiled (BENCH_PROFILE): inserting those links, ~27 for a page, one element at a time, cost 5–38 ms
    // of main thread per first screen; the browser finds the same chunks in the page chunk's own imports a
    // moment later, from the service worker's cache. Incident page 149 → 128 ms, tree editor 210 → 195 ms,
    // offline cold start 371 → 349 ms (medians, same machine, back to back); Lighthouse unchanged.
    modulePreload: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${serverPort}` },
  },
  plugins: [
    preact(),
    preloadDefaultLanguage(),
    precompress(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
      },
      devOptions: { enabled: false },
      manifest: {
        name: 'Holdfast',
        short_name: 'Holdfast',
        description:
          'Keeps city services running offline: permits, incident logs, call-down trees and checklists.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
});
