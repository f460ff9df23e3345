// A new deployment reaches the installed app as a visible "new version" prompt, never as a silent swap.
import { cpSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { launchBrowser, newContext } from './support/browser';
import { buildApp } from './support/build';
import { BUILD_A, BUILD_B } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';

describe('update prompt', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildApp(BUILD_B, 'e2e-b');
    server = await startServer(BUILD_A);
    addUser(server, { username: 'omar', password: 'correct horse battery', role: 'clerk' });
    browser = await launchBrowser();
    page = await (await newContext(browser, server.url)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the reload prompt for a second build and runs the new version after reload', async () => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signInAs('omar', 'correct horse battery');
    const shell = new AppShell(page);
    await shell.waitForServiceWorker();
    await page.getByText(/e2e-a/).waitFor();

    // Deploy the second build in place, then let the browser look for an update as it does on navigation.
    rmSync(server.staticDir, { recursive: true, force: true });
    cpSync(BUILD_B, server.staticDir, { recursive: true });
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    await page.getByText(/A new version is ready/).waitFor({ timeout: 30_000 });
    // Still the old version until the user agrees.
    expect(await page.getByText(/e2e-a/).count()).toBeGreaterThan(0);

    await shell.reloadPrompt().click();
    await page.getByText(/e2e-b/).waitFor({ timeout: 30_000 });
    expect(await page.getByText(/e2e-a/).count()).toBe(0);
  });
});
