// First start: the printed one-time link creates the administrator, who then manages accounts on screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminPage } from './pages/admin-page';
import { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { seriousViolations } from './support/axe';
import { launchBrowser, newContext } from './support/browser';
import { BUILD_A } from './support/paths';
import { startServer, type TestServer } from './support/server';

const PASSWORD = 'a long admin passphrase';

describe('first-run setup and user administration', () => {
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

  it('prints a one-time setup link and no default password', () => {
    expect(server.setupLink).toMatch(/\/setup#token=/);
    expect(server.output()).toMatch(/No administrator exists yet/);
  });

  it('the setup screen passes axe in English and Spanish', async () => {
    await page.goto(server.setupLink ?? '');
    await page.getByRole('heading', { level: 1, name: 'Set up Holdfast' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await new AppShell(page).language().selectOption({ label: 'Español' });
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Set up Holdfast' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await new AppShell(page).language().selectOption({ label: 'English' });
  });

  it('creates the administrator, who lands signed in', async () => {
    await page.getByLabel('Username').fill('chief');
    await page.getByLabel('Display name').fill('Dana Chief');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByLabel(/code/i).first().fill('public-works');
    await page
      .getByLabel(/name/i)
      .filter({ hasNot: page.getByLabel('Display name') })
      .last()
      .fill('Public Works');
    await page.getByRole('button', { name: /create/i }).click();
    await new AppShell(page).signOut().waitFor();
    await expect(page.getByText('Dana Chief').first().isVisible()).resolves.toBe(true);
  });

  it('the link cannot be used twice', async () => {
    const response = await page.request.post('/api/setup', {
      headers: { 'x-holdfast-request': '1' },
      data: {
        token: /token=(.*)$/.exec(server.setupLink ?? '')?.[1],
        username: 'second',
        displayName: 'Second',
        password: PASSWORD,
        departments: [],
      },
    });
    expect(response.status()).toBe(403);
  });

  it('adds a user, who can sign in; disabling asks first and ends their access', async () => {
    const admin = new AdminPage(page);
    await admin.goto();
    await page.getByLabel('Username').fill('rita');
    await page.getByLabel('Display name').fill('Rita Field');
    await page.getByLabel('Password', { exact: true }).fill('rita field passphrase');
    await page.getByLabel('Role').selectOption('field');
    await page
      .getByRole('checkbox', { name: /Public Works/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await admin.userRow('rita').waitFor();

    // Rita signs in on her own device.
    const ritaPage = await (await newContext(browser, server.url)).newPage();
    const ritaSignIn = new SignInPage(ritaPage);
    await ritaSignIn.goto();
    await ritaSignIn.signInAs('rita', 'rita field passphrase');

    // The admin disables her; a confirmation comes first.
    await admin
      .userRow('rita')
      .getByRole('button', { name: /disable/i })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /disable/i }).click();
    await admin
      .userRow('rita')
      .getByText(/disabled/i)
      .waitFor();

    const me = await ritaPage.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
