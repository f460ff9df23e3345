// axe finds no serious or critical issue on the main screens, in English and Spanish; all is keyboard-reachable.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { seriousViolations } from './support/axe';
import { launchBrowser, newContext } from './support/browser';
import { tabStops } from './support/keyboard';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';

const PASSWORD = 'correct horse battery';

describe.each([
  { locale: 'en-US', language: 'English', signOut: 'Sign out' },
  { locale: 'es-US', language: 'Español', signOut: 'Cerrar sesión' },
])('accessibility in $language', ({ language, signOut }) => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'admin1', password: PASSWORD, role: 'admin', departments: ['clerk-office'] });
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
    page = await context.newPage();
    await page.goto('/sign-in');
    await new AppShell(page).language().selectOption({ label: language });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sign-in screen', async () => {
    await new SignInPage(page).heading().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shell, every area, Device and admin screens', async () => {
    await new SignInPage(page).signInAs('admin1', PASSWORD);
    expect(await seriousViolations(page)).toEqual([]);
    for (const path of [...AREAS.map((a) => a.path), '/admin']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('button', { name: signOut }).waitFor();
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it('reaches the navigation, language switch and sign out by keyboard', async () => {
    await page.goto('/device');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const stops = await tabStops(page);
    const navNames = await page.getByRole('navigation').first().getByRole('link').allTextContents();
    expect(navNames.length).toBeGreaterThanOrEqual(6);
    for (const name of navNames) expect(stops).toContain(name.trim());
    expect(stops).toContain(signOut);
    expect(stops.some((s) => /English|Español/.test(s))).toBe(true);
  });

  it('reaches the add-user form by keyboard on the admin screen', async () => {
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const stops = await tabStops(page, 120);
    expect(stops.length).toBeGreaterThan(8);
    const addUser = await page
      .getByRole('button', { name: /^(Add user|Añadir usuario|Agregar usuario)$/ })
      .textContent();
    expect(stops).toContain(addUser?.trim());
  });
});
