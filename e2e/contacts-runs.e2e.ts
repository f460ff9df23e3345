// Issue 6, acceptance 1, 2 and 4, with axe and the keyboard: a 3-level tree of 40 contacts seeded through
// the server; a call-down started offline on one device, attempts of every outcome recorded on two
// devices (each offline in turn), one unreachable person passed to their backup: after sync both devices
// and the server hold the same progress and attempts. The first two in line for a position unreachable:
// the third is in charge. The tree outline, call sheets and ICS 205A print every contact on the tree with
// the "as of" stamp, and the 205A carries the sensitivity marking.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactsPrintPage, ContactsRunsPage } from './pages/contacts-runs-page';
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
const DEPT = 'public-works';
const TREE = 'Public Works after hours';
const POSITION = 'Public Works Director';
const PEOPLE = 40;
const name = (i: number) => `Person ${String(i).padStart(2, '0')}`;
const phone = (i: number) => `+1802555${String(1000 + i)}`;
/** The same number as the screens and paper show it (libphonenumber-js international format). */
const shown = (i: number) => `+1 802 555 ${String(1000 + i)}`;

interface Seeded {
  treeId: string;
  contactIds: string[];
}

/**
 * 40 contacts; Person 01 at the top calls Persons 02–04, who each call twelve (05–16, 17–28, 29–40).
 * Person 06's backup caller is Person 03. Escalation after 2 attempts, to the backup. The order of
 * succession for the director is Persons 05, 06, 07. Odd people have a mobile number (personal).
 */
async function seed(server: TestServer): Promise<Seeded> {
  const api = await apiSession(server, 'rita', PASSWORD);
  const scene = new SeedScene(DEPT);
  const { add } = scene;
  const contactIds = Array.from({ length: PEOPLE }, (_, k) =>
    add('record.create', 'contact', {
      name: name(k + 1),
      position: k === 0 ? 'Duty officer' : k < 4 ? 'Crew lead' : 'Crew',
      phones: [
        { label: 'work', number: phone(k + 1), primary: true },
        ...((k + 1) % 2 ? [{ label: 'mobile', number: phone(k + 101) }] : []),
      ],
      radio: k < 4 ? `PW-${k + 1}` : undefined,
    }),
  );
  const treeId = add('record.create', 'calldown_tree', {
    name: TREE,
    escalateAfterAttempts: 2,
    escalateAfterMinutes: 30,
    escalateTo: 'backup',
  });
  const nodeIds: string[] = [];
  const node = (k: number, parent: number | null, order: number, backup?: number) => {
    nodeIds[k] = add('record.create', 'tree_node', {
      treeId,
      contactId: contactIds[k]!,
      order,
      ...(parent === null ? {} : { parentNodeId: nodeIds[parent]! }),
      ...(backup === undefined ? {} : { backupContactId: contactIds[backup]! }),
    });
  };
  node(0, null, 0);
  for (let k = 1; k <= 3; k++) node(k, 0, k);
  for (let k = 4; k < PEOPLE; k++) node(k, 1 + Math.floor((k - 4) / 12), k, k === 5 ? 2 : undefined);
  add('record.create', 'succession', { position: POSITION, contactIds: contactIds.slice(4, 7) });
  await scene.push(api);
  await api.dispose();
  return { treeId, contactIds };
}

