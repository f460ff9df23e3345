// The built app: cache headers per file kind, SPA fallback, the not-built page, security headers everywhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { expectSecurityHeaders } from '../test-support/expected-headers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

function makeDist(withIndex = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  if (withIndex) fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Holdfast</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-3f2a9c.js'), 'console.log("app");');
  fs.writeFileSync(path.join(dir, 'assets', 'index-77aa01.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dir, 'registerSW.js'), '');
  fs.writeFileSync(path.join(dir, 'workbox-5ffe50d4.js'), '');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{}');
  fs.writeFileSync(path.join(dir, 'icon.png'), 'png');
  return dir;
}

describe.each(await testAdapters())('static app: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let dist: string;
  const start = async (withIndex = true) => {
    dist = makeDist(withIndex);
    adapter = create();
    t = await createTestApp(adapter, { env: { STATIC_DIR: dist } });
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('caches hashed assets forever and revalidates everything else', async () => {
    await start();
    for (const url of ['/assets/index-3f2a9c.js', '/assets/index-77aa01.css']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe(IMMUTABLE);
      expectSecurityHeaders(response.headers);
    }
    for (const url of [
      '/',
      '/index.html',
      '/sw.js',
      '/registerSW.js',
      '/workbox-5ffe50d4.js',
      '/manifest.webmanifest',
      '/icon.png',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expectSecurityHeaders(response.headers);
    }
    expect((await get('/sw.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('sends the precompressed copy the browser accepts, with the same type and cache headers', async () => {
    await start();
    const script = 'console.log("app");'.repeat(100);
    const html = '<!doctype html><title>Holdfast</title>' + '<p>x</p>'.repeat(200);
    const write = (file: string, text: string) => {
      fs.writeFileSync(path.join(dist, file), text);
      fs.writeFileSync(path.join(dist, `${file}.br`), zlib.brotliCompressSync(text));
      fs.writeFileSync(path.join(dist, `${file}.gz`), zlib.gzipSync(text));
    };
    write('assets/index-3f2a9c.js', script);
    write('index.html', html);

    const brotli = await get('/assets/index-3f2a9c.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const gzip = await get('/assets/index-3f2a9c.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-3f2a9c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    for (const url of ['/', '/sign-in']) {
      const page = await get(url, { ...HTML, 'accept-encoding': 'br' });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-encoding'], url).toBe('br');
      expect(page.headers['content-type'], url).toMatch(/text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(zlib.brotliDecompressSync(page.rawPayload).toString(), url).toBe(html);
    }
    // A file without a compressed copy is sent as it is.
    const css = await get('/assets/index-77aa01.css', { 'accept-encoding': 'br, gzip' });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body).toBe('body{}');
  });

  it('serves index.html for HTML navigations to unknown paths, 404 otherwise', async () => {
    await start();
    for (const url of ['/setup', '/records/123?tab=notes']) {
      const response = await get(url, HTML);
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Holdfast</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expectSecurityHeaders(response.headers);
    }
    const missingScript = await get('/assets/missing.js', { accept: '*/*' });
    expect(missingScript.statusCode).toBe(404);
    expectSecurityHeaders(missingScript.headers);
    const api = await get('/api/missing', HTML);
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('says the app is not built (503) when STATIC_DIR has no index.html', async () => {
    await start(false);
    for (const url of ['/', '/setup']) {
      const response = await get(url, HTML);
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build');
      expectSecurityHeaders(response.headers);
    }
    expect((await get('/api/health')).statusCode).toBe(200);
  });

  it('also says so when STATIC_DIR does not exist at all', async () => {
    await start();
    await t.app.close();
    t = await createTestApp(adapter, { env: { STATIC_DIR: path.join(dist, 'nope') } });
    const response = await get('/', HTML);
    expect(response.statusCode).toBe(503);
    expectSecurityHeaders(response.headers);
  });
});
