// Inspections in the field with no signal: with permits pulled onto the phone, an inspector goes offline,
// schedules an inspection, records a failed result with two corrections from "My inspections today" (in
// route order), sees the re-inspection, reloads offline, and on reconnecting the server holds it all.
// Invalid input is explained next to its field in English and Spanish; axe and keyboard on both screens.
import type { APIRequestContext, Browser } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { InspectionsPage } from './pages/inspections-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { tabStops } from './support/keyboard';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'building';
// The pinned clock (support/browser.ts) says Monday 2026-03-02.
const TODAY = '2026-03-02';

/** Pushes records as a user through the server's API, as another device would have. */
async function pushRecords(
  api: APIRequestContext,
  entries: { name: 'record.create'; args: { kind: string; id: string; dept: string; fields: object } }[],
): Promise<void> {
  const scene = new SeedScene(DEPT, new Date().toISOString());
  for (const { name, args } of entries) scene.add(name, args.kind, args.fields, args.id);
  await scene.push(api);
}

const permit = (id: string, address: string, provisionalNumber: string) => ({
  name: 'record.create' as const,
  args: {
    kind: 'permit',
    id,
    dept: DEPT,
    fields: {
      permitType: 'Residential alteration',
      description: 'Kitchen and deck',
      address,
      applicantName: 'Dana Cole',
      appliedDate: '2026-02-10',
      provisionalNumber,
    },
  },
});

const inspection = (
  id: string,
  permitId: string,
  address: string,
  scheduledDate: string,
  inspector: string,
) => ({
  name: 'record.create' as const,
  args: {
    kind: 'permit_inspection',
    id,
    dept: DEPT,
    fields: { permitId, inspectionType: 'Footing', scheduledDate, inspector, address, status: 'scheduled' },
  },
});

