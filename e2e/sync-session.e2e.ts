// A session that ends while changes wait offline: sync pauses (no retry loop on 401), keeps every
// change, and sends each exactly once after the same user signs in again. Signing out with unsent
// changes asks first and says what happens to them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { NotesPage } from './pages/notes-page';
import { SignInPage } from './pages/sign-in-page';
import { SyncBar } from './pages/sync-bar';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, userCommand, type TestServer } from './support/server';
import {
  deviceOutbox,
  recordRequests,
  serverNotes,
  serverNoteTitles,
  signedInDevice,
  type Device,
} from './support/sync';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';
const COUNT = 50; // changes: 25 new notes, each then edited once
const NOTES = COUNT / 2;
const title = (i: number) => `Shift note ${String(i).padStart(2, '0')}`;

describe('sync and the session', () => {
  let server: TestServer;
  let browser: Browser;
  let dora: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'dora', password: PASSWORD, role: 'field', departments: ['public-works'] });
    browser = await launchBrowser();
    dora = await signedInDevice(browser, server, 'dora', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an expired session pauses sync without looping and sends all 50 changes once after sign-in', async () => {
    const { page, context } = dora;
    // Enter rather than clicks: the same actions, without waiting for animation frames 50 times over.
    const notes = new NotesPage(page, { activateWith: 'enter' });
    const bar = new SyncBar(page);
    await notes.goto();
    await bar.syncNow();

    await context.setOffline(true);
    const unsent = (n: number) =>
      page.getByRole('banner').getByText(n === 1 ? '1 change not yet sent' : `${n} changes not yet sent`, {
        exact: true,
      });
    for (let i = 1; i <= NOTES; i += 1) {
      await notes.create({ title: title(i) });
      await notes.body().fill(`Checked at round ${i}.`);
      await notes.save().press('Enter');
      await unsent(2 * i).waitFor();
      await notes.backToNotes().press('Enter');
    }
    await page.getByRole('banner').getByText(`${COUNT} changes not yet sent`, { exact: true }).waitFor();
    expect(await deviceOutbox(page)).toHaveLength(COUNT);

    // The administrator resets Dora's password at the console, which ends her sessions.
    userCommand(server, ['reset', 'dora'], `${NEW_PASSWORD}\n`);
    const pushes = recordRequests(context, '/api/sync/push');
    const pulls = recordRequests(context, '/api/sync/pull');
    try {
      await context.setOffline(false);
      await page
        .getByText(/session has ended/i)
        .first()
        .waitFor();
      await bar.state('Sync paused').waitFor();
      await bar
        .problem('Your session has ended. Sign in again to send your changes; they stay on this device.')
        .waitFor();
      const afterExpiry = pushes.requests.length;
      expect(afterExpiry).toBeGreaterThanOrEqual(1);
      await expect.poll(() => pushes.requests.every((r) => r.status === 401)).toBe(true);

      // Time passes (every backoff timer would fire in 30 minutes), the tab is shown again, and the
      // user presses "Sync now": none of it sends the changes into a 401 again.
      await context.clock.runFor(30 * 60_000);
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await bar.syncNowButton().click();
      await bar.state('Sync paused').waitFor();
      await context.clock.runFor(30 * 60_000);
      await page.getByRole('banner').getByText(`${COUNT} changes not yet sent`, { exact: true }).waitFor();
      expect(pushes.requests.length).toBe(afterExpiry);
      expect(pushes.requests.length).toBeLessThanOrEqual(2);
      expect(pulls.requests.length).toBeLessThanOrEqual(2);
      expect(await deviceOutbox(page)).toHaveLength(COUNT);

      // Signing in again (the same user) sends everything, once.
      await page.getByRole('link', { name: 'Sign in again' }).click();
      await new SignInPage(page).signInAs('dora', NEW_PASSWORD);
      await expect
        .poll(() => serverNoteTitles(page.request), { timeout: 20_000 })
        .toEqual(Array.from({ length: NOTES }, (_, i) => title(i + 1)));
      const bodies = (await serverNotes(page.request)).map((n) => [n.fields.title, n.fields.body]);
      expect(bodies.sort()).toEqual(
        Array.from({ length: NOTES }, (_, i) => [title(i + 1), `Checked at round ${i + 1}.`]),
      );
      await bar.waitForSynced();
      expect(await deviceOutbox(page)).toEqual([]);
      await expect.poll(() => pushes.requests.every((r) => r.status !== null)).toBe(true);
      const accepted = pushes.requests.filter((r) => r.status === 200);
      const sentSeqs = accepted.flatMap((r) =>
        (r.body as { entries: { seq: number }[] }).entries.map((e) => e.seq),
      );
      expect(new Set(sentSeqs).size).toBe(COUNT);
      // Each change was applied once: none came back as a duplicate or a refusal.
      const statuses = accepted.flatMap((r) =>
        (r.response as { results: { status: string }[] }).results.map((x) => x.status),
      );
      expect(statuses.filter((s) => s !== 'applied')).toEqual([]);
    } finally {
      pushes.stop();
      pulls.stop();
    }
  });

  it('signing out with unsent changes asks first, explains, and the changes are sent after signing in', async () => {
    const { page, context } = dora;
    const notes = new NotesPage(page);
    const shell = new AppShell(page);
    await notes.goto();
    await context.setOffline(true);
    await notes.create({ title: 'Handover: gate key with the night shift' });

    await shell.signOut().click();
    const dialog = page.getByRole('dialog', { name: 'Sign out with unsent changes?' });
    await dialog
      .getByText('1 change is not yet sent. It stays on this device and is sent when you sign in here again.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await dialog.waitFor({ state: 'detached' });
    await shell.signOut().waitFor();

    await shell.signOut().click();
    await dialog.getByRole('button', { name: 'Sign out and keep changes here' }).click();
    await new SignInPage(page).heading().waitFor();
    // Kept on the device, tied to Dora.
    expect((await deviceOutbox(page)).map((row) => row.name)).toEqual(['record.create']);

    await context.setOffline(false);
    await new SignInPage(page).signInAs('dora', NEW_PASSWORD);
    await expect
      .poll(async () => (await serverNoteTitles(page.request)).filter((t) => t.startsWith('Handover')))
      .toEqual(['Handover: gate key with the night shift']);
    await expect.poll(async () => (await deviceOutbox(page)).length).toBe(0);

    // With nothing unsent, Sign out does not ask.
    await new SyncBar(page).waitForSynced();
    await shell.signOut().click();
    await new SignInPage(page).heading().waitFor();
  });
});
