// The incident screens. Offline, a manager opens a real incident and an exercise (EXERCISE on the board and
// the incident page), adds an operational period and sees the board count the unsent changes; online, the
// count falls to 0 and the server holds them. An ICS 213 is sent and answered; a second reply written on
// another device at the same time is refused and shown under "Needs attention". The timeline merges the
// logs newest first and narrows by log, period, author and text. axe on each screen.
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf } from '../src/domain/incidents/chain';
import type { JsonObject } from '../src/domain/sync/json-value';
import { AppShell } from './pages/app-shell';
import { IncidentsPage } from './pages/incidents-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { SeedScene } from './support/seed';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';

/** Pushes an incident with two periods, two logs and their entries, as another device would. */
async function seedTimeline(api: APIRequestContext): Promise<void> {
  const scene = new SeedScene(DEPT, '2026-03-02T07:00:00.000Z');
  const { add } = scene;
  const incidentId = add('record.create', 'incident', {
    name: 'River flooding',
    incidentType: 'flood',
    severity: 'major',
    startedAt: '2026-03-01T06:00:00.000Z',
  });
  const period = (number: number, startsAt: string, endsAt: string) =>
    add('record.create', 'operational_period', { incidentId, number, startsAt, endsAt });
  const p1 = period(1, '2026-03-01T06:00:00.000Z', '2026-03-01T18:00:00.000Z');
  const p2 = period(2, '2026-03-01T18:00:00.000Z', '2026-03-02T06:00:00.000Z');
  const log = (periodId: string, name: string) =>
    add('record.create', 'activity_log', { incidentId, periodId, name, icsPosition: 'Unit Leader' });
  const logA = log(p1, 'Public Works day shift');
  const logB = log(p2, 'Shelter night shift');
  const entry = (
    logId: string,
    eventAt: string,
    text: string,
    authorName: string,
    extra: JsonObject = {},
  ) => {
    const fields: JsonObject = {
      logId,
      incidentId,
      eventAt,
      recordedAt: eventAt,
      text,
      authorName,
      ...extra,
    };
    return add('entry.append', 'log_entry', { ...fields, contentHash: contentHashOf(fields) });
  };
  const sandbags = entry(logA, '2026-03-01T07:00:00.000Z', 'Sandbags delivered to Elm Street', 'Rita Moreno');
  entry(logA, '2026-03-01T09:30:00.000Z', 'Road closed at the low bridge', 'Rita Moreno', {
    priority: 'urgent',
  });
  entry(logA, '2026-03-01T10:00:00.000Z', 'Sandbags delivered to Oak Street', 'Rita Moreno', {
    corrects: sandbags,
    correctionReason: 'It was Oak Street, not Elm Street',
  });
  entry(logB, '2026-03-01T19:15:00.000Z', 'Shelter opened at the high school', 'Omar Haddad', {
    transcribed: true,
  });
  entry(logB, '2026-03-01T23:45:00.000Z', 'Forty residents checked in', 'Omar Haddad');
  await scene.push(api);
}