describe('inspections offline', () => {
  let server: TestServer;
  let browser: Browser;
  let ines: Device;
  const oak14 = uuidv7();
  const oak2 = uuidv7();
  const abbey = uuidv7();
  const birch = uuidv7();

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, {
      username: 'ines',
      password: PASSWORD,
      role: 'field',
      departments: [DEPT],
      name: 'Inés Ortega',
    });
    addUser(server, { username: 'clerk', password: PASSWORD, role: 'clerk', departments: [DEPT] });
    const clerk = await apiSession(server, 'clerk', PASSWORD);
    await pushRecords(clerk, [
      permit(oak14, '14 Oak Ave', 'P-0014'),
      permit(oak2, '2 Oak Ave', 'P-0002'),
      permit(abbey, '1268 Abbey Crt', 'P-1268'),
      permit(birch, '9 Birch Rd', 'P-0009'),
      inspection(uuidv7(), oak2, '2 Oak Ave', TODAY, 'Inés Ortega'),
      inspection(uuidv7(), abbey, '1268 Abbey Crt', '2026-02-27', 'ines'),
      inspection(uuidv7(), birch, '9 Birch Rd', TODAY, 'Ben Ruiz'),
    ]);
    await clerk.dispose();
    browser = await launchBrowser();
    ines = await signedInDevice(browser, server, 'ines', PASSWORD);
    await new SyncBar(ines.page).syncNow();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('schedules, records a failed result with corrections and a re-inspection, all offline; the server gets it all', async () => {
    const { page, context } = ines;
    const insp = new InspectionsPage(page);
    await insp.gotoPermit(oak14);
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();

    // Schedule: a missing type is explained next to the field; the inspector defaults to the user.
    await insp.scheduleButton().click();
    await expect(insp.field('Inspector').inputValue()).resolves.toBe('Inés Ortega');
    await expect(insp.field('Date').inputValue()).resolves.toBe(TODAY);
    await insp.main().getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(insp.errorOf(insp.field('Inspection type'))).resolves.toBe('Enter the inspection type.');
    await insp.fill({ type: 'Framing' });
    await insp.main().getByRole('button', { name: 'Schedule', exact: true }).click();
    await insp.status('Inspection scheduled for Mar 2, 2026.').waitFor();
    await insp.item('Framing · Mar 2, 2026').getByText('Not yet sent').waitFor();

    // My inspections today, reloaded with no connection: mine only, by street then house number.
    await insp.gotoToday();
    await insp.item(/^14 Oak Ave/).waitFor();
    expect(await insp.routeHeadings()).toEqual([
      '1268 Abbey Crt ⚠ Overdue',
      '2 Oak Ave',
      '14 Oak Ave Not yet sent',
    ]);
    await page.getByRole('radio', { name: 'Everyone’s in my departments' }).check();
    await insp.item(/^9 Birch Rd/).waitFor();
    expect(await insp.routeHeadings()).toEqual([
      '1268 Abbey Crt ⚠ Overdue',
      '9 Birch Rd',
      '2 Oak Ave',
      '14 Oak Ave Not yet sent',
    ]);
    await page.getByRole('radio', { name: 'Assigned to me' }).check();
    await insp.item(/^9 Birch Rd/).waitFor({ state: 'detached' });
    // Each links to its permit (by its provisional number until the server numbers it).
    await insp
      .item(/^14 Oak Ave/)
      .locator(`a[href="/permits/${oak14}"]`)
      .waitFor();

    // Record the result in place: each problem next to its field.
    const item = insp.item(/^14 Oak Ave/);
    const form = await insp.openResult(item);
    await insp.saveResult(form).click();
    await expect(insp.errorOf(insp.outcomes(form))).resolves.toBe('Choose one of the options.');
    await insp.outcome(form, 'Not approved: corrections needed').check();
    await insp.saveResult(form).click();
    await expect(insp.errorOf(form.getByRole('button', { name: 'Add a correction' }))).resolves.toBe(
      'List at least one correction for a “not approved” result.',
    );
    await insp.addCorrection(form, 'Add a second joist hanger at the ledger', 1);
    await form.getByRole('button', { name: 'Add a correction' }).click();
    await insp.saveResult(form).click();
    await expect(insp.errorOf(insp.correction(form, 2))).resolves.toBe(
      'Write the correction, or remove this line.',
    );
    await insp.correction(form, 2).fill('Fire-block the stud bay behind the range');
    await expect(form.getByLabel('Re-inspection date').inputValue()).resolves.toBe('2026-03-03');
    await form.getByLabel('Notes').fill('Ledger flashing fine.');
    await insp.saveResult(form).click();
    await insp
      .status(
        'Result recorded: Not approved: corrections needed. A re-inspection is scheduled for Mar 3, 2026.',
      )
      .waitFor();
    await item.waitFor({ state: 'detached' });
    // Reloaded with no connection, the service worker serves the app and the list is still there.
    await page.reload();
    await insp.item(/^2 Oak Ave/).waitFor();
    expect(await insp.routeHeadings()).toEqual(['1268 Abbey Crt ⚠ Overdue', '2 Oak Ave']);

    // The permit shows the completed inspection with its corrections and the re-inspection.
    await insp.gotoPermit(oak14);
    const done = insp.item('Framing · Mar 2, 2026');
    await done.getByText('Completed', { exact: true }).waitFor();
    await done.getByText('Not approved: corrections needed', { exact: true }).waitFor();
    await done.getByRole('link', { name: /^Print the result sheet/ }).waitFor();
    await done
      .getByRole('listitem')
      .filter({ hasText: 'Fire-block the stud bay behind the range' })
      .waitFor();
    const again = insp.item(/^Framing · Mar 3, 2026/);
    await again.getByText('Re-inspection', { exact: true }).waitFor();
    await again.getByText('Scheduled', { exact: true }).waitFor();
    await again.getByText('Inés Ortega', { exact: true }).waitFor();

    // Online again: the device syncs on its own; the server holds the inspection, result and re-inspection.
    await context.setOffline(false);
    await expect
      .poll(
        async () => {
          const records = await serverRecords(page.request);
          const framing = records.filter(
            (r) => r.kind === 'permit_inspection' && r.fields.inspectionType === 'Framing',
          );
          const first = framing.find((r) => r.fields.scheduledDate === TODAY);
          const result = records.find((r) => r.kind === 'inspection_result');
          const reinspection = framing.find((r) => r.fields.reinspectionOf === first?.id);
          return {
            first: first && {
              status: first.fields.status,
              outcome: first.fields.outcome,
              address: first.fields.address,
            },
            result: result && {
              inspection: result.fields.inspectionId === first?.id,
              outcome: result.fields.outcome,
              corrections: result.fields.corrections,
            },
            reinspection: reinspection && {
              date: reinspection.fields.scheduledDate,
              status: reinspection.fields.status,
              inspector: reinspection.fields.inspector,
            },
          };
        },
        { timeout: 20_000 },
      )
      .toEqual({
        first: { status: 'completed', outcome: 'not_approved', address: '14 Oak Ave' },
        result: {
          inspection: true,
          outcome: 'not_approved',
          corrections: [
            'Add a second joist hanger at the ledger',
            'Fire-block the stud bay behind the range',
          ],
        },
        reinspection: { date: '2026-03-03', status: 'scheduled', inspector: 'Inés Ortega' },
      });
    await new SyncBar(page).waitForSynced();
  });

  it('axe finds nothing serious and every control is reachable by keyboard, with forms open', async () => {
    const { page } = ines;
    const insp = new InspectionsPage(page);
    await insp.gotoToday();
    const form = await insp.openResult(insp.item(/^2 Oak Ave/));
    await insp.outcome(form, 'No access: could not get in').check();
    expect(await seriousViolations(page)).toEqual([]);
    // Walk from the top of the page.
    await page.getByRole('heading', { level: 1 }).focus();
    const stops = await tabStops(page, 120);
    for (const name of [
      'Assigned to me',
      'No access: could not get in',
      'Notes',
      'Add a correction',
      'Re-inspection date',
      'Save result',
    ])
      expect(stops, stops.join(' | ')).toContain(name);
    expect(stops.some((s) => s.startsWith('Record result: 1268 Abbey Crt'))).toBe(true);

    await insp.gotoPermit(oak14);
    await insp.scheduleButton().click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('heading', { level: 1 }).focus();
    const permitStops = await tabStops(page, 120);
    for (const name of ['Inspection type', 'Date', 'Inspector', 'Schedule'])
      expect(permitStops, permitStops.join(' | ')).toContain(name);
    expect(permitStops.some((s) => s.startsWith('Cancel inspection: Framing'))).toBe(true);
  });

  it('cancels an inspection only after confirming', async () => {
    const { page } = ines;
    const insp = new InspectionsPage(page);
    await insp.gotoPermit(oak14);
    const again = insp.item(/^Framing · Mar 3, 2026/);
    await again.getByRole('button', { name: /^Cancel inspection/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the Framing inspection of Mar 3, 2026?' });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await again.getByText('Scheduled', { exact: true }).waitFor();
    await again.getByRole('button', { name: /^Cancel inspection/ }).click();
    await dialog.getByRole('button', { name: 'Cancel inspection', exact: true }).click();
    await insp.status('Inspection cancelled.').waitFor();
    await again.getByText('Cancelled', { exact: true }).waitFor();
    await expect(again.getByRole('button', { name: /^Record result/ }).count()).resolves.toBe(0);
  });

  it('explains invalid input next to the field in Spanish, and axe finds nothing serious', async () => {
    const { page } = ines;
    const insp = new InspectionsPage(page);
    await new AppShell(page).language().selectOption({ label: 'Español' });
    await insp.gotoPermit(oak14);
    await insp.scheduleButton('Programar inspección').click();
    await insp.field('Tipo de inspección').fill('');
    await insp.main().getByRole('button', { name: 'Programar', exact: true }).click();
    await expect(insp.errorOf(insp.field('Tipo de inspección'))).resolves.toBe(
      'Indique: tipo de inspección.',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await insp.gotoToday();
    await page.getByRole('radio', { name: 'Las de todos en mis departamentos' }).check();
    const form = await insp.openResult(insp.item(/^9 Birch Rd/));
    await insp.saveResult(form).click();
    await expect(insp.errorOf(insp.outcomes(form))).resolves.toBe('Elija una de las opciones.');
    await insp.outcome(form, 'No aprobada: hay que corregir').check();
    await insp.saveResult(form).click();
    await expect(insp.errorOf(form.getByRole('button', { name: 'Añadir una corrección' }))).resolves.toBe(
      'Anote al menos una corrección para un resultado «no aprobada».',
    );
    await form.getByLabel('Fecha de la nueva inspección').fill('');
    await insp.saveResult(form).click();
    await expect(insp.errorOf(form.getByLabel('Fecha de la nueva inspección'))).resolves.toBe(
      'Indique: fecha de la nueva inspección.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await new AppShell(page).language().selectOption({ label: 'English' });
  });
});
