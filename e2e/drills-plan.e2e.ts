// Issue 8, planning side and acceptance 4: an exercise created with the keyboard (objectives, modules,
// participants), one started from a template with its MSEL, injects added and edited, the MSEL exported as
// CSV and imported into a new exercise giving the same injects, a malformed row reported by its row number
// with nothing imported, the printed situation manual and MSEL carrying EXERCISE, and axe on every
// planning screen in English and Spanish.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISE_TEMPLATES } from '../src/domain/drills/templates';
import { AppShell } from './pages/app-shell';
import { DrillsPage, DrillsPrintPage } from './pages/drills-page';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice } from './support/sync';
import { SyncBar } from './pages/sync-bar';

const PASSWORD = 'correct horse battery';
const power = EXERCISE_TEMPLATES[0]!;
/** A row with the objective's number dropped (an import numbers objectives in the order it meets them). */
const portable = (row: string) => row.replace(/\| \d+\. /g, '| ');

describe('drills: planning', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let drills: DrillsPage;
  let handId = '';
  let templateId = '';

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, {
      username: 'dana',
      password: PASSWORD,
      role: 'manager',
      departments: ['emergency'],
      name: 'Dana Whitfield',
    });
    browser = await launchBrowser();
    ({ page } = await signedInDevice(browser, server, 'dana', PASSWORD));
    drills = new DrillsPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates an exercise by keyboard with objectives, modules and participants', async () => {
    await drills.goto();
    await drills.banner().waitFor();
    handId = await drills.createExercise({
      name: 'Flood tabletop',
      startDate: '2026-05-04',
      hazard: 'River flood',
      scenario: 'The river crests two feet above flood stage.',
      objectives: [
        { text: 'Activate the EOC within one hour.', capability: 'Operational Coordination' },
        { text: 'Warn residents in the flood zone.', capability: 'Public Information and Warning' },
      ],
      modules: [
        { title: 'Rising water', start: 'T+00:00' },
        { title: 'Crest', start: '90' },
      ],
      participants: [
        { name: 'Omar Haddad', username: 'omar', role: 'player', organization: 'Public works' },
        { name: 'Lucía Vega', role: 'evaluator' },
      ],
    });
    await drills.banner().waitFor();
    const home = page.locator('main');
    await home.getByText('Activate the EOC within one hour.').waitFor();
    await home.getByText('Core capability: Public Information and Warning').waitFor();
    await home.getByText(/Crest — Starts T\+01:30/).waitFor();
    await page.getByRole('cell', { name: 'Omar Haddad' }).waitFor();
    await page.getByRole('cell', { name: 'Evaluator' }).waitFor();
    await page.getByText('Clock not started').waitFor();

    // Errors sit next to their field; a new objective row is removed with the keyboard.
    await page.goto(`/drills/${handId}/edit`);
    await drills.heading('Edit exercise').waitFor();
    await page.getByLabel('Exercise name').fill('');
    await page.getByRole('button', { name: 'Add an objective' }).press('Enter');
    await page.getByRole('button', { name: 'Save changes' }).press('Enter');
    await page.locator('#exercise-name-error').getByText('This is required.').waitFor();
    await page.locator('#objective-o3-text-error').getByText('Write the objective.').waitFor();
    await page.getByRole('button', { name: 'Remove Objective 3' }).press('Enter');
    await page.getByRole('button', { name: 'Move Objective 2 up' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('objective-o2-down');
    await page.getByLabel('Exercise name').fill('Flood tabletop');
    await page.getByRole('button', { name: 'Save changes' }).press('Enter');
    await drills.heading('Flood tabletop').waitFor();
    const objectives = await page.locator('.drills-objectives > li').allInnerTexts();
    expect(objectives[0]).toMatch(/^Warn residents/);
  });

  it('starts an exercise from a template and edits its MSEL', async () => {
    templateId = await drills.startFromTemplate(power.name.en);
    await page.getByText(`${power.injects.length} injects (2 contingency)`).waitFor();
    await drills.openMsel(templateId);
    const rows = await drills.mselRows();
    expect(rows).toHaveLength(power.injects.length);
    expect(rows[0]).toMatch(
      /^1 \| T\+00:00 \| Utility reports widespread outage \| Phone \| Lead controller \| Every player \| 1\. .* \| Scheduled$/,
    );
    expect(rows.filter((r) => r.endsWith('| Contingency'))).toHaveLength(2);

    await drills.saveInject({
      time: 'T+02:45',
      synopsis: 'Hospital asks for a generator',
      text: 'The hospital’s second generator failed.',
      method: 'radio',
      controller: 'Dana Whitfield',
      objective: `4. ${power.objectives[3]!.text.en}`,
      contingency: true,
    });
    await drills.saveInject(
      { time: '10', synopsis: 'Utility reports widespread outage (update)', text: 'Updated.' },
      '1',
    );
    const after = await drills.mselRows();
    expect(after).toHaveLength(power.injects.length + 1);
    expect(after[0]).toMatch(/^1 \| T\+00:10 \| Utility reports widespread outage \(update\) \|/);
    expect(after.at(-1)).toMatch(
      /^12 \| T\+02:45 \| Hospital asks for a generator \| Radio \| Dana Whitfield \| Every player \| 4\. .* \| Contingency$/,
    );
  });

  it('exports the MSEL as CSV and imports it into a new exercise with the same injects', async () => {
    await drills.openMsel(templateId);
    const before = await drills.mselRows();
    const file = await drills.exportCsv();
    expect(file.name).toBe('msel-multi-day-power-outage-tabletop-exercise.csv');
    expect(file.text.split('\r\n')[0]).toBe(
      '\uFEFFNumber,Scenario time,Module,Synopsis,Inject text,Delivery method,Responsible controller,Intended players,Expected action,Objective,Notes for evaluators,Contingency',
    );
    const emptyId = await drills.createExercise({ name: 'Imported outage', startDate: '2026-06-01' });
    await drills.openMsel(emptyId);
    await page.getByText('No injects yet.').waitFor();
    await drills.chooseCsv(file.text);
    await page.getByText(/^Ready: 12 new, 0 updated, 0 unchanged\. 3 modules and 4 objectives/).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 12 new, 0 updated.').first().waitFor();
    await expect.poll(async () => (await drills.mselRows()).length).toBe(12);
    expect((await drills.mselRows()).map(portable)).toEqual(before.map(portable));

    // Importing the same file again never duplicates: every row is already there.
    await drills.chooseCsv(file.text);
    await page.getByText(/^Ready: 0 new, 0 updated, 12 unchanged\./).waitFor();

    // The server holds the same injects for both exercises.
    await new SyncBar(page).syncNow();
    const records = await serverRecords(page.request);
    const fieldsOf = (exerciseId: string) =>
      records
        .filter((r) => r.kind === 'msel_inject' && r.fields.exerciseId === exerciseId)
        .map(({ fields: { exerciseId: _e, moduleId: _m, objectiveId: _o, ...rest } }) => rest)
        .sort((a, b) => Number(a.number) - Number(b.number));
    expect(fieldsOf(emptyId)).toEqual(fieldsOf(templateId));
    expect(fieldsOf(emptyId)).toHaveLength(12);
  });

  it('reports a malformed MSEL row by its row number and imports nothing', async () => {
    await drills.openMsel(handId);
    const csv = [
      'Number,Scenario time,Synopsis,Inject text,Delivery method,Contingency',
      '1,T+00:05,Levee seepage,Seepage at the levee,Phone,No',
      '2,T+00:75,Bad time,Text,Phone,No',
      '3,T+00:20,,No synopsis,Pigeon,No',
    ].join('\r\n');
    await drills.chooseCsv(csv);
    expect(await drills.importErrors()).toEqual([
      'Row 3: “Scenario time” is not a scenario time like T+01:30.',
      'Row 4: “Delivery method” is not a delivery method (phone, email, radio, in person, paper, video, other).',
      'Row 4: “Synopsis” is missing.',
    ]);
    await page.getByText('Nothing was imported. Fix these rows and choose the file again:').waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await page.getByText('No injects yet.').waitFor();
  });

  it('prints the situation manual and the MSEL with EXERCISE on them', async () => {
    const print = new DrillsPrintPage(page);
    await print.goto(`/drills/${templateId}/print`, /^EXERCISE – Situation manual: /);
    await drills.banner().waitFor();
    await page.getByRole('heading', { name: 'Objectives', level: 2 }).waitFor();
    expect(await page.title()).toContain('EXERCISE');
    const manual = await print.pdf();
    for (const text of manual.pages) expect(text).toContain('EXERCISE');

    await print.goto(`/drills/${templateId}/msel/print`, /^EXERCISE – MSEL: /);
    await page.getByRole('cell', { name: /Hospital asks for a generator/ }).waitFor();
    const msel = await print.pdf();
    expect(msel.pageCount).toBeGreaterThan(1);
    for (const text of msel.pages) expect(text).toContain('EXERCISE');
  });

  it('passes axe on every planning screen in English and Spanish', async () => {
    const screens: [string, RegExp][] = [
      ['/drills', /^(Drills|Simulacros)$/],
      ['/drills/new', /^(New exercise|Nuevo ejercicio)$/],
      [`/drills/${handId}/edit`, /^(Edit exercise|Editar el ejercicio)$/],
      ['/drills/templates', /^(Start from a template|Empezar con una plantilla)$/],
      [`/drills/${templateId}`, new RegExp(power.name.en)],
      [`/drills/${templateId}/msel`, /^MSEL: /],
      [`/drills/${templateId}/print`, /(Situation manual|Manual de situación)/],
      [`/drills/${templateId}/msel/print`, /^(EXERCISE|EJERCICIO) – MSEL/],
    ];
    for (const language of ['en', 'es'] as const) {
      await drills.goto();
      await new AppShell(page).language().selectOption(language);
      await drills.heading(language === 'es' ? 'Simulacros' : 'Drills').waitFor();
      for (const [path, heading] of screens) {
        await page.goto(path);
        await drills.heading(heading).waitFor();
        await drills
          .banner()
          .getByText(language === 'es' ? 'EJERCICIO' : 'EXERCISE', { exact: true })
          .waitFor();
        expect(await seriousViolations(page), `${language} ${path}`).toEqual([]);
      }
    }
    // The MSEL editor and the import errors, too.
    await page.goto(`/drills/${handId}/msel`);
    await page.getByRole('button', { name: 'Añadir un estímulo' }).click();
    await drills.chooseCsv('Número,Hora del escenario\n1,x\n');
    await page.locator('#msel-import-errors li').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await drills.goto();
    await new AppShell(page).language().selectOption('en');
  });
});
