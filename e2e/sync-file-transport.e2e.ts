// The file transport: unsent changes carried on a "USB stick" from an offline laptop and imported on a
// connected device (once, idempotently, and never when damaged), and a server snapshot bringing an
// offline laptop up to date.
import { readFile } from 'node:fs/promises';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSyncSection } from './pages/device-sync-section';
import { NotesPage } from './pages/notes-page';
import { SyncBar } from './pages/sync-bar';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceOutbox, serverNoteTitles, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';

const textOf = async (download: Download): Promise<string> => readFile((await download.path()) ?? '', 'utf8');

describe('moving changes by file', () => {
  let server: TestServer;
  let browser: Browser;
  let laptop: Device; // offline, exports its unsent changes
  let office: Device; // connected, imports the file
  let field: Device; // never reconnects: brought up to date by a snapshot
  let exported = '';

  /** Everything the server holds for Eve, as a comparable string (ids, revs, fields). */
  const serverState = async () => JSON.stringify(await serverRecords(office.page.request));

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'eve', password: PASSWORD, role: 'field', departments: ['public-works'] });
    browser = await launchBrowser();
    laptop = await signedInDevice(browser, server, 'eve', PASSWORD);
    office = await signedInDevice(browser, server, 'eve', PASSWORD);
    field = await signedInDevice(browser, server, 'eve', PASSWORD);
    await field.context.setOffline(true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports unsent changes offline; importing on another device applies them once', async () => {
    const notes = new NotesPage(laptop.page);
    await notes.goto();
    await new SyncBar(laptop.page).syncNow();
    await laptop.context.setOffline(true);
    await notes.create({ title: 'Hydrant 14 leaking', body: 'Slow drip at the base.' });
    await notes.edit({ status: 'Closed' });
    await notes.goto();
    await notes.create({ title: 'Streetlight out on 5th' });

    const section = new DeviceSyncSection(laptop.page);
    await section.goto();
    const download = await section.exportUnsent();
    expect(download.suggestedFilename()).toMatch(/^holdfast-unsent-eve-.*\.holdfast\.json$/);
    await section.result().getByText('Exported 3 unsent changes.').waitFor();
    exported = await textOf(download);
    expect(JSON.parse(exported)).toMatchObject({ format: 'holdfast-export', type: 'unsent-changes' });

    const before = await serverState();
    expect(await serverNoteTitles(office.page.request)).toEqual([]);
    const officeSection = new DeviceSyncSection(office.page);
    await officeSection.goto();
    await officeSection.importFile({ name: download.suggestedFilename(), text: exported });
    await officeSection
      .result()
      .getByText('File imported. Applied: 3. Already there: 0. Refused: 0. Conflicts: 0.')
      .waitFor();
    expect(await serverState()).not.toBe(before);
    expect(await serverNoteTitles(office.page.request)).toEqual([
      'Hydrant 14 leaking',
      'Streetlight out on 5th',
    ]);
    const hydrant = (await serverRecords(office.page.request)).find(
      (r) => r.fields.title === 'Hydrant 14 leaking',
    );
    expect(hydrant?.fields.status).toBe('closed');
  });

  it('importing the same file again changes nothing', async () => {
    const before = await serverState();
    const section = new DeviceSyncSection(office.page);
    await section.importFile({ name: 'again.holdfast.json', text: exported });
    await section
      .result()
      .getByText('File imported. Applied: 0. Already there: 3. Refused: 0. Conflicts: 0.')
      .waitFor();
    expect(await serverState()).toBe(before);
  });

  it('a file with one byte changed is refused with a clear message and nothing changes', async () => {
    const before = await serverState();
    const at = exported.indexOf('Streetlight out on 5th');
    expect(at).toBeGreaterThan(0);
    const tampered = `${exported.slice(0, at)}Streetlight out on 6th${exported.slice(at + 'Streetlight out on 5th'.length)}`;
    expect(Buffer.byteLength(tampered)).toBe(Buffer.byteLength(exported));

    const section = new DeviceSyncSection(office.page);
    await section.importFile({ name: 'tampered.holdfast.json', text: tampered });
    await section
      .section()
      .getByRole('alert')
      .getByText('This file was changed or damaged after it was exported; it cannot be trusted.')
      .waitFor();
    await expect(section.result().textContent()).resolves.toBe('');
    expect(await serverState()).toBe(before);
  });

  it('the laptop reconnecting afterwards sends nothing twice', async () => {
    const before = await serverState();
    await laptop.context.setOffline(false);
    const bar = new SyncBar(laptop.page);
    await bar.waitForSynced();
    expect(await deviceOutbox(laptop.page)).toEqual([]);
    await bar.waitForCounts({ attention: 0, conflicts: 0 });
    expect(await serverState()).toBe(before);
  });

  it('a snapshot brings a device that is offline up to date and keeps its own unsent change', async () => {
    const fieldNotes = new NotesPage(field.page);
    await fieldNotes.goto();
    await fieldNotes.noteLink('Hydrant 14 leaking').waitFor({ state: 'detached' });
    await fieldNotes.create({ title: 'Tree down on the cycle path' });

    const officeSection = new DeviceSyncSection(office.page);
    const download = await officeSection.exportSnapshot();
    expect(download.suggestedFilename()).toMatch(/^holdfast-snapshot-eve-.*\.holdfast\.json$/);
    await officeSection
      .result()
      .getByText(/^Exported a snapshot with \d+ records?\.$/)
      .waitFor();
    const snapshot = await textOf(download);

    const fieldSection = new DeviceSyncSection(field.page);
    await fieldSection.goto();
    await fieldSection.importFile({ name: download.suggestedFilename(), text: snapshot });
    await fieldSection
      .result()
      .getByText(/^Snapshot applied: 2 records are on this device now\.$/)
      .waitFor();

    await fieldNotes.goto();
    for (const title of ['Hydrant 14 leaking', 'Streetlight out on 5th', 'Tree down on the cycle path'])
      await fieldNotes.noteLink(title).waitFor();
    await expect(fieldNotes.row('Hydrant 14 leaking').getByRole('cell').first().textContent()).resolves.toBe(
      'Closed',
    );
    // Its own change is still waiting to be sent.
    await field.page.getByRole('banner').getByText('1 change not yet sent', { exact: true }).waitFor();
    expect((await deviceOutbox(field.page)).map((row) => row.name)).toEqual(['record.create']);
  });
});
