// Signing in, wrong passwords, and a session that ends: the device keeps its data and never locks the user out.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { launchBrowser, newContext } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, userCommand, type TestServer } from './support/server';

const PASSWORD = 'correct horse battery';

describe('sessions', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'lee', password: PASSWORD, role: 'clerk', name: 'Lee Clerk' });
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a wrong password gets a plain message next to the form', async () => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('lee', 'not the password');
    await page.getByText(/wrong username or password/i).waitFor();
    expect(await new AppShell(page).signOut().count()).toBe(0);
  });

  it('an ended session keeps the device usable and asks to sign in again', async () => {
    const signIn = new SignInPage(page);
    await signIn.signInAs('lee', PASSWORD);
    await new AppShell(page).waitForServiceWorker();
    // The administrator resets Lee's password at the console, which ends every session of Lee's.
    userCommand(server, ['reset', 'lee'], 'a brand new passphrase\n');
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);

    await page.reload();
    // The banner (the sync bar may say it too, once its first sync got the same 401).
    const banner = page.getByRole('region', { name: /session has ended/i });
    await banner.waitFor();
    // Still signed in on the device: the name and every area are there.
    await page.getByText('Lee Clerk').first().waitFor();
    await new AppShell(page).open('Permits');

    await page.getByRole('link', { name: /sign in again/i }).click();
    await signIn.signInAs('lee', 'a brand new passphrase');
    await banner.waitFor({ state: 'detached' });
  });

  it('the language choice is remembered on this device', async () => {
    const shell = new AppShell(page);
    await shell.language().selectOption({ label: 'Español' });
    await page.getByRole('link', { name: 'Permisos', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Permisos', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await shell.language().selectOption({ label: 'English' });
  });
});
