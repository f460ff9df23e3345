// Issue 5: a photo on an ICS 214 log entry. Offline, a manager records a typed line (the photo control
// stays collapsed), then attaches a photo to the next line and records it; the entry says "1 photo" and
// shows the photo on demand, in a dialog; the printed ICS 214 says "Photos: 1". A photo attached and left
// behind (the page left, a correction cancelled) is deleted from the device. Online, the server holds the
// entry with the photo's id in attachmentIds and the photo's bytes (GET /api/attachments/:id, sha-256
// checked), and the log's chain verifies (node:crypto).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type ChainEntry } from '../src/domain/incidents/chain';
import type { JsonObject } from '../src/domain/sync';
import { AppShell } from './pages/app-shell';
import { IncidentLogPage } from './pages/incident-log-page';
import { IncidentPrintPage } from './pages/incident-print-page';
import { IncidentsPage } from './pages/incidents-page';
import { PhotoField } from './pages/photo-field';
import { SyncBar } from './pages/sync-bar';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceTable, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';

interface DeviceAttachment {
  id: string;
  state: string;
  sha256: string;
  type: string;
}

const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const nodeDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A 1200×900 PNG drawn in the page (shapes and a gradient), as the inspection photo tests make theirs. */
async function drawPng(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1200, 900);
    const ctx = canvas.getContext('2d')!;
    const gradient = ctx.createLinearGradient(0, 0, 1200, 900);
    gradient.addColorStop(0, '#2f855a');
    gradient.addColorStop(1, '#c05621');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 1200, 900);
    for (let i = 0; i < 24; i += 1) {
      ctx.fillStyle = `hsl(${i * 15}, 65%, 45%)`;
      ctx.fillRect((i * 113) % 1100, (i * 167) % 800, 100, 60);
    }
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

