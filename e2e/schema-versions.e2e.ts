// The device database's version story: newer data than this build understands, and an upgrade in another tab.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';
import { BUILD_A } from './support/paths';
import { startServer, type TestServer } from './support/server';

/** Opens the app's IndexedDB at a native version far above this build's, as a future Holdfast would. */
async function upgradeDatabaseFromOutside(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('holdfast', 990);
        request.onupgradeneeded = () => {
          if (!request.result.objectStoreNames.contains('meta')) request.result.createObjectStore('meta');
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(new Error(String(request.error)));
      }),
  );
}

describe('database versions', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an open tab is asked to reload when another tab upgrades the schema', async () => {
    context = await newContext(browser, server.url);
    const oldTab = await context.newPage();
    await oldTab.goto('/sign-in');
    await oldTab.getByRole('heading', { level: 1 }).waitFor();

    const newTab = await context.newPage();
    await newTab.goto('/api/health');
    await upgradeDatabaseFromOutside(newTab);

    await oldTab.getByText(/updated in another tab/i).waitFor();
    await oldTab.getByRole('button', { name: 'Reload' }).waitFor();
    await context.close();
  });

  it('a database from a newer version gets its own message, not a blank page', async () => {
    context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/api/health');
    await upgradeDatabaseFromOutside(page);
    await page.goto('/sign-in');
    await page
      .getByText(/newer version of Holdfast/i)
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
