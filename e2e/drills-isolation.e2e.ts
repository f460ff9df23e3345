// Issue 8, exercise isolation. A real incident (with a log and an entry) and an exercise are set up from
// another desk. A manager puts this device in exercise mode from the exercise's page: a banner on every
// screen says so; a log entry into the real incident is refused in words and nothing is saved; a new
// incident opened without ticking "exercise" is an exercise incident; the board leaves it out until asked
// for. The server's real records are exactly as they were (same revisions, nothing added). Leaving
// exercise mode makes real records writable again.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf } from '../src/domain/incidents/chain';
import type { JsonObject } from '../src/domain/sync/json-value';
import { IncidentLogPage } from './pages/incident-log-page';
import { IncidentsPage } from './pages/incidents-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';

describe('drills: exercise material never mixes with real records', () => {
  let server: TestServer;
  let browser: Browser;
  let ines: Device;
  let incidentId = '';
  let logId = '';
  let exerciseId = '';

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'ines', password: PASSWORD, role: 'manager', departments: [DEPT] });
    const api = await apiSession(server, 'ines', PASSWORD);
    const scene = new SeedScene(DEPT);
    incidentId = scene.add('record.create', 'incident', {
      name: 'River flooding',
      incidentType: 'flood',
      severity: 'major',
      startedAt: '2026-03-02T06:00:00.000Z',
      departments: [DEPT],
    });
    const periodId = scene.add('record.create', 'operational_period', {
      incidentId,
      number: 1,
      startsAt: '2026-03-02T06:00:00.000Z',
      endsAt: '2026-03-02T18:00:00.000Z',
    });
    logId = scene.add('record.create', 'activity_log', { incidentId, periodId, name: 'EOC' });
    const entry: JsonObject = {
      logId,
      incidentId,
      eventAt: '2026-03-02T06:30:00.000Z',
      recordedAt: '2026-03-02T06:30:00.000Z',
      text: 'Sandbagging started on River Road',
      authorName: 'Ines Ibáñez',
    };
    scene.add('entry.append', 'log_entry', { ...entry, contentHash: contentHashOf(entry) });
    exerciseId = scene.add('record.create', 'exercise', {
      name: 'Ice storm tabletop',
      exerciseType: 'tabletop',
      startDate: '2026-03-02',
    });
    await scene.push(api);
    await api.dispose();
    browser = await launchBrowser();
    ines = await signedInDevice(browser, server, 'ines', PASSWORD);
    await new SyncBar(ines.page).syncNow();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('in exercise mode a device writes exercise material only; real records stay exactly as they were', async () => {
    const { page } = ines;
    const realBefore = (await serverRecords(page.request)).map((r) => [r.id, r.rev]);

    await page.goto(`/drills/${exerciseId}`);
    await page.getByRole('heading', { level: 1, name: 'Ice storm tabletop' }).waitFor();
    await page.getByLabel('Play this exercise on this device (exercise mode)').check();
    const banner = page.getByRole('region', { name: /^EXERCISE MODE This device is playing/ });
    await banner.getByText('“Ice storm tabletop”', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The real incident's log: the entry is refused in words, nothing is added.
    const log = new IncidentLogPage(page);
    await log.gotoLog(incidentId, logId);
    await banner.waitFor();
    await log.entryField().fill('Levee breached at Mill Street');
    await log.entryField().press('Enter');
    await log
      .main()
      .getByText(/Not saved: this device is in exercise mode, so real records cannot be changed\./)
      .waitFor();
    await expect(log.entries().filter({ hasText: 'Levee breached' }).count()).resolves.toBe(0);

    // A new incident opened without ticking "exercise" is an exercise incident.
    const incidents = new IncidentsPage(page);
    await incidents.goto();
    await incidents.create({ name: 'Downed lines drill', type: 'Power outage', severity: 'Minor' });
    await incidents.exerciseLabel(incidents.summary()).waitFor();

    // The board leaves exercise material out until asked for.
    await incidents.goto();
    await incidents.card('River flooding').waitFor();
    await expect(incidents.card('Downed lines drill').count()).resolves.toBe(0);
    await incidents.main().getByLabel('Show exercise material (1)').check();
    await incidents.card('Downed lines drill').waitFor();
    await incidents.main().getByLabel('Show exercise material (1)').uncheck();

    // Synced: the server holds the exercise incident, and its real records exactly as before.
    await new SyncBar(page).syncNow();
    const after = await serverRecords(page.request);
    const drill = after.find((r) => r.kind === 'incident' && r.fields.name === 'Downed lines drill');
    expect(drill?.fields.exercise).toBe(true);
    expect(after.filter((r) => r.id !== drill?.id).map((r) => [r.id, r.rev])).toEqual(realBefore);

    // Leaving exercise mode makes real records writable again.
    await banner.getByRole('button', { name: 'Leave exercise mode' }).click();
    await expect(banner.count()).resolves.toBe(0);
    await log.gotoLog(incidentId, logId);
    await log.record('Levee breached at Mill Street');
  });
});