describe('a photo on an activity log entry (ICS 214)', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let dir: string;
  let photoPath: string;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, {
      username: 'rita',
      password: PASSWORD,
      role: 'manager',
      departments: [DEPT],
      name: 'Rita Alvarez',
    });
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    dir = mkdtempSync(join(tmpdir(), 'holdfast-log-photos-'));
    photoPath = join(dir, 'levee.png');
    writeFileSync(photoPath, await drawPng(rita.page));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('offline: an entry with a photo shows it and prints "Photos: 1"; online the server has both and the chain verifies', async () => {
    const { page, context } = rita;
    const attachments = () => deviceTable<DeviceAttachment>(page, 'attachments');
    const incidents = new IncidentsPage(page);
    await incidents.goto();
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();
    const incidentId = await incidents.create({
      name: 'River flood',
      type: 'Flood',
      severity: 'Major',
      startDate: '2026-03-02',
      startTime: '06:00',
      exercise: false,
    });
    await incidents.addPeriod({ date: '2026-03-02', time: '06:00' }, { date: '2026-03-02', time: '18:00' });
    await incidents.newLogLink().click();
    const log = new IncidentLogPage(page);
    const { logId } = await log.create({ period: 'Period 1', name: 'Levee patrol' });

    // Collapsed by default: no photo inputs in the way; a typed line and Enter record as before.
    await expect(log.attachPhotoButton().getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(log.entryPhotos().chooseInput().count()).resolves.toBe(0);
    await log.record('Patrol started at the north gate');

    // From the keyboard: open "Attach a photo", add a photo, type the line, Enter.
    await log.attachPhotoButton().focus();
    await page.keyboard.press('Enter');
    await expect(log.attachPhotoButton().getAttribute('aria-expanded')).resolves.toBe('true');
    await log.attachPhotos(photoPath);
    expect(await seriousViolations(page)).toEqual([]);
    await log.entryField().fill('Seepage at the levee toe, 40 m south of the gate');
    await log.entryField().press('Enter');
    const withPhoto = log.entry('Seepage at the levee toe, 40 m south of the gate');
    await withPhoto.getByText('1 photo', { exact: true }).waitFor();
    await expect(log.entry('Patrol started at the north gate').getByText(/photo/).count()).resolves.toBe(0);
    // The form is ready for the next line: photos recorded, the control closed, focus in the field.
    await expect(log.attachPhotoButton().getAttribute('aria-expanded')).resolves.toBe('false');
    await expect.poll(() => focused(log.entryField())).toBe(true);
    const [photo] = await attachments();
    expect(photo).toMatchObject({ state: 'pending', type: 'image/jpeg' });
    const onDevice = (await deviceTable<{ id: string; fields: JsonObject }>(page, 'records')).find(
      (r) => r.fields.text === 'Seepage at the levee toe, 40 m south of the gate',
    );
    expect(onDevice?.fields.attachmentIds).toEqual([photo!.id]);

    // On demand: "Show photos" opens a dialog with the photo; Escape goes back to the button.
    const gallery = await log.showPhotos('Seepage at the levee toe, 40 m south of the gate');
    await gallery.openButton(1).click();
    await expect(gallery.fullSize(1)).resolves.toEqual({ width: 1200, height: 900 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await log.photosDialog().waitFor({ state: 'detached' });
    await expect
      .poll(() => focused(log.showPhotosButton('Seepage at the levee toe, 40 m south of the gate')))
      .toBe(true);

    // The correction dialog takes photos too; cancelled, its photo is deleted from the device.
    await log
      .entry('Patrol started at the north gate')
      .getByRole('button', { name: /^Correct entry 1 / })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Correct an entry' });
    const correctionPhotos = new PhotoField(page, dialog);
    await correctionPhotos.chooseInput().setInputFiles(photoPath);
    await correctionPhotos.thumbnails().first().waitFor();
    await expect.poll(async () => (await attachments()).length).toBe(2);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await attachments()).map((row) => row.id)).toEqual([photo!.id]);

    // A photo attached but never recorded is deleted when the page goes.
    await log.attachPhotos(photoPath);
    await expect.poll(async () => (await attachments()).length).toBe(2);
    // At 200% zoom (half the width in CSS pixels), with the photo field open, nothing scrolls sideways.
    await page.setViewportSize({ width: 640, height: 720 });
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).resolves.toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await log.main().getByRole('link', { name: 'Print this log (ICS 214)' }).click();
    await expect.poll(async () => (await attachments()).map((row) => row.id)).toEqual([photo!.id]);

    // The printed ICS 214 says how many photos the entry has (the photos are not printed).
    const print = new IncidentPrintPage(page);
    await print.logTable().waitFor();
    await expect(print.logTable().locator('tr[data-entry-number="2"]').innerText()).resolves.toContain(
      'Photos: 1',
    );
    await expect(print.logTable().locator('tr[data-entry-number="1"]').innerText()).resolves.not.toContain(
      'Photos',
    );

    // Online: the entry (with the photo's id) and the photo's bytes reach the server; the chain verifies.
    await context.setOffline(false);
    await expect
      .poll(
        async () => {
          const entry = (await serverRecords(page.request)).find(
            (r) => r.kind === 'log_entry' && r.fields.attachmentIds !== undefined,
          );
          const [row] = await attachments();
          return { attachmentIds: entry?.fields.attachmentIds, state: row?.state };
        },
        { timeout: 20_000 },
      )
      .toEqual({ attachmentIds: [photo!.id], state: 'uploaded' });
    const response = await page.request.get(`/api/attachments/${photo!.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/jpeg/);
    const body = await response.body();
    expect(createHash('sha256').update(body).digest('hex')).toBe(photo!.sha256);

    const entries = (await serverRecords(page.request))
      .filter((r) => r.kind === 'log_entry' && r.fields.logId === logId)
      .sort((a, b) => Number(a.fields.seq) - Number(b.fields.seq));
    expect(entries.map((e) => [e.fields.seq, e.fields.text, e.fields.attachmentIds])).toEqual([
      [1, 'Patrol started at the north gate', undefined],
      [2, 'Seepage at the levee toe, 40 m south of the gate', [photo!.id]],
    ]);
    // The entry is exactly as the device wrote it (content hash over the fields, attachmentIds included).
    expect(entries[1]!.fields).toEqual(onDevice?.fields);
    const chain: ChainEntry[] = entries.map((r) => ({ id: r.id, fields: r.fields as JsonObject }));
    const report = await verifyChain(chain, nodeDigest);
    expect(report).toMatchObject({ ok: true, checked: 2 });
    await new SyncBar(page).waitForSynced();

    // Back on the log: sent, and "Verify log" on the device ends on the server's final hash.
    await log.gotoLog(incidentId, logId);
    await log.entries().filter({ hasText: 'Not yet sent' }).first().waitFor({ state: 'detached' });
    await expect(log.verify()).resolves.toBe(`All 2 entries verify; final hash ${report.headHash}`);
  });
});
