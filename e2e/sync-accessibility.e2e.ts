// Accessibility of the sync screens: no serious or critical axe issue on Notes (list and a note), Needs
// attention, Conflicts (with a conflict) and the Device page's file section, in English and Spanish;
// and the Notes flow (create, edit, save) by keyboard alone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { NotesPage } from './pages/notes-page';
import { SyncBar } from './pages/sync-bar';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { tabUntilFocused } from './support/keyboard-focus';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverNotes, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';

describe('sync screens: accessibility and keyboard', () => {
  let server: TestServer;
  let browser: Browser;
  let one: Device;
  let two: Device;

  async function openNote(page: Page, title: string): Promise<NotesPage> {
    const notes = new NotesPage(page);
    await notes.goto();
    await notes.open(title);
    return notes;
  }

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'hana', password: PASSWORD, role: 'field', departments: ['public-works'] });
    browser = await launchBrowser();
    one = await signedInDevice(browser, server, 'hana', PASSWORD);
    two = await signedInDevice(browser, server, 'hana', PASSWORD);

    // Two notes on both devices; then, offline, the same field changed on both (a conflict) and a
    // note deleted on one while edited on the other (a refused change for "Needs attention").
    const notes = new NotesPage(one.page);
    await notes.goto();
    await notes.create({ title: 'Salt delivery', body: 'Expected Tuesday.' });
    await notes.goto();
    await notes.create({ title: 'Old ticket' });
    await new SyncBar(one.page).syncNow();
    await new SyncBar(two.page).syncNow();
    await new NotesPage(two.page).goto();
    await new NotesPage(two.page).noteLink('Old ticket').waitFor();

    await one.context.setOffline(true);
    await two.context.setOffline(true);
    await (await openNote(one.page, 'Salt delivery')).edit({ body: 'Arrived Monday.' });
    await (await openNote(one.page, 'Old ticket')).delete();
    await (await openNote(two.page, 'Salt delivery')).edit({ body: 'Delayed to Thursday.' });
    await (await openNote(two.page, 'Old ticket')).edit({ title: 'Old ticket (closed)' });
    await one.context.setOffline(false);
    await new SyncBar(one.page).waitForSynced();
    await two.context.setOffline(false);
    await new SyncBar(two.page).waitForCounts({ attention: 1, conflicts: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const screens: { path: string; ready: (page: Page) => Promise<void> }[] = [
    { path: '/notes', ready: (page) => page.getByRole('main').getByRole('table').waitFor() },
    { path: '', ready: (page) => page.getByRole('main').getByRole('textbox').first().waitFor() },
    {
      path: '/sync/attention',
      ready: (page) => page.getByRole('main').getByRole('heading', { level: 2 }).first().waitFor(),
    },
    {
      path: '/sync/conflicts',
      ready: (page) => page.getByRole('main').getByRole('radio').first().waitFor(),
    },
    { path: '/device', ready: (page) => page.getByRole('main').locator('input[type=file]').waitFor() },
  ];

  for (const language of ['English', 'Español'] as const) {
    it(`Notes, a note, Needs attention, Conflicts and the Device page pass axe (${language})`, async () => {
      const { page } = two;
      const noteId = (await serverNotes(page.request))[0]?.id;
      await page.goto('/notes');
      await new AppShell(page).language().selectOption({ label: language });
      await page.waitForFunction(
        (lang) => document.documentElement.lang === lang,
        language === 'English' ? 'en' : 'es',
      );
      const found: Record<string, string[]> = {};
      for (const screen of screens) {
        const path = screen.path || `/notes/${noteId}`;
        await page.goto(path);
        await screen.ready(page);
        found[path] = await seriousViolations(page);
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])));
      if (language === 'Español') await new AppShell(page).language().selectOption({ label: 'English' });
    });
  }

  it('the Notes flow works by keyboard alone: create, edit, save', async () => {
    const { page } = one;
    await page.goto('/notes');
    const notes = new NotesPage(page);
    await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
    await page.locator('body').focus();

    await tabUntilFocused(page, page.getByRole('button', { name: 'New note', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'New note' }).waitFor();
    await tabUntilFocused(page, notes.title());
    await page.keyboard.type('Gully cleaning, Station Road');
    await page.keyboard.press('Tab');
    await expect(notes.body().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('Three gullies blocked.');
    await tabUntilFocused(page, notes.save());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Gully cleaning, Station Road' }).waitFor();

    // Edit: change the status with the arrow keys and save with Enter from the title field.
    await tabUntilFocused(page, notes.status());
    await page.keyboard.press('ArrowDown');
    await expect(notes.status().inputValue()).resolves.toBe('closed');
    await tabUntilFocused(page, notes.title());
    await page.keyboard.press('End');
    await page.keyboard.type(' (done)');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Gully cleaning, Station Road (done)' }).waitFor();

    await tabUntilFocused(page, new SyncBar(page).syncNowButton(), 80);
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          (await serverNotes(page.request)).find(
            (n) => n.fields.title === 'Gully cleaning, Station Road (done)',
          )?.fields,
      )
      .toMatchObject({ body: 'Three gullies blocked.', status: 'closed' });
  });
});
