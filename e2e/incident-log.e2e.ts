// Issue 5, acceptance 1 and 2: ICS 214 activity logs in the browser. (1) Offline, a manager opens an
// incident, a period and a log, records 30 entries (typed lines, quick entries, one transcribed from
// paper, one correction), verifies the log, reloads with no connection (the service worker serves the
// production build) and goes online: the server holds all 30 entries in order with a valid chain (checked
// here with node:crypto), and the correction points at the original, which is unchanged. (2) Two devices
// log into the same log offline; after sync both devices and the server show the same entries in the
// same order and "Verify log" passes on both.
import { createHash } from 'node:crypto';
import type { APIRequestContext, Browser, Locator } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf, verifyChain, type ChainEntry } from '../src/domain/incidents/chain';
import type { JsonObject } from '../src/domain/sync';
import { AppShell } from './pages/app-shell';
import { IncidentLogPage } from './pages/incident-log-page';
import { IncidentsPage } from './pages/incidents-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceTable, serverRecords, signedInDevice, type Device, type PulledRecord } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';
const HASH = /[0-9a-f]{64}/;

const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

const nodeDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A log's entries as the server holds them (pulled by an administrator), in chain order. */
async function serverEntries(admin: APIRequestContext, logId: string): Promise<PulledRecord[]> {
  return (await serverRecords(admin))
    .filter((r) => r.kind === 'log_entry' && r.fields.logId === logId)
    .sort((a, b) => Number(a.fields.seq) - Number(b.fields.seq));
}

async function serverChain(admin: APIRequestContext, logId: string) {
  const entries = await serverEntries(admin, logId);
  const chain: ChainEntry[] = entries.map((r) => ({ id: r.id, fields: r.fields as JsonObject }));
  return { entries, report: await verifyChain(chain, nodeDigest) };
}

interface Seed {
  name: 'record.create' | 'entry.append';
  kind: string;
  id: string;
  fields: JsonObject;
}

/** Pushes records as another desk would (the server applies them as any device's changes). */
async function push(api: APIRequestContext, records: Seed[]): Promise<void> {
  const scene = new SeedScene(DEPT, '2026-03-02T06:00:00.000Z');
  for (const record of records) scene.add(record.name, record.kind, record.fields, record.id);
  await scene.push(api);
}

/** An incident and its first period, for a scene set from another desk. */
function incidentSeed(name: string): { incidentId: string; records: Seed[] } {
  const incidentId = uuidv7();
  const fields = {
    name,
    incidentType: 'severe_weather',
    severity: 'major',
    startedAt: '2026-03-02T06:00:00.000Z',
  };
  const period = {
    incidentId,
    number: 1,
    startsAt: '2026-03-02T06:00:00.000Z',
    endsAt: '2026-03-02T18:00:00.000Z',
  };
  return {
    incidentId,
    records: [
      { name: 'record.create', kind: 'incident', id: incidentId, fields },
      { name: 'record.create', kind: 'operational_period', id: uuidv7(), fields: period },
    ],
  };
}

