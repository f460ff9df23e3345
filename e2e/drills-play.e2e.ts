// Issue 8, running an exercise: a manager (the lead controller) and a player on two devices. The
// exercise and its injects (T+5, T+10, T+15, and one at T+30 to deliver early) are seeded from another
// desk. The controller starts the clock and sets it to 60 times real time BEFORE the player's device goes
// offline (a device only knows the clock it last synced); then the player's pinned clock is moved: each
// inject appears at its scenario time while offline and never before (not in the page), the player
// acknowledges and logs actions offline ("not yet sent"), and back online the controller sees them all.
// Then hold, release and deliver early; the simulated outage switch (no /api/sync requests while it is
// on, kept across a reload); axe on both screens in English and Spanish.
//
// Time: both devices' Date is fixed (page.clock.setFixedTime) while their timers keep running, so the
// scenario time is exact (at 60x one second is one scenario minute) and moving it needs no sleeps.
import type { APIRequestContext, Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { DrillsPlayPage } from './pages/drills-play-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'public-works';
const NAME = 'Ice storm tabletop';
/** The moment the controller starts the clock: a little after the pinned time every test starts from. */
const T0 = Date.parse('2026-03-02T09:40:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

const INJECTS = [
  {
    number: 1,
    minute: 5,
    players: [],
    synopsis: 'Power lines down on Main Street',
    text: 'Dispatch reports lines down.',
  },
  {
    number: 2,
    minute: 10,
    players: ['pat'],
    synopsis: 'Shelter asks for cots',
    text: 'The shelter needs 40 cots.',
  },
  {
    number: 3,
    minute: 15,
    players: [],
    synopsis: 'Road salt runs low',
    text: 'Public works has one day of salt.',
  },
  {
    number: 4,
    minute: 30,
    players: ['pat'],
    synopsis: 'Media asks for a statement',
    text: 'Channel 5 calls.',
  },
];

describe('drills: running an exercise', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let pat: Device;
  let seedApi: APIRequestContext;
  let exerciseId = '';
  const injectIds: string[] = [];

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, {
      username: 'rita',
      password: PASSWORD,
      role: 'manager',
      departments: [DEPT],
      name: 'Rita Moreno',
    });
    addUser(server, {
      username: 'pat',
      password: PASSWORD,
      role: 'clerk',
      departments: [DEPT],
      name: 'Pat Lee',
    });
    seedApi = await apiSession(server, 'rita', PASSWORD);
    const scene = new SeedScene(DEPT);
    exerciseId = scene.add('record.create', 'exercise', {
      name: NAME,
      exerciseType: 'tabletop',
      startDate: '2026-03-02',
      status: 'planning',
      clockState: 'not_started',
      clockScenarioMinutes: 0,
      clockSpeed: 1,
      objectives: [{ id: 'o1', text: 'Open shelters within two hours', capability: 'Mass Care Services' }],
      modules: [
        { id: 'm1', title: 'Response', startsAtMinute: '0' },
        { id: 'm2', title: 'Recovery', startsAtMinute: '60' },
      ],
      participants: [
        { username: 'rita', name: 'Rita Moreno', role: 'lead_controller' },
        { username: 'pat', name: 'Pat Lee', role: 'player' },
        { username: 'zoe', name: 'Zoe Park', role: 'player' },
      ],
    });
    for (const inject of INJECTS)
      injectIds.push(
        scene.add('record.create', 'msel_inject', {
          exerciseId,
          number: inject.number,
          scenarioMinute: inject.minute,
          synopsis: inject.synopsis,
          text: inject.text,
          method: 'phone',
          players: inject.players,
          expectedAction: 'Acknowledge and decide',
          contingency: false,
        }),
      );
    await scene.push(seedApi);
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    pat = await signedInDevice(browser, server, 'pat', PASSWORD);
    await new SyncBar(rita.page).syncNow();
    await new SyncBar(pat.page).syncNow();
  });

  afterAll(async () => {
    await seedApi?.dispose();
    await browser?.close();
    await server?.stop();
  });

  it('releases injects on the player’s offline device at their scenario times; the controller sees every acknowledgement and action', async () => {
    await rita.context.clock.setFixedTime(at(0));
    await pat.context.clock.setFixedTime(at(0));
    const control = new DrillsPlayPage(rita.page);
    await control.openControl(exerciseId, NAME);
    await control.banner().getByText('EXERCISE', { exact: true }).waitFor();
    await control.clockState('Not started').waitFor();
    await control.clockButton('Start the clock');
    await control.clockState('Running at 1 times real time').waitFor();
    await control.setSpeed(60);
    await expect.poll(() => control.clockTime().innerText()).toBe('T+00:00');
    await new SyncBar(rita.page).syncNow();
    const exercise = (await serverRecords(rita.page.request)).find((r) => r.id === exerciseId)!;
    expect(exercise.fields).toMatchObject({
      status: 'running',
      clockState: 'running',
      clockAnchorAt: at(0).toISOString(),
      clockScenarioMinutes: 0,
      clockSpeed: 60,
    });

    // The player's device learns the clock, then loses the network.
    await new SyncBar(pat.page).syncNow();
    const play = new DrillsPlayPage(pat.page);
    await play.openPlay(exerciseId, NAME);
    await play.playerClock().getByText('Scenario time T+00:00 · Running at 60 times real time').waitFor();
    await pat.page
      .getByText('No injects yet. Each one appears here at its scenario time, also offline.')
      .waitFor();
    await pat.context.setOffline(true);

    // Just before T+5 nothing is shown, not even hidden in the page.
    await pat.context.clock.setFixedTime(at(4.9));
    await play
      .playerClock()
      .getByText(/^Scenario time T\+00:04 /)
      .waitFor();
    expect(await play.shownInjects()).toEqual([]);
    expect(await pat.page.getByText(INJECTS[0]!.text).count()).toBe(0);

    await pat.context.clock.setFixedTime(at(5));
    await play.playerInject(1).waitFor();
    expect(await play.shownInjects()).toEqual(['Inject 1 · T+00:05']);
    await play.liveRegion().getByText(`New inject 1: ${INJECTS[0]!.synopsis}`).waitFor();
    expect(await pat.page.getByText(INJECTS[1]!.text).count()).toBe(0);

    await pat.context.clock.setFixedTime(at(10));
    await play.playerInject(2).waitFor();
    expect(await play.shownInjects()).toEqual(['Inject 2 · T+00:10', 'Inject 1 · T+00:05']);
    await play.playerInject(2).getByText('Delivered by: phone').waitFor();
    await play.playerInject(2).getByText(INJECTS[1]!.text).waitFor();

    // Offline, the player acknowledges and logs actions; they wait on the device.
    await play.acknowledge(1);
    await play
      .playerInject(1)
      .getByText(/not yet sent$/)
      .waitFor();
    await play.logAction('Sent two crews to Main Street', 2);
    await play.logAction('Opened the EOC');
    await play
      .myAction('Sent two crews to Main Street')
      .getByText('not yet sent', { exact: false })
      .waitFor();
    await expect(play.myAction('Sent two crews to Main Street').innerText()).resolves.toMatch(
      /^About inject 2 · .*: Sent two crews to Main Street · not yet sent$/,
    );
    await expect(play.myAction('Opened the EOC').innerText()).resolves.toMatch(
      /^Not tied to an inject · .*: Opened the EOC · not yet sent$/,
    );
    expect(await play.shownInjects()).toEqual(['Inject 2 · T+00:10', 'Inject 1 · T+00:05']);

    // Back online: everything goes, and the controller sees it.
    await pat.context.setOffline(false);
    await new SyncBar(pat.page).syncNow();
    await expect.poll(() => pat.page.getByText('not yet sent', { exact: false }).count()).toBe(0);
    await rita.context.clock.setFixedTime(at(10));
    await new SyncBar(rita.page).syncNow();
    await expect.poll(() => control.clockTime().innerText()).toBe('T+00:10');
    expect(await control.stateOf(1)).toBe('State: Delivered (by the clock)');
    expect(await control.stateOf(2)).toBe('State: Delivered (by the clock)');
    expect(await control.stateOf(3)).toBe('State: Upcoming');
    await control.scheduleRow(1).getByText('Acknowledged by: Pat Lee', { exact: true }).waitFor();
    await control.scheduleRow(2).getByText('Not acknowledged yet', { exact: true }).waitFor();
    await control
      .scheduleRow(2)
      .getByText(/^Pat Lee, .*: Sent two crews to Main Street$/)
      .waitFor();
    await control.scheduleRow(2).getByText('For: Pat Lee · Delivered by: phone').waitFor();
    await rita.page
      .locator('#drills-unlinked')
      .getByText(/^Pat Lee, .*: Opened the EOC$/)
      .waitFor();
    await control.setExpected(1, 'met');
    await control.scheduleRow(1).getByText('Expected action: met', { exact: true }).waitFor();
    await rita.page
      .locator('#drills-schedule-summary')
      .getByText('2 of 4 injects delivered, 0 held, 1 acknowledged')
      .waitFor();

    // The server holds each event with who, when (the device's time) and the scenario minute.
    await new SyncBar(rita.page).syncNow();
    const events = (await serverRecords(rita.page.request)).filter((r) => r.kind === 'inject_event');
    expect(
      events
        .map((e) => [
          e.fields.action,
          e.fields.injectId ?? null,
          e.fields.byUsername,
          e.fields.scenarioMinute,
        ])
        .sort(),
    ).toEqual(
      [
        ['acknowledged', injectIds[0], 'pat', 10],
        ['player_action', injectIds[1], 'pat', 10],
        ['player_action', null, 'pat', 10],
        ['expected_met', injectIds[0], 'rita', 10],
      ].sort(),
    );
  });

  it('holds an inject from the players until released, and delivers one early', async () => {
    const control = new DrillsPlayPage(rita.page);
    await control.openControl(exerciseId, NAME);
    await control.injectAction(3, 'Hold');
    await expect.poll(() => control.stateOf(3)).toBe('State: Held (not delivered until released)');
    await control.injectAction(4, 'Deliver now');
    await expect.poll(() => control.stateOf(4)).toBe('State: Delivered early (by a controller)');
    await new SyncBar(rita.page).syncNow();

    await pat.context.clock.setFixedTime(at(16));
    await new SyncBar(pat.page).syncNow();
    const play = new DrillsPlayPage(pat.page);
    await play.openPlay(exerciseId, NAME);
    await play
      .playerClock()
      .getByText(/^Scenario time T\+00:16 /)
      .waitFor();
    await play.playerInject(4).waitFor();
    expect(await play.shownInjects()).toEqual([
      'Inject 4 · T+00:30',
      'Inject 2 · T+00:10',
      'Inject 1 · T+00:05',
    ]);
    expect(await pat.page.getByText(INJECTS[2]!.text).count()).toBe(0);

    await rita.context.clock.setFixedTime(at(16));
    await control.injectAction(3, 'Release');
    await expect.poll(() => control.stateOf(3)).toBe('State: Delivered (by the clock)');
    await new SyncBar(rita.page).syncNow();
    await new SyncBar(pat.page).syncNow();
    await play.playerInject(3).waitFor();
    expect(await play.shownInjects()).toEqual([
      'Inject 4 · T+00:30',
      'Inject 3 · T+00:15',
      'Inject 2 · T+00:10',
      'Inject 1 · T+00:05',
    ]);
  });

  it('practises offline with the simulated outage switch: no sync requests while it is on, kept across a reload', async () => {
    const play = new DrillsPlayPage(pat.page);
    await play.openPlay(exerciseId, NAME);
    const bar = new SyncBar(pat.page);
    await play.outageSwitch().check();
    await play.outageStatus().waitFor();
    // The header says the outage is simulated, and a banner says so on every screen.
    await pat.page.locator('#network-status').getByText('Offline (simulated for the exercise)').waitFor();
    await pat.page
      .getByRole('region', { name: /^EXERCISE MODE Simulated outage: this device practises offline/ })
      .waitFor();
    // Once the engine says it waits for a connection, no round is in flight: from here on, not one request.
    await bar.state('Sync waits for a connection').waitFor();
    const syncRequests: string[] = [];
    const onRequest = (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/sync')) syncRequests.push(path);
    };
    pat.context.on('request', onRequest);
    try {
      await play.logAction('Called the shelter by radio', 3);
      await play
        .myAction('Called the shelter by radio')
        .getByText('not yet sent', { exact: false })
        .waitFor();
      await bar.syncNowButton().click();
      await bar.state('Sync waits for a connection').waitFor();

      // Kept across a reload: the device still does not sync.
      await pat.page.reload();
      await play.heading(new RegExp(`: ${NAME}$`)).waitFor();
      await expect(play.outageSwitch().isChecked()).resolves.toBe(true);
      await play.outageStatus().waitFor();
      await bar.state('Sync waits for a connection').waitFor();
      await play
        .myAction('Called the shelter by radio')
        .getByText('not yet sent', { exact: false })
        .waitFor();
      expect(syncRequests).toEqual([]);

      // Turned off, the device syncs again and the server has the action.
      const pushed = pat.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/sync/push');
      await play.outageSwitch().uncheck();
      await pushed;
      await bar.waitForSynced();
      await expect.poll(() => play.outageStatus().count()).toBe(0);
      await new AppShell(pat.page).networkStatus('Online').waitFor();
    } finally {
      pat.context.off('request', onRequest);
    }
    const actions = (await serverRecords(pat.page.request)).filter(
      (r) => r.kind === 'inject_event' && r.fields.text === 'Called the shelter by radio',
    );
    expect(actions.map((r) => [r.fields.injectId, r.fields.byName])).toEqual([[injectIds[2], 'Pat Lee']]);
  });

  it('passes axe on the controller console and the player view, in English and Spanish', async () => {
    const screens: [Device, string, RegExp][] = [
      [
        rita,
        `/drills/${exerciseId}/control`,
        new RegExp(`^(Controller console|Consola de control): ${NAME}$`),
      ],
      [pat, `/drills/${exerciseId}/play`, new RegExp(`^(Player view|Vista del jugador): ${NAME}$`)],
    ];
    for (const [device, path, heading] of screens) {
      const page = new DrillsPlayPage(device.page);
      for (const language of ['en', 'es'] as const) {
        await device.page.goto(path);
        await page.heading(heading).waitFor();
        await new AppShell(device.page).language().selectOption(language);
        await page
          .banner()
          .getByText(language === 'es' ? 'EJERCICIO' : 'EXERCISE', { exact: true })
          .waitFor();
        if (language === 'es')
          await device.page.getByText(/^(Consola de control|Vista del jugador):/).waitFor();
        expect(await seriousViolations(device.page), `${language} ${path}`).toEqual([]);
      }
      await new AppShell(device.page).language().selectOption('en');
      await page.heading(heading).waitFor();
    }
    // With the simulated outage on, too (its status line and the switch).
    const play = new DrillsPlayPage(pat.page);
    await play.outageSwitch().check();
    await play.outageStatus().waitFor();
    expect(await seriousViolations(pat.page)).toEqual([]);
    await play.outageSwitch().uncheck();
  });
});
