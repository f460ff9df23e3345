// Issue 8, acceptance 3 and the evaluation screens, with the keyboard and axe: an exercise with objectives,
// injects, inject events (delivered by the clock and early, acknowledged, players' actions) and observations
// is set from another desk; an evaluator records an observation by keyboard offline (the one she wrote is
// hers to edit); a player gives hot-wash feedback; the manager generates the after-action report's draft
// (each objective's most severe rating suggested), edits it, adds improvement plan rows (one offered from the
// report's areas for improvement), tracks one to "In progress", exports the plan as CSV, marks the report
// final and prints the AAR/IP to PDF: the overview, each objective with its rating in letter and words,
// the inject timeline with the players' actions, the plan rows, and EXERCISE on every page. Axe, EN and ES.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { DrillsEvaluatePage, DrillsReportPrintPage } from './pages/drills-evaluate-page';
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
const NAME = 'Blackout 2026 tabletop';
const OBJECTIVES = [
  { id: 'obj-eoc', text: 'Activate the EOC within one hour', capability: 'Operational Coordination' },
  {
    id: 'obj-warn',
    text: 'Warn the public in English and Spanish',
    capability: 'Public Information and Warning',
  },
  { id: 'obj-water', text: 'Keep drinking water flowing', capability: 'Infrastructure Systems' },
];
const heading = (n: number) => {
  const o = OBJECTIVES[n - 1]!;
  return `${n}. ${o.text} (${o.capability})`;
};

interface Seeded {
  exerciseId: string;
  injects: string[];
}

async function seed(api: APIRequestContext): Promise<Seeded> {
  const scene = new SeedScene(DEPT, '2026-03-02T09:00:00.000Z');
  const { add } = scene;
  const exerciseId = add('record.create', 'exercise', {
    name: NAME,
    exerciseType: 'tabletop',
    startDate: '2026-03-02',
    endDate: '2026-03-03',
    scope: 'City departments and the EOC',
    hazard: 'Multi-day power outage',
    scenario: 'An ice storm takes the regional grid down for three days.',
    sponsor: 'Office of the City Manager',
    pointOfContact: 'Rita Moreno, 555-0100',
    objectives: OBJECTIVES,
    participants: [
      {
        username: 'rita',
        name: 'Rita Moreno',
        role: 'lead_controller',
        organization: 'Emergency Management',
      },
      { username: 'omar', name: 'Omar Haddad', role: 'player', organization: 'Public Works' },
      { username: 'ines', name: 'Ines Ortega', role: 'evaluator' },
    ],
    status: 'ended',
    clockState: 'ended',
    clockAnchorAt: '2026-03-02T11:00:00.000Z',
    clockScenarioMinutes: 120,
    clockSpeed: 1,
  });
  const inject = (number: number, scenarioMinute: number, synopsis: string, objectiveId: string) =>
    add('record.create', 'msel_inject', {
      exerciseId,
      number,
      scenarioMinute,
      synopsis,
      text: `${synopsis}. What do you do?`,
      method: 'phone',
      players: ['omar'],
      expectedAction: 'Report to the EOC',
      objectiveId,
    });
  const injects = [
    inject(1, 0, 'The grid goes down citywide', 'obj-eoc'),
    inject(2, 45, 'Rumours of unsafe tap water spread', 'obj-warn'),
    inject(3, 90, 'The water plant’s generator fails', 'obj-water'),
  ];
  const event = (fields: object) => add('entry.append', 'inject_event', { exerciseId, ...fields });
  event({
    injectId: injects[0],
    action: 'acknowledged',
    at: '2026-03-02T09:02:00.000Z',
    scenarioMinute: 2,
    byName: 'Omar Haddad',
    byUsername: 'omar',
  });
  event({
    injectId: injects[0],
    action: 'player_action',
    text: 'Opened the EOC and started the call-down',
    at: '2026-03-02T09:10:00.000Z',
    scenarioMinute: 10,
    byName: 'Omar Haddad',
    byUsername: 'omar',
  });
  event({
    injectId: injects[1],
    action: 'delivered_early',
    at: '2026-03-02T09:20:00.000Z',
    scenarioMinute: 20,
    byName: 'Rita Moreno',
    byUsername: 'rita',
  });
  event({
    injectId: injects[1],
    action: 'acknowledged',
    at: '2026-03-02T09:22:00.000Z',
    scenarioMinute: 22,
    byName: 'Omar Haddad',
    byUsername: 'omar',
  });
  event({
    injectId: injects[1],
    action: 'player_action',
    text: 'Drafted a boil-water notice',
    at: '2026-03-02T09:30:00.000Z',
    scenarioMinute: 30,
    byName: 'Omar Haddad',
    byUsername: 'omar',
  });
  event({
    injectId: injects[2],
    action: 'acknowledged',
    at: '2026-03-02T10:31:00.000Z',
    scenarioMinute: 91,
    byName: 'Omar Haddad',
    byUsername: 'omar',
  });
  const observation = (fields: object) =>
    add('record.create', 'exercise_observation', { exerciseId, byName: 'Ines Ortega', ...fields });
  observation({
    objectiveId: 'obj-eoc',
    injectId: injects[0],
    rating: 'S',
    text: 'The EOC opened in 50 minutes',
    strength: 'The call-down reached every section chief',
    at: '2026-03-02T09:50:00.000Z',
  });
  observation({
    objectiveId: 'obj-eoc',
    rating: 'M',
    text: 'Nobody could find the generator keys',
    areaForImprovement: 'Generator keys are not where the plan says',
    rootCause: 'The key box moved in the 2025 renovation',
    at: '2026-03-02T10:00:00.000Z',
  });
  observation({
    objectiveId: 'obj-warn',
    injectId: injects[1],
    rating: 'P',
    text: 'The notice went out in both languages',
    strength: 'Bilingual templates were ready',
    at: '2026-03-02T09:40:00.000Z',
  });
  await scene.push(api);
  return { exerciseId, injects };
}

