// The app is installable in Chromium: a complete manifest, icons that load, and a service worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { CHROMIUM_ARGS, launchBrowser, newContext } from './support/browser';
import { BUILD_A, CHROMIUM_PATH } from './support/paths';
import { startServer, type TestServer } from './support/server';

interface Manifest {
  name: string;
  short_name: string;
  description: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; purpose?: string }[];
}

describe('installable PWA', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    browser = await launchBrowser();
    page = await (await newContext(browser, server.url)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves a complete manifest with 192, 512 and maskable icons', async () => {
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as Manifest;
    expect(manifest).toMatchObject({
      name: 'Holdfast',
      short_name: 'Holdfast',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest.description.length).toBeGreaterThan(10);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const response = await page.request.get(icon.src);
      expect(response.headers()['content-type']).toBe('image/png');
    }
  });

  it('Chromium reports no installability error', async () => {
    // Installation is impossible in an incognito-like context, so this check uses a real profile.
    const profile = mkdtempSync(join(tmpdir(), 'hf-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL: server.url,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/sign-in');
    await new AppShell(page).waitForServiceWorker();
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  });

  it('sends the security headers and cache rules on the app and the worker', async () => {
    const index = await page.request.get('/');
    const csp = index.headers()['content-security-policy'] ?? '';
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "script-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(index.headers()['x-content-type-options']).toBe('nosniff');
    expect(index.headers()['referrer-policy']).toBeTruthy();
    expect(index.headers()['cache-control']).toContain('no-cache');
    expect((await page.request.get('/sw.js')).headers()['cache-control']).toContain('no-cache');
    const html = await index.text();
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0] ?? '';
    expect((await page.request.get(asset)).headers()['cache-control']).toContain('immutable');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
