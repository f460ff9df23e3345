// Issue 8, acceptance 1, on three devices. The controller (a manager) starts an exercise from the
// multi-day power outage template, starts the clock and speeds it up; the player's device learns the clock,
// then goes offline; injects arrive on it at their scenario times (the device's clock is pinned and moved, so
// no sleeps); offline, the player acknowledges one and logs an action; the evaluator rates an objective;
// after the player reconnects, the controller sees every acknowledgement and action, and the server holds
// the evaluator's rating.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseTemplate } from '../src/domain/drills/templates';
import { DrillsPage } from './pages/drills-page';
import { DrillsEvaluatePage } from './pages/drills-evaluate-page';
import { DrillsPlayPage } from './pages/drills-play-page';
import { SyncBar } from './pages/sync-bar';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';
const T0 = Date.parse('2026-03-02T09:40:00.000Z');
/** Device time `seconds` after the clock starts: at 60 times real time, one second is a scenario minute. */
const at = (seconds: number) => new Date(T0 + seconds * 1000);

describe('drills: an exercise on three devices (controller, player, evaluator)', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let pat: Device;
  let eve: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'rita', password: PASSWORD, role: 'manager', departments: [DEPT] });
    addUser(server, { username: 'pat', password: PASSWORD, role: 'field', departments: [DEPT] });
    addUser(server, { username: 'eve', password: PASSWORD, role: 'field', departments: [DEPT] });
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    pat = await signedInDevice(browser, server, 'pat', PASSWORD);
    eve = await signedInDevice(browser, server, 'eve', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('releases injects offline, collects acknowledgements, actions and ratings, and the controller sees them all', async () => {
    const template = exerciseTemplate('power-outage-tabletop')!;
    const title = template.name.en;
    const injects = [...template.injects].sort((a, b) => a.scenarioMinute - b.scenarioMinute);
    const [first, second] = injects;
    const later = injects.find((inject) => inject.scenarioMinute > second!.scenarioMinute)!;

    // The controller starts the exercise from the template, starts the clock and runs it 60 times faster.
    for (const device of [rita, pat, eve]) await device.context.clock.setFixedTime(at(0));
    const drills = new DrillsPage(rita.page);
    const exerciseId = await drills.startFromTemplate(title);
    const control = new DrillsPlayPage(rita.page);
    await control.openControl(exerciseId, title);
    await control.clockButton('Start the clock');
    await control.setSpeed(60);
    await new SyncBar(rita.page).syncNow();

    // The player's device learns the exercise and its clock, then loses the network.
    await new SyncBar(pat.page).syncNow();
    const play = new DrillsPlayPage(pat.page);
    await play.openPlay(exerciseId, title);
    await play
      .playerClock()
      .getByText(/Running at 60 times real time/)
      .waitFor();
    await pat.context.setOffline(true);

    // Offline, the injects arrive at their scenario times, and not before.
    await pat.context.clock.setFixedTime(at(second!.scenarioMinute - 0.5));
    await play.playerInject(first!.number).waitFor();
    expect(await play.shownInjects()).toEqual([`Inject ${first!.number} · T+00:00`]);
    await pat.context.clock.setFixedTime(at(second!.scenarioMinute));
    await play.playerInject(second!.number).waitFor();
    expect(await pat.page.getByText(later.text.en).count()).toBe(0);

    // Offline, the player acknowledges the first and logs an action about the second.
    await play.acknowledge(first!.number);
    await play.logAction('Opened the EOC in the fire station annex', second!.number);
    await play
      .myAction('Opened the EOC in the fire station annex')
      .getByText('not yet sent', { exact: false })
      .waitFor();

    // The evaluator rates the first objective.
    await new SyncBar(eve.page).syncNow();
    const evaluate = new DrillsEvaluatePage(eve.page);
    await evaluate.gotoEvaluate(exerciseId);
    await eve.page.locator('#observation-new-objectiveId').selectOption({ index: 1 });
    const objectiveId = await eve.page.locator('#observation-new-objectiveId').inputValue();
    expect(objectiveId).not.toBe('');
    await eve.page.getByRole('radio', { name: 'S — Performed with some challenges', exact: true }).check();
    await eve.page
      .getByLabel('Observation', { exact: true })
      .fill('The EOC opened in 50 minutes; the generator needed a manual start');
    await eve.page.getByRole('button', { name: 'Save the observation' }).click();
    await evaluate.observation('The EOC opened in 50 minutes').waitFor();
    await new SyncBar(eve.page).syncNow();

    // The player reconnects; the controller sees every acknowledgement and action.
    await pat.context.setOffline(false);
    await new SyncBar(pat.page).syncNow();
    await expect.poll(() => pat.page.getByText('not yet sent', { exact: false }).count()).toBe(0);
    await rita.context.clock.setFixedTime(at(second!.scenarioMinute));
    await new SyncBar(rita.page).syncNow();
    await control
      .scheduleRow(first!.number)
      .getByText(/^Acknowledged by: /)
      .waitFor();
    await control
      .scheduleRow(second!.number)
      .getByText(/: Opened the EOC in the fire station annex$/)
      .waitFor();
    expect(await control.stateOf(later.number)).toBe('State: Upcoming');

    const records = await serverRecords(rita.page.request);
    const events = records.filter((r) => r.kind === 'inject_event' && r.fields.exerciseId === exerciseId);
    expect(events.map((e) => [e.fields.action, e.fields.byUsername])).toEqual(
      expect.arrayContaining([
        ['acknowledged', 'pat'],
        ['player_action', 'pat'],
      ]),
    );
    const rating = records.find((r) => r.kind === 'exercise_observation');
    expect(rating?.fields).toMatchObject({
      exerciseId,
      objectiveId,
      rating: 'S',
      byName: expect.any(String),
    });
    const exercise = records.find((r) => r.id === exerciseId)!;
    expect((exercise.fields.objectives as { id: string }[]).map((o) => o.id)).toContain(objectiveId);
  });
});