describe('incident activity logs (ICS 214)', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: APIRequestContext;
  let rita: Device;
  let omar: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'admin', password: PASSWORD, role: 'admin', name: 'Records Officer' });
    addUser(server, {
      username: 'rita',
      password: PASSWORD,
      role: 'manager',
      departments: [DEPT],
      name: 'Rita Alvarez',
    });
    addUser(server, {
      username: 'omar',
      password: PASSWORD,
      role: 'field',
      departments: [DEPT],
      name: 'Omar Haddad',
    });
    browser = await launchBrowser();
    admin = await apiSession(server, 'admin', PASSWORD);
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    omar = await signedInDevice(browser, server, 'omar', PASSWORD);
  });

  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
    await server?.stop();
  });

  it('offline: 30 entries with a correction and a paper entry reach the server in order, chained', async () => {
    const { page, context } = rita;
    const incidents = new IncidentsPage(page);
    await incidents.goto();
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();
    await incidents.create({
      name: 'Ice storm',
      type: 'Severe weather',
      severity: 'Major',
      startDate: '2026-03-02',
      startTime: '06:00',
      exercise: false,
    });

    // A log belongs to a period: with none yet, the form says so and links back to add one.
    await incidents.newLogLink().click();
    const log = new IncidentLogPage(page);
    await log
      .main()
      .getByText(/This incident has no operational period yet/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await log.main().getByRole('link', { name: 'Add an operational period on the incident page' }).click();
    await incidents.heading().filter({ hasText: 'Ice storm' }).waitFor();
    await incidents.addPeriod({ date: '2026-03-02', time: '06:00' }, { date: '2026-03-02', time: '18:00' });
    await incidents.newLogLink().click();
    await page.getByRole('heading', { level: 1, name: 'New activity log' }).waitFor();
    await expect(log.main().getByText('EXERCISE', { exact: true }).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await log.field('Name (person or unit)').fill('');
    await log.main().getByRole('button', { name: 'Create activity log', exact: true }).click();
    await expect(log.errorOf(log.field('Name (person or unit)'))).resolves.toBe(
      'Enter the name of the person or unit.',
    );
    // Resource rows from the keyboard: adding one focuses its name; removing one focuses what follows.
    await log.main().getByRole('button', { name: 'Add a resource' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(log.resourceRow(1).getByLabel('Name', { exact: true }))).toBe(true);
    await page.keyboard.type('Temporary row');
    await log.resourceRow(1).getByRole('button', { name: 'Remove resource 1' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => log.resourceRow(1).count()).toBe(0);
    await expect.poll(() => focused(log.main().getByRole('button', { name: 'Add a resource' }))).toBe(true);
    const { logId } = await log.create({
      period: 'Period 1',
      name: 'EOC Planning Section',
      position: 'Planning Section Chief',
      agency: 'City OEM',
      resources: [
        { name: 'Ana Ruiz', position: 'Situation Unit Leader', agency: 'City OEM' },
        { name: 'Engine 3', position: 'Strike team', agency: 'Fire Dept' },
      ],
    });
    await log.block('3. Name').getByText('EOC Planning Section').waitFor();
    await log.block('6. Resources assigned').getByRole('cell', { name: 'Engine 3' }).waitFor();
    await log.block('1. Incident name').getByText('Ice storm').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Enter on an empty line explains; then typed lines, each with Enter, focus staying in the field.
    await log.entryField().press('Enter');
    await expect(log.errorOf(log.entryField())).resolves.toBe('Write what happened.');
    const typed: string[] = [];
    for (let i = 1; i <= 25; i += 1) {
      const text = i === 7 ? 'Crews sent to Main St' : `Situation note ${i}`;
      if (i === 12) await log.priority().selectOption({ label: 'Urgent' });
      await log.record(text);
      typed.push(text);
    }
    await expect.poll(() => focused(log.entryField())).toBe(true);
    await log.entry('Situation note 12').getByText('Urgent', { exact: true }).waitFor();
    await log.quick('Arrived on scene');
    await log.quick('Briefing held');
    await log.quick('Resources requested');

    // A line from the paper log: its own date and time are required, and it is marked.
    await log.transcribed().check();
    await log.entryField().fill('Sandbags delivered to Elm St (paper log)');
    await log.entryField().press('Enter');
    await expect(log.errorOf(log.eventDate())).resolves.toBe(
      'Enter the date and the time written on the paper log (24-hour, for example 14:05).',
    );
    await log.eventDate().fill('2026-03-02');
    await log.eventTime().fill('0815');
    await log.record('Sandbags delivered to Elm St (paper log)');
    const paper = log.entry('Sandbags delivered to Elm St (paper log)');
    await paper.getByText('Transcribed from paper', { exact: true }).waitFor();
    await paper.getByText('2026-03-02 08:15', { exact: true }).waitFor();
    await log.transcribed().uncheck();

    // The correction dialog: labelled, a reason required, Escape closes it back onto its button.
    const correctButton = log.entry('Situation note 3').getByRole('button', { name: /^Correct entry 3 / });
    await correctButton.click();
    const dialog = page.getByRole('dialog', { name: 'Correct an entry' });
    await dialog.getByRole('button', { name: 'Record the correction' }).click();
    await expect(log.errorOf(dialog.getByLabel(/^Reason for the correction/))).resolves.toBe(
      'Say why the entry is corrected.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(correctButton)).toBe(true);

    // The correction: a new entry; the original stays, struck through, with the reason and a link.
    await log.correct('Crews sent to Main St', 'Crews sent to Elm St', 'Wrong street in the first call');
    // The corrected entry's "Correct" button is gone: focus moves to the correction just recorded.
    await expect
      .poll(() => log.entry('Crews sent to Elm St').evaluate((el) => el.contains(document.activeElement)))
      .toBe(true);
    const original = log.entry('Crews sent to Main St');
    await original.getByText('Corrected', { exact: true }).waitFor();
    await original.locator('del').getByText('Crews sent to Main St').waitFor();
    await original.getByText(/Reason: Wrong street in the first call/).waitFor();
    await original.getByRole('link', { name: 'Go to the correction' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Crews sent to Elm St');
    await log.entry('Crews sent to Elm St').getByText('Correction', { exact: true }).waitFor();

    await expect(log.entries().count()).resolves.toBe(30);
    const order = await log.entryTexts();
    expect(order.slice(0, 25)).toEqual(typed);
    expect(order.slice(25)).toEqual([
      'Arrived on scene',
      'Briefing held',
      'Resources requested',
      'Sandbags delivered to Elm St (paper log)',
      'Crews sent to Elm St',
    ]);
    await expect(log.entries().filter({ hasText: 'Not yet sent' }).count()).resolves.toBe(30);
    const deviceResult = await log.verify();
    expect(deviceResult).toMatch(new RegExp(`^All 30 entries verify; final hash ${HASH.source}$`));
    await log
      .verifyResult()
      .getByText(/30 entries are not yet confirmed by the server/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const onDevice = (await deviceTable<{ id: string; fields: JsonObject }>(page, 'records')).find(
      (r) => r.fields.text === 'Crews sent to Main St',
    );
    expect(onDevice).toBeDefined();

    // Reloaded with no connection: the service worker serves the app; the entries are all there.
    await page.reload();
    await log.heading().getByText('EOC Planning Section').waitFor();
    await expect(log.entries().count()).resolves.toBe(30);
    expect(await log.entryTexts()).toEqual(order);

    // Online: the server holds all 30, in the device's order, with a valid chain.
    await context.setOffline(false);
    await new SyncBar(page).waitForSynced();
    await expect.poll(async () => (await serverEntries(admin, logId)).length, { timeout: 30_000 }).toBe(30);
    const { entries, report } = await serverChain(admin, logId);
    expect(entries.map((e) => e.fields.text)).toEqual(order);
    expect(entries.map((e) => e.fields.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(report).toMatchObject({ ok: true, checked: 30 });
    const serverLog = (await serverRecords(admin)).find((r) => r.id === logId);
    expect(serverLog?.fields).toMatchObject({ entryCount: 30, headHash: report.headHash });
    // One device: the server chained its entries exactly as the device did.
    expect(deviceResult).toContain(report.headHash);
    const originalOnServer = entries.find((e) => e.fields.text === 'Crews sent to Main St')!;
    const correction = entries.find((e) => e.fields.text === 'Crews sent to Elm St')!;
    expect(correction.fields).toMatchObject({
      corrects: originalOnServer.id,
      correctionReason: 'Wrong street in the first call',
      eventAt: originalOnServer.fields.eventAt,
    });
    // The original is exactly as the device wrote it (content, hash and place in the chain).
    expect(originalOnServer.id).toBe(onDevice?.id);
    expect(originalOnServer.fields).toEqual(onDevice?.fields);
    expect(originalOnServer.fields).toMatchObject({ seq: 7, text: 'Crews sent to Main St' });
    expect(entries.find((e) => e.fields.transcribed === true)?.fields).toMatchObject({
      text: 'Sandbags delivered to Elm St (paper log)',
      eventAt: new Date(2026, 2, 2, 8, 15).toISOString(),
      authorName: 'Rita Alvarez',
    });

    // The device shows them sent, and still verifies to the same final hash.
    await log.entries().filter({ hasText: 'Not yet sent' }).first().waitFor({ state: 'detached' });
    await expect(log.verify()).resolves.toBe(`All 30 entries verify; final hash ${report.headHash}`);
    // At 200% zoom (half the width in CSS pixels) nothing needs sideways scrolling.
    await page.setViewportSize({ width: 640, height: 720 });
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).resolves.toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await log.main().getByRole('link', { name: 'Back to the incident' }).first().click();
    await incidents.logRow('EOC Planning Section').waitFor();
  });

  it('two devices log into one log offline: after sync all show one order and verify', async () => {
    const ritaBar = new SyncBar(rita.page);
    const omarBar = new SyncBar(omar.page);
    const incidents = new IncidentsPage(rita.page);
    await incidents.goto();
    await incidents.create({
      name: 'Spring flood drill',
      type: 'Flood',
      severity: 'Moderate',
      startDate: '2026-03-02',
      startTime: '07:00',
      exercise: true,
    });
    await incidents.addPeriod({ date: '2026-03-02', time: '07:00' }, { date: '2026-03-02', time: '19:00' });
    await incidents.newLogLink().click();
    const ritaLog = new IncidentLogPage(rita.page);
    await rita.page.getByRole('heading', { level: 1, name: 'New activity log' }).waitFor();
    const { incidentId, logId } = await ritaLog.create({ name: 'Shelter team', position: 'Shelter Manager' });
    // An exercise's log says so, in words.
    await ritaLog.main().getByText('EXERCISE', { exact: true }).waitFor();
    await ritaLog
      .main()
      .getByText(/Not a real incident: nothing here changes real records/)
      .waitFor();
    await ritaBar.waitForSynced();
    await omarBar.syncNow();
    const omarLog = new IncidentLogPage(omar.page);
    await omarLog.gotoLog(incidentId, logId);
    await omarLog.main().getByText('No entries yet.', { exact: false }).waitFor();

    // Both offline, writing in turns: each device chains its own lines 1, 2, 3.
    await rita.context.setOffline(true);
    await omar.context.setOffline(true);
    for (const i of [1, 2, 3]) {
      await ritaLog.record(`Rita: cots set up, row ${i}`);
      await omarLog.record(`Omar: families registered, group ${i}`);
    }
    for (const log of [ritaLog, omarLog])
      await expect(log.verify()).resolves.toMatch(/^All 3 entries verify; final hash [0-9a-f]{64}$/);

    // Rita's device reaches the server first, then Omar's; then Rita's pulls Omar's lines.
    await rita.context.setOffline(false);
    await ritaBar.waitForSynced();
    await omar.context.setOffline(false);
    await omarBar.waitForSynced();
    await ritaBar.syncNow();

    const { entries, report } = await serverChain(admin, logId);
    const serverOrder = entries.map((e) => String(e.fields.text));
    expect(serverOrder).toEqual([
      'Rita: cots set up, row 1',
      'Rita: cots set up, row 2',
      'Rita: cots set up, row 3',
      'Omar: families registered, group 1',
      'Omar: families registered, group 2',
      'Omar: families registered, group 3',
    ]);
    expect(report).toMatchObject({ ok: true, checked: 6 });
    // Ordered by arrival, signed by their authors, with the times their devices wrote.
    expect(entries.map((e) => e.fields.authorName)).toEqual([
      ...Array(3).fill('Rita Alvarez'),
      ...Array(3).fill('Omar Haddad'),
    ]);

    for (const log of [ritaLog, omarLog]) {
      await expect.poll(() => log.entryTexts()).toEqual(serverOrder);
      await log.entries().filter({ hasText: 'Not yet sent' }).first().waitFor({ state: 'detached' });
      await expect(log.verify()).resolves.toBe(`All 6 entries verify; final hash ${report.headHash}`);
    }
  });
  it('a log of 600 entries renders only the rows in view, takes new lines and verifies', async () => {
    const { page } = rita;
    const ritaApi = await apiSession(server, 'rita', PASSWORD);
    const { incidentId, records } = incidentSeed('Wildfire');
    const logId = uuidv7();
    records.push({
      name: 'record.create',
      kind: 'activity_log',
      id: logId,
      fields: { incidentId, periodId: records[1]!.id, name: 'Radio room' },
    });
    for (let i = 1; i <= 600; i += 1) {
      const at = new Date(Date.UTC(2026, 2, 2, 6, 0) + i * 60_000).toISOString();
      const fields: JsonObject = {
        logId,
        incidentId,
        eventAt: at,
        recordedAt: at,
        text: `Radio message ${i}`,
        authorName: 'Radio operator',
      };
      records.push({
        name: 'entry.append',
        kind: 'log_entry',
        id: uuidv7(),
        fields: { ...fields, contentHash: contentHashOf(fields) },
      });
    }
    await push(ritaApi, records);
    await ritaApi.dispose();
    await new SyncBar(page).syncNow();

    const log = new IncidentLogPage(page);
    const started = Date.now();
    await log.gotoLog(incidentId, logId);
    await log.entry('Radio message 1').waitFor();
    console.log(`600-entry log: first row after ${Date.now() - started} ms (navigation included)`);
    await log
      .main()
      .getByRole('heading', { name: /\(600 entries\)/ })
      .waitFor();
    const rendered = await log.entries().count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    await expect(log.entries().first().getAttribute('aria-setsize')).resolves.toBe('600');

    await log.entryField().fill('Crew 4 reports the fire line holding');
    await log.entryField().press('Enter');
    await log
      .main()
      .getByRole('heading', { name: /\(601 entries\)/ })
      .waitFor();
    await expect.poll(() => focused(log.entryField())).toBe(true);
    const result = await log.verify();
    expect(result).toMatch(new RegExp(`^All 601 entries verify; final hash ${HASH.source}$`));

    await new SyncBar(page).waitForSynced();
    const { report } = await serverChain(admin, logId);
    expect(report).toMatchObject({ ok: true, checked: 601 });
    expect(result).toContain(report.headHash);
  });
});