describe('contacts: call-down runs', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let omar: Device;
  let seeded: Seeded;
  let runId = '';

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
      username: 'omar',
      password: PASSWORD,
      role: 'manager',
      departments: [DEPT],
      name: 'Omar Haddad',
    });
    seeded = await seed(server);
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    omar = await signedInDevice(browser, server, 'omar', PASSWORD);
    await new SyncBar(rita.page).syncNow();
    await new SyncBar(omar.page).syncNow();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs a call-down offline on two devices; after sync both and the server agree', async () => {
    // Rita starts the run with no network and records four outcomes.
    await rita.context.setOffline(true);
    const ritaRun = new ContactsRunsPage(rita.page);
    runId = await ritaRun.startRun(seeded.treeId, TREE, 'Report to the north yard by 22:00.', true);
    await rita.page.getByText('This call-down is an exercise, not a real activation.').waitFor();
    expect(await ritaRun.overall()).toEqual({
      people: 40,
      reached: 0,
      pending: 40,
      unreachable: 0,
      unavailable: 0,
    });
    await ritaRun.record(name(5), 'Bad number');
    await ritaRun.record(name(6), 'No answer');
    await ritaRun.record(name(6), 'Voicemail left');
    await ritaRun.record(name(8), 'Reached and confirmed');
    // Person 06 tried twice: needs escalation, in words, with the backup named.
    await ritaRun.escalateButton(`Pass to backup ${name(3)} (${name(6)})`).waitFor();
    await rita.context.setOffline(false);
    await new SyncBar(rita.page).syncNow();

    // Omar pulls the run, goes offline, records the other outcomes and passes Person 06 to the backup.
    await new SyncBar(omar.page).syncNow();
    await omar.context.setOffline(true);
    const omarRun = new ContactsRunsPage(omar.page);
    await omarRun.openRun(runId, TREE);
    await omarRun.chooseCaller(name(2));
    await omarRun.personRow(name(16)).waitFor();
    await expect(omarRun.personRow(name(17)).count()).resolves.toBe(0);
    await omarRun.record(name(9), 'Reached but unavailable');
    await omarRun.record(name(10), 'Relayed', 'Sam at the yard');
    await omarRun.record(name(11), 'No answer');
    await omarRun.escalateButton(`Pass to backup ${name(3)} (${name(6)})`).click();
    await omarRun
      .inCharge(POSITION)
      .getByText(`${POSITION}: ${name(7)}`)
      .waitFor();
    await omar.context.setOffline(false);
    await new SyncBar(omar.page).syncNow();
    await new SyncBar(rita.page).syncNow();

    const expected = { people: 40, reached: 2, pending: 35, unreachable: 2, unavailable: 1 };
    await expect.poll(() => ritaRun.overall()).toEqual(expected);
    expect(await omarRun.overall()).toEqual(expected);
    expect(await ritaRun.progressRows()).toEqual(await omarRun.progressRows());
    const lines = await ritaRun.attemptLines();
    expect(lines).toHaveLength(8);
    expect(await omarRun.attemptLines()).toEqual(lines);
    // Omar chose to act as Person 02, so his attempts and the escalation carry that caller's name.
    expect(lines.join('\n')).toContain(`${name(6)} passed to ${name(3)} by ${name(2)}`);
    expect(lines.join('\n')).toContain(`${name(9)} · Reached but unavailable · by ${name(2)}`);
    expect(lines.join('\n')).toContain(`${name(5)} · Bad number · by Rita Moreno`);
    expect(lines.join('\n')).toContain('(through Sam at the yard)');

    // The server holds the same attempts (every outcome) and the escalation.
    const records = await serverRecords(rita.page.request);
    const attempts = records.filter((r) => r.kind === 'calldown_attempt' && r.fields.runId === runId);
    expect(attempts).toHaveLength(7);
    expect(new Set(attempts.map((a) => a.fields.outcome))).toEqual(
      new Set([
        'reached_confirmed',
        'reached_unavailable',
        'voicemail',
        'no_answer',
        'bad_number',
        'relayed',
      ]),
    );
    const reports = records.filter((r) => r.kind === 'calldown_report' && r.fields.runId === runId);
    expect(reports.map((r) => [r.fields.report, r.fields.toContactId])).toEqual([
      ['escalated', seeded.contactIds[2]],
    ]);
    const run = records.find((r) => r.id === runId)!;
    expect(run.fields.exercise).toBe(true);
    expect((run.fields.plan as unknown[]).length).toBe(PEOPLE);

    // Acceptance 2: Persons 05 (bad number) and 06 (passed on) are unreachable; Person 07 is in charge.
    await ritaRun
      .inCharge(POSITION)
      .getByText(`${POSITION}: ${name(7)}`)
      .waitFor();
    await ritaRun
      .inCharge(POSITION)
      .getByText(new RegExp(`Passed over: ${name(5)} \\(Unreachable\\), ${name(6)} \\(Unreachable\\)`))
      .waitFor();
    await expect(ritaRun.badNumbers().allInnerTexts()).resolves.toEqual([`${name(5)} — ${shown(5)}`]);
  });

  it('is keyboard usable and passes axe', async () => {
    const runPage = new ContactsRunsPage(rita.page);
    // The runs list links the run and each tree's start page; the start form refuses an empty message
    // next to the field.
    await rita.page.goto('/contacts/runs');
    await runPage.heading('Call-downs').waitFor();
    // The run is an exercise: the real list leaves it out until asked for.
    await expect(rita.page.getByRole('link', { name: TREE, exact: true }).count()).resolves.toBe(0);
    await rita.page.getByLabel('Show exercise material (1)').check();
    await rita.page.getByRole('link', { name: TREE, exact: true }).waitFor();
    expect(await seriousViolations(rita.page)).toEqual([]);
    await rita.page.getByRole('link', { name: `Start a call-down of ${TREE}` }).click();
    await runPage.heading('Start a call-down').waitFor();
    await rita.page.getByText('40 people will be called.').waitFor();
    await rita.page.getByRole('button', { name: 'Start call-down' }).press('Enter');
    await rita.page.getByText('Write the message callers will read out.').waitFor();
    await expect(rita.page.getByLabel('Message (script)').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await seriousViolations(rita.page)).toEqual([]);
    await runPage.openRun(runId, TREE);
    expect(await seriousViolations(rita.page)).toEqual([]);
    const stops = await tabStops(rita.page, 200);
    expect(stops).toContain(`Record a call to ${name(12)}`);
    expect(stops).toContain(`Call ${name(12)} on ${shown(12)} (work)`);
    // Record with the keyboard only: Enter on the row's button, then Tab to an outcome.
    await rita.page.getByRole('button', { name: `Record a call to ${name(12)}`, exact: true }).focus();
    await rita.page.keyboard.press('Enter');
    const panel = runPage.recordPanel(name(12));
    await panel.waitFor();
    expect(await seriousViolations(rita.page)).toEqual([]);
    let guard = 0;
    while (guard++ < 20) {
      await rita.page.keyboard.press('Tab');
      const focused = await rita.page.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused === 'No answer') break;
    }
    await rita.page.keyboard.press('Enter');
    await panel.getByText(/No answer · by Rita Moreno/).waitFor();
    await new ContactsRunsPage(rita.page).page
      .getByRole('button', { name: `Done with ${name(12)}` })
      .press('Enter');
  });

  it('prints the tree, call sheets and ICS 205A with every contact and the as-of stamp', async () => {
    const print = new ContactsPrintPage(rita.page);
    const everyone = Array.from({ length: PEOPLE }, (_, k) => name(k + 1));
    for (const [path, heading] of [
      [`/contacts/print/trees/${seeded.treeId}`, /Call-down tree/],
      [`/contacts/print/trees/${seeded.treeId}/call-sheets`, /Call sheets/],
      [`/contacts/print/trees/${seeded.treeId}/ics205a`, /ICS 205A/],
    ] as const) {
      await print.goto(path, heading);
      expect(await seriousViolations(rita.page)).toEqual([]);
      const pdf = await print.pdf();
      const text = pdf.pages.join('\n');
      for (const person of everyone) expect(text, `${path} lists ${person}`).toContain(person);
      for (const page of pdf.pages) expect(page).toMatch(/Data as of Mar 2, 2026/);
      if (path.endsWith('ics205a')) {
        for (const page of pdf.pages) expect(page).toContain('SENSITIVE — NOT FOR PUBLIC RELEASE');
        expect(text).toContain(shown(101)); // Person 01's mobile
      }
      if (path.endsWith('call-sheets')) expect(text).toContain(`Call sheet of ${name(2)}`);
    }
    await print.goto(`/contacts/runs/${runId}/print`, /Call-down report/);
    const report = (await print.pdf()).pages.join('\n');
    expect(report).toContain('EXERCISE');
    expect(report).toContain('through Sam at the yard');
    for (const person of everyone) expect(report).toContain(person);
  });
});