describe('incidents: board, incident page and ICS 213 messages', () => {
  let server: TestServer;
  let browser: Browser;
  let ines: Device;
  let omar: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    for (const username of ['ines', 'omar'])
      addUser(server, { username, password: PASSWORD, role: 'manager', departments: [DEPT] });
    browser = await launchBrowser();
    ines = await signedInDevice(browser, server, 'ines', PASSWORD);
    omar = await signedInDevice(browser, server, 'omar', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a real incident and an exercise offline, adds a period; online the unsent count falls to 0', async () => {
    const { page, context } = ines;
    const incidents = new IncidentsPage(page);
    await incidents.goto();
    await incidents.main().getByText('No incidents are on this device yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();

    // Missing fields are explained next to them.
    await incidents.openNew();
    await incidents
      .main()
      .getByText(/This cannot be changed later/)
      .waitFor();
    await incidents.field('Incident name').fill('');
    await incidents.main().getByRole('button', { name: 'Open incident' }).click();
    await expect(incidents.errorOf(incidents.field('Incident name'))).resolves.toBe(
      'Enter the incident name.',
    );
    await expect(incidents.errorOf(incidents.field('Incident type'))).resolves.toBe(
      'Choose the incident type.',
    );
    await expect(incidents.errorOf(incidents.field('Severity'))).resolves.toBe('Choose the severity.');
    await incidents.fillTime('Start time', '2026-03-02', '25:99');
    await incidents.main().getByRole('button', { name: 'Open incident' }).click();
    await expect(incidents.errorOf(incidents.timeGroup('Start time').time)).resolves.toBe(
      'Enter a date and a time on the 24-hour clock, for example 14:05.',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await incidents.fill({
      name: 'Water main break',
      number: 'WM-2026-3',
      type: 'Other',
      severity: 'Moderate',
      location: 'Main St and 3rd Ave',
      startDate: '2026-03-02',
      startTime: '08:45',
      departments: `${DEPT}, public-works`,
      exercise: false,
    });
    await incidents.main().getByRole('button', { name: 'Open incident', exact: true }).click();
    await incidents.heading().filter({ hasText: 'Water main break' }).waitFor();
    await expect(incidents.exerciseLabel().count()).resolves.toBe(0);
    await incidents.summary().getByText('Active', { exact: true }).waitFor();
    await incidents.summary().getByText('Not yet sent').waitFor();

    // Operational period 1, on the 24-hour clock.
    await expect(
      incidents.addPeriod({ date: '2026-03-02', time: '08:00' }, { date: '2026-03-02', time: '20:00' }),
    ).resolves.toBe(1);
    const period = incidents.periods().getByRole('listitem').first();
    // The form that was used gives way to the next period's: focus goes to the period just added.
    await expect.poll(() => period.evaluate((el) => el === document.activeElement)).toBe(true);
    await period.getByText(/08:00/).waitFor();
    await period.getByText(/20:00/).waitFor();
    // A period cannot end before it starts.
    await incidents.fillTime('From', '2026-03-02', '20:00', incidents.periodForm());
    await incidents.fillTime('To', '2026-03-02', '19:00', incidents.periodForm());
    await incidents.periodForm().getByRole('button', { name: 'Add period' }).click();
    await expect(incidents.errorOf(incidents.timeGroup('To', incidents.periodForm()).date)).resolves.toBe(
      'The period must end after it starts.',
    );
    await incidents.main().getByText('No log entries yet.').waitFor();
    await expect(incidents.newLogLink().getAttribute('href')).resolves.toMatch(/\/logs\/new$/);
    expect(await seriousViolations(page)).toEqual([]);

    // The exercise.
    await incidents.goto();
    await incidents.create({
      name: 'Ice storm drill',
      type: 'Severe weather',
      severity: 'Major',
      exercise: true,
    });
    await incidents.exerciseLabel(incidents.summary()).waitFor();
    // Editing shows the exercise as fixed and moves the status.
    await incidents.editDetails();
    await incidents
      .main()
      .getByText(/^Exercise\. This was set when the incident was opened and cannot change\.$/)
      .waitFor();
    await incidents.field('Status').selectOption({ label: 'Monitoring' });
    await incidents.saveDetails();
    await incidents.summary().getByText('Monitoring', { exact: true }).waitFor();

    // The board: active first, then monitoring; exercise labelled; unsent counts. Exercise material is
    // left off the board until asked for.
    await incidents.goto();
    const real = incidents.card('Water main break');
    const drill = incidents.card('Ice storm drill');
    await incidents.unsent(real).getByText('2 changes not yet sent').waitFor();
    await expect(drill.count()).resolves.toBe(0);
    await incidents.main().getByLabel('Show exercise material (1)').check();
    await incidents.unsent(real).getByText('2 changes not yet sent').waitFor();
    await incidents.unsent(drill).getByText('2 changes not yet sent').waitFor();
    await incidents.exerciseLabel(drill).waitFor();
    await expect(incidents.exerciseLabel(real).count()).resolves.toBe(0);
    const names = await incidents.openList().getByRole('heading', { level: 3 }).allInnerTexts();
    expect(names).toEqual(['Water main break', 'Ice storm drill']);
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(false);
    await new SyncBar(page).waitForSynced();
    await incidents.unsent(real).getByText('Everything sent to the server').waitFor();
    await incidents.unsent(drill).getByText('Everything sent to the server').waitFor();
    const records = await serverRecords(page.request);
    const byName = (name: string) => records.find((r) => r.kind === 'incident' && r.fields.name === name);
    expect(byName('Water main break')?.fields).toMatchObject({
      number: 'WM-2026-3',
      incidentType: 'other',
      severity: 'moderate',
      status: 'active',
      exercise: false,
      departments: [DEPT, 'public-works'],
      startedAt: new Date(2026, 2, 2, 8, 45).toISOString(),
    });
    expect(byName('Ice storm drill')?.fields).toMatchObject({ exercise: true, status: 'monitoring' });
    const periods = records.filter((r) => r.kind === 'operational_period');
    expect(periods.map((p) => p.fields)).toEqual([
      expect.objectContaining({ incidentId: byName('Water main break')?.id, number: 1 }),
    ]);

    // A checklist started from the drill's page is linked to it and is an exercise checklist; the page
    // lists it with its progress.
    await incidents.openIncident('Ice storm drill');
    const checklists = incidents.main().getByRole('region', { name: 'Checklists' });
    await checklists.getByText('No checklist is linked to this incident yet.').waitFor();
    await checklists
      .getByLabel('Checklist to start for this incident')
      .selectOption({ label: 'Severe weather and EOC activation' });
    await checklists.getByRole('link', { name: 'Start this checklist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start a checklist' }).waitFor();
    await expect(page.getByLabel('Incident (optional)').inputValue()).resolves.toBe(
      byName('Ice storm drill')?.id,
    );
    await page.getByRole('button', { name: 'Start the checklist' }).click();
    await page
      .getByRole('heading', { level: 1, name: /Severe weather/ })
      .getByText('EXERCISE')
      .waitFor();
    await incidents.openIncident('Ice storm drill');
    await checklists.getByRole('link', { name: /Severe weather/ }).waitFor();
    await checklists.getByText(/^0 of \d+ done$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sends an ICS 213 and its reply; a second reply from another device is refused under Needs attention', async () => {
    const inesIncidents = new IncidentsPage(ines.page);
    await inesIncidents.openIncident('Water main break');
    await inesIncidents.newMessage({
      toName: 'Omar Haddad',
      toPosition: 'Operations Section Chief',
      fromName: 'Ines Ortega',
      fromPosition: 'Planning Section Chief',
      subject: 'Bottled water for Elm Street',
      message: 'Please send two pallets of bottled water to the Elm Street shelter.',
      date: '2026-03-02',
      time: '09:10',
      approvedBy: 'Ana Ruiz',
    });
    await inesIncidents.replyForm().waitFor();
    expect(await seriousViolations(ines.page)).toEqual([]);
    await new SyncBar(ines.page).syncNow();
    await new SyncBar(omar.page).syncNow();

    // Omar opens the message; both go offline and both reply.
    const omarIncidents = new IncidentsPage(omar.page);
    await omarIncidents.openIncident('Water main break');
    await omarIncidents
      .messages()
      .getByRole('link', { name: /^Bottled water for Elm Street/ })
      .click();
    await omarIncidents.replyForm().waitFor();
    await ines.context.setOffline(true);
    await omar.context.setOffline(true);
    await inesIncidents.reply({
      reply: 'Ines answers first.',
      name: 'Ines Ortega',
      date: '2026-03-02',
      time: '09:20',
    });
    await inesIncidents.main().getByText('Ines answers first.').waitFor();
    // The form is gone once saved: focus lands on the Reply heading, just above the reply.
    await expect
      .poll(() =>
        inesIncidents
          .main()
          .getByRole('heading', { level: 2, name: 'Reply', exact: true })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    // One reply only: the form gives way to the plain reason.
    await inesIncidents
      .main()
      .getByText(/already has a reply/)
      .waitFor();
    await expect(inesIncidents.replyForm().count()).resolves.toBe(0);
    await omarIncidents.reply({
      reply: 'Omar answers too.',
      name: 'Omar Haddad',
      date: '2026-03-02',
      time: '09:25',
    });
    await omarIncidents.main().getByText('Omar answers too.').waitFor();

    await ines.context.setOffline(false);
    await new SyncBar(ines.page).waitForSynced();
    await omar.context.setOffline(false);
    const omarBar = new SyncBar(omar.page);
    await omarBar.waitForCounts({ attention: 1 });
    await omarBar.waitForSynced();
    const note = omarIncidents.attentionNote();
    await note.getByText(/someone else answered this message first/).waitFor();
    await omarIncidents.main().getByText('Ines answers first.').waitFor();
    await expect(omarIncidents.main().getByText('Omar answers too.').count()).resolves.toBe(0);
    expect(await seriousViolations(omar.page)).toEqual([]);

    const replies = (await serverRecords(omar.page.request)).filter((r) => r.kind === 'ics213_reply');
    expect(replies.map((r) => r.fields.reply)).toEqual(['Ines answers first.']);
    await omarIncidents.openIncident('Water main break');
    await omarIncidents.messages().getByText('Replied', { exact: true }).waitFor();
  });

  it('merges the logs on the timeline, newest first, and filters by log, period, author and text', async () => {
    const api = await apiSession(server, 'omar', PASSWORD);
    await seedTimeline(api);
    await api.dispose();
    const { page } = ines;
    await new SyncBar(page).syncNow();
    const incidents = new IncidentsPage(page);
    await incidents.goto();
    const card = incidents.card('River flooding');
    // The board reads each incident's latest entries after the incidents themselves.
    await expect
      .poll(() => card.locator('.incident-latest li').allInnerTexts())
      .toEqual([
        expect.stringContaining('Forty residents checked in'),
        expect.stringContaining('Shelter opened at the high school'),
        expect.stringContaining('Sandbags delivered to Oak Street'),
      ]);
    await incidents.openIncident('River flooding');
    const texts = () => incidents.timelineEntries().locator('.timeline-entry-text').allInnerTexts();
    await incidents.timelineEntries().nth(4).waitFor();
    expect(await texts()).toEqual([
      'Forty residents checked in',
      'Shelter opened at the high school',
      'Sandbags delivered to Oak Street',
      'Road closed at the low bridge',
      'Sandbags delivered to Elm Street',
    ]);
    const correction = incidents.timelineEntries().filter({ hasText: 'Oak Street' });
    await correction.getByText('Correction', { exact: true }).waitFor();
    await correction.getByText('Reason for the correction: It was Oak Street, not Elm Street').waitFor();
    const original = incidents.timelineEntries().filter({ hasText: 'Elm Street' });
    await original.locator('del').getByText('Sandbags delivered to Elm Street').waitFor();
    await original.getByText('Corrected by a later entry').waitFor();
    await incidents
      .timelineEntries()
      .filter({ hasText: 'Shelter opened' })
      .getByText('Transcribed from paper')
      .waitFor();
    await incidents.timelineEntries().filter({ hasText: 'low bridge' }).getByText('Urgent').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await incidents.filterTimeline({ log: 'Shelter night shift' });
    await expect.poll(texts).toEqual(['Forty residents checked in', 'Shelter opened at the high school']);
    await incidents.clearFilters();
    await incidents.filterTimeline({ period: 'Period 1' });
    await expect
      .poll(texts)
      .toEqual([
        'Sandbags delivered to Oak Street',
        'Road closed at the low bridge',
        'Sandbags delivered to Elm Street',
      ]);
    await incidents.filterTimeline({ text: 'sandbags oak' });
    await expect.poll(texts).toEqual(['Sandbags delivered to Oak Street']);
    await incidents.clearFilters();
    await incidents.filterTimeline({ author: 'omar' });
    await expect.poll(texts).toEqual(['Forty residents checked in', 'Shelter opened at the high school']);
    await incidents.filterTimeline({ text: 'sandbags' });
    await incidents.main().getByText('No entries match. Clear a filter or change the words.').waitFor();
    await incidents.clearFilters();
    await expect.poll(async () => (await texts()).length).toBe(5);
    await expect(
      incidents
        .logRow('Public Works day shift')
        .getByRole('link', { name: 'Public Works day shift' })
        .getAttribute('href'),
    ).resolves.toMatch(/^\/incidents\/[^/]+\/logs\/[^/]+$/);
  });
});
