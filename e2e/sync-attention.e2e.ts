// A change the device accepted but the server refuses lands in "Needs attention" with its reason; the
// changes after it still apply, and Discard removes it.
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttentionPage } from './pages/attention-page';
import { NotesPage } from './pages/notes-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession, setDepartments } from './support/api-session';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverNoteTitles, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';

describe('Needs attention', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: APIRequestContext;
  let carla: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'chief', password: PASSWORD, role: 'admin' });
    addUser(server, {
      username: 'carla',
      password: PASSWORD,
      role: 'field',
      departments: ['public-works', 'parks'],
      name: 'Carla Field',
    });
    admin = await apiSession(server, 'chief', PASSWORD);
    browser = await launchBrowser();
    carla = await signedInDevice(browser, server, 'carla', PASSWORD);
  });

  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
    await server?.stop();
  });

  it('a refused change shows its reason, later changes still apply, and Discard removes it', async () => {
    const { page, context } = carla;
    const notes = new NotesPage(page);
    const bar = new SyncBar(page);
    await notes.goto();
    await bar.syncNow();
    await bar.waitForCounts({ attention: 0 });

    // Offline, Carla writes a note for Parks; meanwhile an administrator takes her out of Parks.
    await context.setOffline(true);
    await notes.create({ title: 'Bench repair at the pond', department: 'parks' });
    await setDepartments(admin, 'carla', ['public-works']);
    // A later change, in a department she still belongs to.
    await notes.goto();
    await notes.create({ title: 'Pothole on Elm Street', department: 'public-works' });
    await notes.goto();
    await page.getByRole('banner').getByText('2 changes not yet sent', { exact: true }).waitFor();

    await context.setOffline(false);
    await bar.waitForCounts({ attention: 1 });
    await bar.waitForSynced();

    // The later change reached the server; the refused one did not, and left the device's list.
    await expect.poll(() => serverNoteTitles(page.request)).toEqual(['Pothole on Elm Street']);
    await notes.noteLink('Bench repair at the pond').waitFor({ state: 'detached' });
    await notes.noteLink('Pothole on Elm Street').waitFor();

    const attention = new AttentionPage(page);
    await attention.goto();
    const item = attention.item('New note “Bench repair at the pond”');
    await attention
      .reason(item)
      .getByText('You are not a member of the department "parks", so you cannot change its records.')
      .waitFor();
    await expect(attention.items().count()).resolves.toBe(1);

    // Later edits keep applying while the refusal waits here.
    await notes.goto();
    await notes.open('Pothole on Elm Street');
    await notes.edit({ status: 'Closed' });
    await bar.syncNow();
    await expect
      .poll(async () => (await serverRecords(page.request)).find((r) => r.kind === 'note')?.fields.status)
      .toBe('closed');
    await bar.waitForCounts({ attention: 1 });

    await attention.goto();
    await attention.discard(attention.item('New note “Bench repair at the pond”'));
    await attention.empty().waitFor();
    await bar.waitForCounts({ attention: 0 });
    // Discarded means gone: another sync does not bring it back anywhere.
    await bar.syncNow();
    await bar.waitForCounts({ attention: 0 });
    expect(await serverNoteTitles(page.request)).toEqual(['Pothole on Elm Street']);
  });
});
