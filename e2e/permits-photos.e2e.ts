// Photos on inspection results, in the field with no signal: an inspector records a failed inspection
// with a photo offline, sees it, reloads offline and still sees it; online, the result reaches the server
// with its photo id and the photo's JPEG bytes (sha-256 checked). A colleague's device pulls the result
// and fetches the photo when it shows it (offline first: "not on this device yet"). An oversized file is
// explained next to the field in English and Spanish, and nothing is saved. Axe with photos in the form.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { InspectionsPage } from './pages/inspections-page';
import { PhotoField, PhotoGallery } from './pages/photo-field';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceTable, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'building';
// The pinned clock (support/browser.ts) says Monday 2026-03-02.
const TODAY = '2026-03-02';
const MB = 1024 * 1024;

interface DeviceAttachment {
  id: string;
  state: string;
  sha256: string;
  size: number;
  type: string;
}

async function pushRecords(api: APIRequestContext, entries: { kind: string; id: string; fields: object }[]) {
  const scene = new SeedScene(DEPT, new Date().toISOString());
  for (const entry of entries) scene.add('record.create', entry.kind, entry.fields, entry.id);
  await scene.push(api);
}

/** A 2400×1800 PNG drawn in the page (shapes and a gradient, so the JPEG is not trivially small). */
async function drawPng(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1800);
    const ctx = canvas.getContext('2d')!;
    const gradient = ctx.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#2b6cb0');
    gradient.addColorStop(1, '#f6ad55');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 2400, 1800);
    for (let i = 0; i < 40; i += 1) {
      ctx.fillStyle = `hsl(${i * 9}, 70%, 50%)`;
      ctx.fillRect((i * 131) % 2200, (i * 197) % 1600, 200, 120);
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

describe('photos on inspection results', () => {
  let server: TestServer;
  let browser: Browser;
  let ines: Device;
  let dir: string;
  let photoPath: string;
  const permitId = uuidv7();

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, {
      username: 'ines',
      password: PASSWORD,
      role: 'field',
      departments: [DEPT],
      name: 'Inés Ortega',
    });
    addUser(server, {
      username: 'ben',
      password: PASSWORD,
      role: 'field',
      departments: [DEPT],
      name: 'Ben Ruiz',
    });
    addUser(server, { username: 'clerk', password: PASSWORD, role: 'clerk', departments: [DEPT] });
    const clerk = await apiSession(server, 'clerk', PASSWORD);
    const inspection = (inspectionType: string) => ({
      kind: 'permit_inspection',
      id: uuidv7(),
      fields: {
        permitId,
        inspectionType,
        scheduledDate: TODAY,
        inspector: 'Inés Ortega',
        address: '14 Oak Ave',
        status: 'scheduled',
      },
    });
    await pushRecords(clerk, [
      {
        kind: 'permit',
        id: permitId,
        fields: {
          permitType: 'Residential alteration',
          description: 'Deck',
          address: '14 Oak Ave',
          applicantName: 'Dana Cole',
          appliedDate: '2026-02-10',
          provisionalNumber: 'P-0014',
        },
      },
      inspection('Footing'),
      inspection('Framing'),
    ]);
    await clerk.dispose();
    browser = await launchBrowser();
    ines = await signedInDevice(browser, server, 'ines', PASSWORD);
    await new SyncBar(ines.page).syncNow();
    dir = mkdtempSync(join(tmpdir(), 'holdfast-photos-'));
    photoPath = join(dir, 'footing.png');
    writeFileSync(photoPath, await drawPng(ines.page));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records a failed inspection with a photo offline, keeps it over a reload, and uploads it online', async () => {
    const { page, context } = ines;
    const insp = new InspectionsPage(page);
    await insp.gotoPermit(permitId);
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();

    const item = insp.item('Footing · Mar 2, 2026');
    const form = await insp.openResult(item);
    await insp.outcome(form, 'Not approved: corrections needed').check();
    await insp.addCorrection(form, 'Add rebar chairs under the footing mat', 1);
    const photos = new PhotoField(page, form);
    await photos.chooseInput().setInputFiles(photoPath);
    await photos.thumbnails().first().waitFor();
    await expect(photos.thumbnails().count()).resolves.toBe(1);
    await insp.saveResult(form).click();
    await insp
      .status(
        'Result recorded: Not approved: corrections needed. A re-inspection is scheduled for Mar 3, 2026.',
      )
      .waitFor();

    // The result shows its photo; the photo counts as unsent with the two changes.
    const done = new PhotoGallery(page, insp.item('Footing · Mar 2, 2026'));
    await done.openButton(1).waitFor();
    await page.getByRole('banner').getByText('3 changes not yet sent', { exact: true }).waitFor();
    const [saved] = await deviceTable<DeviceAttachment>(page, 'attachments');
    expect(saved).toMatchObject({ state: 'pending', type: 'image/jpeg' });
    expect(saved!.size).toBeLessThanOrEqual(2 * MB);

    // Reloaded with no connection: still there, and it opens full size (resized to 1600 px).
    await page.reload();
    await insp.item('Footing · Mar 2, 2026').waitFor();
    const reloaded = new PhotoGallery(page, insp.item('Footing · Mar 2, 2026'));
    await reloaded.openButton(1).click();
    await reloaded.fullPhoto(1).waitFor();
    await expect(reloaded.fullSize(1)).resolves.toEqual({ width: 1600, height: 1200 });
    await reloaded.closeButton(1).click();
    await reloaded.fullPhoto(1).waitFor({ state: 'detached' });

    // Online: the result (with the photo's id) and the photo's bytes reach the server.
    await context.setOffline(false);
    await expect
      .poll(
        async () => {
          const result = (await serverRecords(page.request)).find((r) => r.kind === 'inspection_result');
          const [row] = await deviceTable<DeviceAttachment>(page, 'attachments');
          return { photoIds: result?.fields.photoIds, state: row?.state };
        },
        { timeout: 20_000 },
      )
      .toEqual({ photoIds: [saved!.id], state: 'uploaded' });
    const response = await page.request.get(`/api/attachments/${saved!.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/jpeg/);
    const body = await response.body();
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(sha256).toBe(saved!.sha256);
    expect(response.headers().etag).toBe(`"${sha256}"`);
    expect(body.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // a JPEG
    await new SyncBar(page).waitForSynced();
  });

  it('another device of the department pulls the result and fetches the photo when it shows it', async () => {
    const ben = await signedInDevice(browser, server, 'ben', PASSWORD);
    try {
      const { page, context } = ben;
      await new SyncBar(page).syncNow();
      const insp = new InspectionsPage(page);
      // Offline first: the photo is not on this device yet, and it says so with a download button.
      // (Offline before the page shows it, or it would fetch the photo at once.)
      await context.setOffline(true);
      await new AppShell(page).networkStatus('Offline').waitFor();
      await insp.gotoPermit(permitId);
      const gallery = new PhotoGallery(page, insp.item('Footing · Mar 2, 2026'));
      await gallery.within.getByText(/^Photo not on this device yet\./).waitFor();
      await gallery.downloadButton(1).waitFor();
      // Online: fetched and kept.
      await context.setOffline(false);
      await gallery.openButton(1).click();
      await expect(gallery.fullSize(1)).resolves.toEqual({ width: 1600, height: 1200 });
      const rows = await deviceTable<DeviceAttachment>(page, 'attachments');
      expect(rows.map((r) => r.state)).toEqual(['downloaded']);
      await new SyncBar(page).waitForSynced();
    } finally {
      await ben.context.close();
    }
  });

  it('explains an oversized photo next to the field, in English and Spanish, and saves nothing; axe with photos', async () => {
    const { page } = ines;
    const insp = new InspectionsPage(page);
    // A file on disk, chosen by path: as a buffer, Playwright would send its 31 MB through the DevTools
    // protocol each time (about 15 s on a slow machine).
    const huge = join(dir, 'huge.jpg');
    writeFileSync(huge, Buffer.alloc(31 * MB, 0xff));
    const countRows = async () => (await deviceTable<DeviceAttachment>(page, 'attachments')).length;

    await insp.gotoPermit(permitId);
    let form = await insp.openResult(insp.item('Framing · Mar 2, 2026'));
    let photos = new PhotoField(page, form);
    await photos.chooseInput().setInputFiles(huge);
    await expect
      .poll(() => photos.error())
      .toBe('“huge.jpg”: This photo is too large (31 MB); the limit is 30 MB.');
    await expect(photos.thumbnails().count()).resolves.toBe(0);
    expect(await countRows()).toBe(1);

    // With a photo in the form: axe, then Remove (by keyboard) deletes it from the device.
    await photos.takeInput().setInputFiles(photoPath);
    await photos.thumbnails().first().waitFor();
    expect(await countRows()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await photos.removeButton(1).focus();
    await page.keyboard.press('Enter');
    await photos.thumbnails().first().waitFor({ state: 'detached' });
    await expect.poll(countRows).toBe(1);

    await new AppShell(page).language().selectOption({ label: 'Español' });
    await insp.gotoPermit(permitId);
    form = await insp.openResult(insp.item('Framing · 2 mar 2026'));
    photos = new PhotoField(page, form);
    await photos.chooseInput().setInputFiles(huge);
    await expect
      .poll(() => photos.error())
      .toBe('«huge.jpg»: Esta foto es demasiado grande (31 MB); el límite es de 30 MB.');
    await photos.chooseInput().setInputFiles(photoPath);
    await photos.thumbnails().first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Closing the form without saving discards its photo.
    await form.getByRole('button', { name: 'Cerrar', exact: true }).click();
    await expect.poll(countRows).toBe(1);
    await new AppShell(page).language().selectOption({ label: 'English' });
  });
});
