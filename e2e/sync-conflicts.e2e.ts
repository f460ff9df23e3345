// Two people edit one note offline: different fields both survive; the same field makes exactly one
// conflict, shown identically on both devices and on the server, and resolving it on one device reaches
// the other.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictsPage } from './pages/conflicts-page';
import { NotesPage } from './pages/notes-page';
import { SyncBar } from './pages/sync-bar';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { currentUserId, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';

describe('sync conflicts between two devices', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Device;
  let ben: Device;

  /** Opens the note fresh from the list (the form starts from what the device holds now). */
  async function openNote(device: Device, title: string): Promise<NotesPage> {
    const notes = new NotesPage(device.page);
    await notes.goto();
    await notes.open(title);
    return notes;
  }

  const conflictRecords = async (device: Device) =>
    (await serverRecords(device.page.request)).filter((r) => r.kind === 'conflict');

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    for (const username of ['ana', 'ben'])
      addUser(server, { username, password: PASSWORD, role: 'field', departments: ['public-works'] });
    browser = await launchBrowser();
    ana = await signedInDevice(browser, server, 'ana', PASSWORD);
    ben = await signedInDevice(browser, server, 'ben', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits of different fields made offline on two devices both survive', async () => {
    const anaNotes = new NotesPage(ana.page);
    await anaNotes.goto();
    await anaNotes.create({ title: 'Culvert on Mill Road', body: 'Blocked after the storm.' });
    await new SyncBar(ana.page).syncNow();
    await new SyncBar(ben.page).syncNow();
    await new NotesPage(ben.page).goto();
    await new NotesPage(ben.page).noteLink('Culvert on Mill Road').waitFor();

    await ana.context.setOffline(true);
    await ben.context.setOffline(true);
    await (await openNote(ana, 'Culvert on Mill Road')).edit({ body: 'Cleared by the roads crew.' });
    await (await openNote(ben, 'Culvert on Mill Road')).edit({ status: 'Closed' });

    // Ana's device reconnects first, then Ben's; each syncs on its own when the network returns.
    await ana.context.setOffline(false);
    await expect
      .poll(async () => (await serverRecords(ana.page.request)).find((r) => r.kind === 'note')?.fields.body)
      .toBe('Cleared by the roads crew.');
    await ben.context.setOffline(false);
    await expect
      .poll(async () => (await serverRecords(ben.page.request)).find((r) => r.kind === 'note')?.fields)
      .toMatchObject({ body: 'Cleared by the roads crew.', status: 'closed' });
    expect(await conflictRecords(ana)).toEqual([]);

    // Both devices end with both edits.
    await new SyncBar(ana.page).syncNow();
    await new SyncBar(ben.page).syncNow();
    for (const device of [ana, ben]) {
      const notes = await openNote(device, 'Culvert on Mill Road');
      await expect(notes.body().inputValue()).resolves.toBe('Cleared by the roads crew.');
      await expect(notes.status().inputValue()).resolves.toBe('closed');
      await new SyncBar(device.page).waitForCounts({ conflicts: 0 });
    }
  });

  it('the same field edited on both makes one conflict, shown alike everywhere, resolved on one device', async () => {
    await ana.context.setOffline(true);
    await ben.context.setOffline(true);
    await (await openNote(ana, 'Culvert on Mill Road')).edit({ body: 'Ana: pipe replaced.' });
    await (await openNote(ben, 'Culvert on Mill Road')).edit({ body: 'Ben: pipe still cracked.' });

    await ana.context.setOffline(false);
    await expect
      .poll(async () => (await serverRecords(ana.page.request)).find((r) => r.kind === 'note')?.fields.body)
      .toBe('Ana: pipe replaced.');
    await ben.context.setOffline(false);
    await expect.poll(async () => (await conflictRecords(ben)).length).toBe(1);
    // Syncing again (a retry of the same entries would be a duplicate) never makes a second one.
    await new SyncBar(ben.page).syncNow();
    await new SyncBar(ana.page).syncNow();

    const [conflict] = await conflictRecords(ana);
    expect(await conflictRecords(ana)).toHaveLength(1);
    expect(conflict?.fields).toMatchObject({
      field: 'body',
      serverValue: 'Ana: pipe replaced.',
      clientValue: 'Ben: pipe still cracked.',
      status: 'open',
    });
    // The server kept its value.
    expect((await serverRecords(ana.page.request)).find((r) => r.kind === 'note')?.fields.body).toBe(
      'Ana: pipe replaced.',
    );

    // Both devices show the one conflict with the same two values.
    const shown: string[] = [];
    for (const device of [ana, ben]) {
      const bar = new SyncBar(device.page);
      await bar.waitForCounts({ conflicts: 1 });
      const conflicts = new ConflictsPage(device.page);
      await conflicts.goto();
      const card = conflicts.card('Culvert on Mill Road', 'Body');
      // The list renders from a live query: wait for the card before counting.
      await card.waitFor();
      await expect(conflicts.cards().count()).resolves.toBe(1);
      await conflicts
        .side(card, 'Kept on the server')
        .getByText('Ana: pipe replaced.', { exact: true })
        .waitFor();
      await conflicts
        .side(card, 'Sent from a device')
        .getByText('Ben: pipe still cracked.', { exact: true })
        .waitFor();
      shown.push(
        `${await conflicts.side(card, 'Kept on the server').innerText()} | ${await conflicts.side(card, 'Sent from a device').innerText()}`,
      );
    }
    expect(shown[1]).toBe(shown[0]);

    // Ana resolves it with a merged value; Ben's device gets the resolution.
    const anaConflicts = new ConflictsPage(ana.page);
    await anaConflicts.resolve(anaConflicts.card('Culvert on Mill Road', 'Body'), {
      merged: 'Pipe replaced; one joint still cracked.',
    });
    await anaConflicts.empty().waitFor();
    await new SyncBar(ana.page).syncNow();
    await expect
      .poll(async () => (await conflictRecords(ana))[0]?.fields)
      .toMatchObject({ status: 'resolved', resolution: 'Pipe replaced; one joint still cracked.' });
    expect((await serverRecords(ana.page.request)).find((r) => r.kind === 'note')?.fields.body).toBe(
      'Pipe replaced; one joint still cracked.',
    );

    await new SyncBar(ben.page).syncNow();
    await new SyncBar(ben.page).waitForCounts({ conflicts: 0 });
    await new ConflictsPage(ben.page).goto();
    await new ConflictsPage(ben.page).empty().waitFor();
    const benNotes = await openNote(ben, 'Culvert on Mill Road');
    await expect(benNotes.body().inputValue()).resolves.toBe('Pipe replaced; one joint still cracked.');
    await new SyncBar(ben.page).waitForCounts({ conflicts: 0 });
  });

  it('saving a form opened before a pull brought another edit does not undo that edit', async () => {
    // Ben has the note open; Ana changes its body and syncs; Ben's device pulls it while the page is open.
    const benNotes = await openNote(ben, 'Culvert on Mill Road');
    await (await openNote(ana, 'Culvert on Mill Road')).edit({ body: 'Ana: inspected again, all clear.' });
    await new SyncBar(ana.page).syncNow();
    const anaId = await currentUserId(ana.page.request);
    await new SyncBar(ben.page).syncNow();
    // The page itself shows the pulled change arrived (last changed by Ana).
    await ben.page
      .getByRole('main')
      .getByText(new RegExp(`Last changed .* by ${anaId}\\.`))
      .waitFor();

    // Ben only changes the status.
    await benNotes.edit({ status: 'Open' });
    await new SyncBar(ben.page).syncNow();
    await expect
      .poll(async () => (await serverRecords(ben.page.request)).find((r) => r.kind === 'note')?.fields.status)
      .toBe('open');
    // Ana's body must still be there: Ben never touched the body field.
    expect((await serverRecords(ben.page.request)).find((r) => r.kind === 'note')?.fields.body).toBe(
      'Ana: inspected again, all clear.',
    );
  });
});
