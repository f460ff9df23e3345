// The installed app keeps working with no network: precached shell, every area offline, no broken requests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, AppShell } from './pages/app-shell';
import { DevicePage } from './pages/device-page';
import { SignInPage } from './pages/sign-in-page';
import { launchBrowser, newContext } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';

describe('offline app shell (production build)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, {
      username: 'ines',
      password: 'correct horse battery',
      role: 'field',
      departments: ['public-works'],
    });
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and the service worker controls the page with the shell precached', async () => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signInAs('ines', 'correct horse battery');
    const shell = new AppShell(page);
    await shell.waitForServiceWorker();

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    // Every built asset (the shell and every route's code) is in the precache. The .br and .gz files beside
    // them are the server's precompressed copies of the same files, not assets of their own.
    const assets = readdirSync(join(BUILD_A, 'assets'))
      .filter((file) => !/\.(?:br|gz)$/.test(file))
      .map((file) => `/assets/${file}`);
    expect(assets.length).toBeGreaterThan(2);
    for (const path of ['/index.html', '/manifest.webmanifest', ...assets]) expect(cached).toContain(path);
    expect(cached.some((path) => path.startsWith('/api/'))).toBe(false);
  });

  it('the Device page shows persistent storage, usage, version and a stable device id', async () => {
    const device = new DevicePage(page);
    await device.goto();
    await device
      .value('Persistent storage')
      .getByText(/^(Granted|Not granted)/)
      .waitFor();
    await device.value('Storage used').getByText(/ of /).waitFor();
    await device.value('Build').getByText('e2e-a').waitFor();
    const deviceId = await device.value('Device ID').textContent();
    expect(deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await page.reload();
    await device
      .value('Device ID')
      .getByText(deviceId ?? '')
      .waitFor();
  });

  it('reloads offline and opens every area with no failed request', async () => {
    const failures: string[] = [];
    const errors: string[] = [];
    page.on('requestfailed', (request) => {
      // The health check and session check may fail offline by design; nothing else may. Chromium
      // fetches the tab's favicon itself, outside the service worker (resource type "other", not an
      // image the page asked for), so whether that one fails offline depends on its HTTP cache.
      const { pathname } = new URL(request.url());
      const favicon = pathname === '/icons/icon-192.png' && request.resourceType() === 'other';
      if (!pathname.startsWith('/api/') && !favicon)
        failures.push(`${request.resourceType()} ${request.url()}`);
    });
    page.on('pageerror', (error) => errors.push(error.message));

    await context.setOffline(true);
    try {
      await page.reload();
      const shell = new AppShell(page);
      await shell.networkStatus('Offline').waitFor();
      for (const area of AREAS) {
        await shell.open(area.link);
        expect(new URL(page.url()).pathname).toBe(area.path);
      }
      // A direct navigation to a client route is served from the precache too.
      await page.goto('/contacts');
      await expect(shell.heading().textContent()).resolves.toBe('Contacts');
      await shell.signOut().waitFor();

      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.setOffline(false);
    }
  });

  it('never caches /api responses in the service worker', async () => {
    await page.evaluate(() => fetch('/api/health').then((r) => r.json()));
    const apiCached = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        if ((await cache.keys()).some((r) => new URL(r.url).pathname.startsWith('/api/'))) return true;
      }
      return false;
    });
    expect(apiCached).toBe(false);
  });

  it('shows "Server unreachable" when the network is up but the server is not', async () => {
    // Routed on the context so requests passing through the service worker are caught too.
    await context.route('**/api/health', (route) => route.abort('connectionrefused'));
    try {
      await page.reload();
      await new AppShell(page).networkStatus('Server unreachable').waitFor();
    } finally {
      await context.unroute('**/api/health');
    }
  });
});