describe('drills: evaluation, hot wash, after-action report and improvement plan', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let ines: Device;
  let omar: Device;
  let seeded: Seeded;

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
      username: 'ines',
      password: PASSWORD,
      role: 'clerk',
      departments: [DEPT],
      name: 'Ines Ortega',
    });
    addUser(server, {
      username: 'omar',
      password: PASSWORD,
      role: 'field',
      departments: [DEPT],
      name: 'Omar Haddad',
    });
    const api = await apiSession(server, 'rita', PASSWORD);
    seeded = await seed(api);
    await api.dispose();
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    ines = await signedInDevice(browser, server, 'ines', PASSWORD);
    omar = await signedInDevice(browser, server, 'omar', PASSWORD);
    for (const device of [rita, ines, omar]) await new SyncBar(device.page).syncNow();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an evaluator records an observation by keyboard, offline, and may edit only her own', async () => {
    const page = ines.page;
    const evaluate = new DrillsEvaluatePage(page);
    await ines.context.setOffline(true);
    await evaluate.gotoEvaluate(seeded.exerciseId);
    await evaluate.banner().getByText('EXERCISE', { exact: true }).waitFor();
    await evaluate.observation('Nobody could find the generator keys').waitFor();
    // Seeded observations were pushed by Rita: not Ines's to edit.
    await expect(
      evaluate.observation('Nobody could find the generator keys').getByRole('button').count(),
    ).resolves.toBe(0);

    // Saving with nothing chosen says what is missing, next to each field.
    await page.locator('#observation-new-objectiveId').focus();
    await page.getByRole('button', { name: 'Save the observation' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Choose the objective this observation is about.').waitFor();
    await page.getByText('Choose a rating.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('observation-new-objectiveId');

    // Objective 3 by arrow keys, no inject, then the rating radios: U by arrows (with its words).
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#observation-new-objectiveId').inputValue()).resolves.toBe('obj-water');
    await page.keyboard.press('Tab'); // inject
    await page.keyboard.press('Tab'); // the first rating
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(
      page.getByRole('radio', { name: 'U — Unable to be performed', exact: true }).isChecked(),
    ).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('The water plant could not run without its generator');
    await page.keyboard.press('Tab'); // strength
    await page.keyboard.press('Tab');
    await page.keyboard.type('No fuel contract for the water plant generator');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The contract lapsed in 2025');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Save the observation',
    );
    await page.keyboard.press('Enter');
    const mine = evaluate.observation('The water plant could not run without its generator');
    await mine.getByText('U — Unable to be performed').waitFor();
    await mine.getByText('Not yet sent').waitFor();
    await evaluate.objectiveSection(heading(3)).getByText('1 observation', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Her own is hers to edit: change the wording.
    const item = page.locator(`[data-observation="${await mine.getAttribute('data-observation')}"]`);
    await mine.getByRole('button', { name: /^Edit observation: / }).click();
    const box = item.getByLabel('Observation', { exact: true });
    await expect(box.inputValue()).resolves.toBe('The water plant could not run without its generator');
    await box.fill('The water plant could not run without its backup generator');
    await item.getByRole('button', { name: 'Save the observation' }).click();
    await evaluate.observation('without its backup generator').waitFor();

    await ines.context.setOffline(false);
    await new SyncBar(page).syncNow();
    const records = await serverRecords(page.request);
    const saved = records.find(
      (r) => r.kind === 'exercise_observation' && r.fields.objectiveId === 'obj-water',
    )!;
    expect(saved.fields).toMatchObject({
      rating: 'U',
      byName: 'Ines Ortega',
      text: 'The water plant could not run without its backup generator',
      areaForImprovement: 'No fuel contract for the water plant generator',
      rootCause: 'The contract lapsed in 2025',
    });
  });

  it('a participant gives hot-wash feedback', async () => {
    const page = omar.page;
    const hotwash = new DrillsEvaluatePage(page);
    await hotwash.gotoHotwash(seeded.exerciseId);
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Omar Haddad');
    await page.getByRole('button', { name: 'Save my feedback' }).click();
    await page.getByText('Write at least one of the three answers.').waitFor();
    await page.getByLabel('Your role in the exercise').selectOption({ label: 'Player' });
    await page.getByLabel('What went well').fill('The call-down was fast');
    await page.getByLabel('What to improve').fill('We need printed maps of the water system');
    await page.getByRole('button', { name: 'Save my feedback' }).click();
    const entry = page.locator('.drills-eval-hotwash').filter({ hasText: 'Omar Haddad (Player)' });
    await entry.getByText('We need printed maps of the water system').waitFor();
    await expect(page.getByLabel('What went well').inputValue()).resolves.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await new SyncBar(page).syncNow();
  });

  it('generates the AAR draft, edits it, builds the improvement plan and prints the AAR/IP', async () => {
    const page = rita.page;
    await new SyncBar(page).syncNow();
    const report = new DrillsEvaluatePage(page);
    await report.gotoReport(seeded.exerciseId);
    await page.getByText('No after-action report has been drafted yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The live timeline: by the clock or early, who acknowledged, the players' actions.
    const rows = await report.timelineRows();
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['1', 'T+00:00', 'The grid goes down citywide', 'By the clock at T+00:00'],
      [
        '2',
        'T+00:45',
        'Rumours of unsafe tap water spread',
        expect.stringMatching(/^Early, .* \(at T\+00:20\)$/),
      ],
      ['3', 'T+01:30', 'The water plant’s generator fails', 'By the clock at T+01:30'],
    ]);
    expect(rows[0]![4]).toMatch(/^Omar Haddad, /);
    expect(rows[0]![5]).toMatch(/Omar Haddad, .*: Opened the EOC and started the call-down$/);
    expect(rows[2]![5]).toBe('None recorded');
    await page.getByText('We need printed maps of the water system').waitFor();

    // Generate the draft: the overview from the record; each objective the most severe rating observed.
    await page.getByRole('button', { name: 'Generate the draft' }).click();
    await report.ratingSelect(1).waitFor();
    const overview = await report.reportText('Exercise overview').inputValue();
    expect(overview).toContain(`Exercise name: ${NAME}`);
    expect(overview).toContain('Type of exercise: Tabletop');
    expect(overview).toContain('Threat or hazard: Multi-day power outage');
    expect(overview).toContain('- Omar Haddad, Player, Public Works');
    expect(overview).toContain(heading(2));
    expect(await Promise.all([1, 2, 3].map((n) => report.ratingSelect(n).inputValue()))).toEqual([
      'M',
      'P',
      'U',
    ]);
    await expect(report.summaryBox(1).inputValue()).resolves.toContain('2 observations (1 S, 1 M).');
    await expect(report.reportText('Areas for improvement').inputValue()).resolves.toContain(
      '- Generator keys are not where the plan says. Root cause: The key box moved in the 2025 renovation (Ines Ortega)',
    );
    await expect(report.reportText('Strengths').inputValue()).resolves.toContain(
      '- Bilingual templates were ready (Ines Ortega)',
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Edit: objective 2 down to S with a reason; a sentence in the executive summary.
    await report.ratingSelect(2).selectOption('S');
    await report.summaryBox(2).fill('Messages went out, but the Spanish one was 20 minutes late.');
    const summary = report.reportText('Executive summary');
    await summary.fill(`${await summary.inputValue()} The city is ready to publish its warnings faster.`);
    await page.getByRole('button', { name: 'Save the report' }).click();
    await page.getByText('Report saved.').waitFor();
    await new SyncBar(page).syncNow();
    const saved = (await serverRecords(page.request)).find((r) => r.kind === 'after_action_report');
    expect(saved?.fields.objectiveRatings).toEqual([
      expect.objectContaining({ objectiveId: 'obj-eoc', rating: 'M' }),
      {
        objectiveId: 'obj-warn',
        rating: 'S',
        summary: 'Messages went out, but the Spanish one was 20 minutes late.',
      },
      expect.objectContaining({ objectiveId: 'obj-water', rating: 'U' }),
    ]);

    // The improvement plan: one row offered from the report's areas for improvement, one typed in.
    const plan = new DrillsEvaluatePage(page);
    await plan.gotoPlan(seeded.exerciseId);
    await page.getByText('No rows yet.').waitFor();
    const offer = page.getByRole('button', {
      name: /^Add to the plan: Generator keys are not where the plan says/,
    });
    await offer.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('plan-new-correctiveAction');
    await expect(page.locator('#plan-new-capability').inputValue()).resolves.toBe('Operational Coordination');
    await plan.fillPlanRow({
      correctiveAction: 'Label the key box and list it in the EOC plan',
      capabilityElement: 'Planning',
      responsibleOrg: 'Emergency Management',
      pointOfContact: 'Rita Moreno',
      startDate: '2026-03-10',
      completionDate: '2026-04-30',
    });
    await plan.savePlanRow();
    await page.getByRole('cell', { name: 'Label the key box and list it in the EOC plan' }).waitFor();

    // A required field left empty is refused next to it.
    await plan.fillPlanRow({
      capability: 'Infrastructure Systems',
      issue: 'No fuel contract for the water plant generator',
    });
    await plan.savePlanRow();
    await page.locator('#plan-new-correctiveAction-error').getByText('Required.').waitFor();
    await plan.fillPlanRow({
      correctiveAction: 'Sign a standing fuel contract with two suppliers',
      capabilityElement: 'Equipment',
      responsibleOrg: 'Public Works',
      pointOfContact: 'Omar Haddad',
      startDate: '2026-03-15',
      completionDate: '2026-06-30',
    });
    await plan.savePlanRow();
    await page.getByRole('rowheader', { name: 'No fuel contract for the water plant generator' }).waitFor();

    // Track a row: In progress.
    await page.getByRole('button', { name: 'Edit: No fuel contract for the water plant generator' }).click();
    await plan.fillPlanRow({ status: 'In progress' }, 'plan-edit');
    await plan.savePlanRow('plan-edit');
    await page.getByText('0 of 2 done, 1 open, 1 in progress, 0 cancelled').waitFor();
    const planRows = await plan.planRows();
    expect(planRows).toEqual([
      [
        'Operational Coordination',
        'Generator keys are not where the plan says. Root cause: The key box moved in the 2025 renovation',
        'Label the key box and list it in the EOC plan',
        'Planning',
        'Emergency Management',
        'Rita Moreno',
        'Mar 10, 2026',
        'Apr 30, 2026',
      ],
      [
        'Infrastructure Systems',
        'No fuel contract for the water plant generator',
        'Sign a standing fuel contract with two suppliers',
        'Equipment',
        'Public Works',
        'Omar Haddad',
        'Mar 15, 2026',
        'Jun 30, 2026',
      ],
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    // Export as CSV: the headers and the rows, statuses in words.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('EXERCISE-improvement-plan-blackout-2026-tabletop.csv');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data.map((r) => [r['Core capability'], r['Status'], r['Completion date']])).toEqual([
      ['Operational Coordination', 'Open', '2026-04-30'],
      ['Infrastructure Systems', 'In progress', '2026-06-30'],
    ]);

    // Mark the report final.
    await report.gotoReport(seeded.exerciseId);
    await page.getByRole('button', { name: 'Mark final' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark final' }).click();
    await page.getByText('Status: Final').waitFor();
    await page.getByRole('button', { name: 'Return to draft' }).waitFor();

    // The AAR/IP as one JSON file: labelled, the final report, its ratings, the timeline and the plan.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the AAR/IP (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('EXERCISE-aar-ip-blackout-2026-tabletop.json');
    const exported = JSON.parse(await readFile((await json.path()) ?? '', 'utf8')) as {
      label: string;
      report: { status: string; objectiveRatings: { objectiveId: string; rating: string }[] };
      timeline: { inject: { number: number }; actions: unknown[] }[];
      improvementPlan: { capability: string; status: string }[];
    };
    expect(exported.label).toBe('EXERCISE EXERCISE EXERCISE');
    expect(exported.report.status).toBe('final');
    expect(exported.report.objectiveRatings.map((r) => r.objectiveId)).toEqual(OBJECTIVES.map((o) => o.id));
    expect(exported.timeline.length).toBe(seeded.injects.length);
    expect(exported.improvementPlan.map((row) => row.status)).toContain('in_progress');

    // The printed AAR/IP.
    const print = new DrillsReportPrintPage(page);
    await print.gotoReport(seeded.exerciseId);
    expect(await seriousViolations(page)).toEqual([]);
    const pdf = await print.pdf();
    const text = pdf.pages.join('\n');
    pdf.pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(`EXERCISE · AAR/IP: ${NAME}`);
      expect(p).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
    });
    expect(pdf.sizes[0]).toEqual([792, 612]);
    expect(text).toContain(`Exercise name: ${NAME}`);
    expect(text).toContain('Scenario: An ice storm takes the regional grid down for three days.');
    expect(text).toContain('Point of contact: Rita Moreno, 555-0100');
    expect(text).toContain('The city is ready to publish its warnings faster.');
    for (const [n, rating] of [
      [1, 'M — Performed with major challenges'],
      [2, 'S — Performed with some challenges'],
      [3, 'U — Unable to be performed'],
    ] as const) {
      const o = OBJECTIVES[n - 1]!;
      expect(text).toMatch(new RegExp(`${n}\\. ${o.text} \\(${o.capability}\\) ${rating}`));
    }
    for (const line of [
      'T+00:00 The grid goes down citywide By the clock at T+00:00',
      'Opened the EOC and started the call-down',
      'T+00:45 Rumours of unsafe tap water spread Early,',
      '(at T+00:20)',
      'Drafted a boil-water notice',
      'T+01:30 The water plant’s generator fails',
      'The water plant could not run without its backup generator',
      'Label the key box and list it in the EOC plan',
      'Sign a standing fuel contract with two suppliers',
      'In progress',
    ])
      expect(text).toContain(line);
  });

  it('passes axe on every evaluation screen in English and Spanish', async () => {
    const page = rita.page;
    const screens = ['evaluate', 'hotwash', 'report', 'improvement-plan', 'report/print'];
    for (const language of ['en', 'es'] as const) {
      await page.goto(`/drills/${seeded.exerciseId}/evaluate`);
      await new AppShell(page).language().selectOption(language);
      await page
        .getByRole('heading', { level: 1, name: language === 'es' ? /^Observaciones: / : /^Observations: / })
        .waitFor();
      for (const screen of screens) {
        await page.goto(`/drills/${seeded.exerciseId}/${screen}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page
          .getByText(language === 'es' ? 'EJERCICIO' : 'EXERCISE', { exact: true })
          .first()
          .waitFor();
        expect(await seriousViolations(page), `${language} ${screen}`).toEqual([]);
      }
    }
    await new AppShell(page).language().selectOption('en');
  });
});
