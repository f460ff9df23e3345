// Issue 7, acceptance 2 and the browser half of acceptance 1, with the keyboard and axe: a checklist
// started offline on one device and worked on two (each offline in turn) converges after sync — both
// devices and the server show every check with who and when; the blank print view of every shipped
// template renders in English and Spanish with the same rows; the template editor works from the
// keyboard (reorder buttons, errors next to the field, a new version on each save, archive with a
// confirmation); the Checklists screens pass axe in English and Spanish.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_TEMPLATES } from '../src/domain/checklists/shipped-templates';
import { AppShell } from './pages/app-shell';
import { ChecklistPrintPage, ChecklistsPage } from './pages/checklists-page';
import { SyncBar } from './pages/sync-bar';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { tabStops } from './support/keyboard';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'public-works';
const RUN = 'Power outage at City Hall';
const power = SHIPPED_TEMPLATES.find((t) => t.key === 'power-outage')!;
const task = (k: number) => power.items[k]!.text.en;
/** "Done · Rita Moreno, Mar 2, 2026, 9:31 AM": the state, who, and when (the pinned day). */
const by = (state: string, name: string) =>
  new RegExp(`^${state} · ${name}, Mar 2, 2026, \\d{1,2}:\\d{2}\\s?[AP]M$`);

describe('checklists', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let omar: Device;
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
      role: 'clerk',
      departments: [DEPT],
      name: 'Omar Haddad',
    });
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

  it('works one checklist offline on two devices; after sync both and the server agree on who and when', async () => {
    // Rita starts the checklist with no network and checks two tasks.
    await rita.context.setOffline(true);
    const ritaRun = new ChecklistsPage(rita.page);
    runId = await ritaRun.startShipped(power.title.en, RUN);
    await expect(ritaRun.overall().innerText()).resolves.toBe(`0 of ${power.items.length} done`);
    await ritaRun.markDone(task(0));
    await ritaRun.markDone(task(1));
    expect(await ritaRun.stateOf(task(0))).toMatch(by('Done', 'Rita Moreno'));
    await rita.context.setOffline(false);
    await new SyncBar(rita.page).syncNow();

    // Omar pulls the checklist, goes offline, checks one, marks one not applicable and adds a note.
    await new SyncBar(omar.page).syncNow();
    await omar.context.setOffline(true);
    const omarRun = new ChecklistsPage(omar.page);
    await omarRun.openRun(runId, RUN);
    expect(await omarRun.stateOf(task(0))).toMatch(by('Done', 'Rita Moreno'));
    await omarRun.markDone(task(2));
    await omarRun.markNotApplicable(task(3), 'The outage is expected to last under an hour');
    await omarRun.addNote(task(0), 'Elevator 2 checked twice');

    // Meanwhile Rita, offline again, checks another task and takes one of hers back.
    await rita.context.setOffline(true);
    await ritaRun.markDone(task(4));
    await ritaRun.itemBox(task(1)).uncheck();
    await ritaRun
      .item(task(1))
      .getByText(/^Taken back by Rita Moreno/)
      .waitFor();

    await omar.context.setOffline(false);
    await rita.context.setOffline(false);
    await new SyncBar(omar.page).syncNow();
    await new SyncBar(rita.page).syncNow();
    await new SyncBar(omar.page).syncNow();

    // Both screens follow the pulled marks without a reload, and agree.
    const expected: [number, RegExp][] = [
      [0, by('Done', 'Rita Moreno')],
      [1, by('Open', 'Rita Moreno')],
      [2, by('Done', 'Omar Haddad')],
      [3, by('Not applicable', 'Omar Haddad')],
      [4, by('Done', 'Rita Moreno')],
    ];
    for (const runPage of [ritaRun, omarRun])
      for (const [k, pattern] of expected) await expect.poll(() => runPage.stateOf(task(k))).toMatch(pattern);
    for (const runPage of [ritaRun, omarRun]) {
      await runPage
        .item(task(0))
        .getByText(/^Note by Omar Haddad, Mar 2, 2026, .*: Elevator 2 checked twice$/)
        .waitFor();
      await runPage
        .item(task(3))
        .getByText('Why not applicable: The outage is expected to last under an hour')
        .waitFor();
    }
    await expect.poll(() => ritaRun.overall().innerText()).toBe(`3 of ${power.items.length} done`);
    expect(await ritaRun.progressRows()).toEqual(await omarRun.progressRows());
    for (const k of [0, 2, 3, 4]) expect(await ritaRun.stateOf(task(k))).toBe(await omarRun.stateOf(task(k)));

    // The server holds every mark, with who and when.
    const records = await serverRecords(rita.page.request);
    const run = records.find((r) => r.id === runId)!;
    expect(run.fields).toMatchObject({
      templateKey: 'power-outage',
      templateVersion: power.version,
      exercise: false,
    });
    const marks = records.filter((r) => r.kind === 'checklist_mark' && r.fields.runId === runId);
    expect(marks.map((m) => [m.fields.itemId, m.fields.action, m.fields.byName]).sort()).toEqual(
      [
        [power.items[0]!.id, 'done', 'Rita Moreno'],
        [power.items[1]!.id, 'done', 'Rita Moreno'],
        [power.items[1]!.id, 'undone', 'Rita Moreno'],
        [power.items[4]!.id, 'done', 'Rita Moreno'],
        [power.items[2]!.id, 'done', 'Omar Haddad'],
        [power.items[3]!.id, 'not_applicable', 'Omar Haddad'],
        [power.items[0]!.id, 'note', 'Omar Haddad'],
      ].sort(),
    );
    for (const mark of marks) expect(String(mark.fields.at)).toMatch(/^2026-03-02T/);

    // The list says how far the checklist is.
    await ritaRun.goto();
    await ritaRun.runEntry(RUN).getByText(`3 of ${power.items.length} done`).waitFor();

    // The filled print view shows each state with who and when, and the N/A reason.
    const print = new ChecklistPrintPage(rita.page);
    await print.goto(`/checklists/runs/${runId}/print`, new RegExp(RUN));
    const pdf = await print.pdf();
    const text = pdf.pages.join('\n');
    expect(text).toContain('Omar Haddad');
    expect(text).toContain('Why not applicable: The outage is expected to last under an hour');
    expect(text).toContain(`3 of ${power.items.length} done`);
    expect(pdf.pages[0]).toMatch(/Page 1 of \d+/);
  });

  it('prints every shipped template blank, in English and in Spanish, with the same rows', async () => {
    const print = new ChecklistPrintPage(rita.page);
    for (const template of SHIPPED_TEMPLATES) {
      const counts: number[] = [];
      for (const language of ['en', 'es'] as const) {
        await print.goto(
          `/checklists/print/template/${template.key}?lang=${language}`,
          language === 'en'
            ? `Checklist: ${template.title.en}`
            : `Lista de verificación: ${template.title.es}`,
        );
        for (const section of template.sections)
          await rita.page.getByRole('heading', { name: section.title[language], exact: true }).waitFor();
        counts.push(await print.sheetRows().count());
        await rita.page.getByText(template.items[template.items.length - 1]!.text[language]).waitFor();
      }
      expect(counts, template.key).toEqual([template.items.length, template.items.length]);
    }
    // One on paper: the Spanish power outage sheet, every task, the legend in words, page numbers.
    await print.goto('/checklists/print/template/power-outage?lang=es', /Corte de electricidad/);
    const pdf = await print.pdf();
    const text = pdf.pages.join(' ');
    expect(text).toContain('CRÍTICA');
    expect(text).toContain('Iniciales');
    expect(text).toContain('CKL-POWER-OUTAGE-ES-v1');
    expect(pdf.pages.at(-1)).toMatch(new RegExp(`Page ${pdf.pageCount} of ${pdf.pageCount}`));
  });

  it('edits a template from the keyboard: reorder, errors next to the field, versions, archive', async () => {
    const page = rita.page;
    const checklists = new ChecklistsPage(page);
    await checklists.goto();
    await page.getByRole('link', { name: `Make a copy to edit: ${power.title.en}` }).focus();
    await page.keyboard.press('Enter');
    await checklists.heading('Copy of a checklist').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Title', { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Power outage, Public Works yard');

    // Move task 2 up with the keyboard: it becomes task 1 and keeps the focus.
    const second = page.getByRole('textbox', { name: 'Task', exact: true }).nth(1);
    await expect(second.inputValue()).resolves.toBe(task(1));
    await page.getByRole('button', { name: 'Move task 2 up', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Task', exact: true }).first().inputValue())
      .toBe(task(1));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move task 1 down');

    // An empty role is refused next to its field, in plain words.
    const role = page.getByRole('textbox', { name: 'Responsible role', exact: true }).first();
    await role.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await page.getByRole('button', { name: 'Create template' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Say which role is responsible.').waitFor();
    await expect(role.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await role.focus();
    await page.keyboard.type('Yard supervisor');

    // Add a section and a task to it, by keyboard.
    await page.getByRole('button', { name: 'Add a section' }).focus();
    await page.keyboard.press('Enter');
    const sectionTitles = page.getByRole('textbox', { name: 'Section title' });
    await expect
      .poll(() =>
        page.evaluate(
          () => `${document.activeElement?.id}=${(document.activeElement as HTMLInputElement).value}`,
        ),
      )
      .toMatch(/^section-title-s\d+=$/);
    await page.keyboard.type('Yard');
    const last = power.sections.length + 1;
    await expect(sectionTitles.nth(last - 1).inputValue()).resolves.toBe('Yard');
    await page.getByRole('button', { name: 'Add a task to Yard' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^item-text-/);
    await page.keyboard.type('Fuel the yard generator');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Yard supervisor');
    await page.getByRole('button', { name: 'Create template' }).focus();
    await page.keyboard.press('Enter');
    await checklists.heading('Edit checklist template').waitFor();
    await page.getByText('Version 1', { exact: true }).waitFor();

    // Each save is a new version.
    await page.getByLabel('Title', { exact: true }).fill('Power outage, PW yard');
    await page.getByRole('button', { name: 'Save template' }).press('Enter');
    await page.getByText('Version 2', { exact: true }).waitFor();

    // Archive, after a confirmation.
    await page.getByRole('button', { name: 'Archive template' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Archive this template?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Archive template' }).press('Enter');
    await page.getByText('This template is archived: it is no longer offered to start.').waitFor();
    await checklists.goto();
    await expect(
      page.getByRole('link', { name: 'Start a checklist: Power outage, PW yard' }).count(),
    ).resolves.toBe(0);

    // A clerk sees the organization's templates read-only and cannot copy shipped ones.
    await new SyncBar(page).syncNow();
    await new SyncBar(omar.page).syncNow();
    await new ChecklistsPage(omar.page).goto();
    await expect(omar.page.getByRole('link', { name: /^Make a copy to edit/ }).count()).resolves.toBe(0);
  });

  it('is keyboard usable and passes axe in English and Spanish', async () => {
    const page = rita.page;
    const checklists = new ChecklistsPage(page);
    await checklists.openRun(runId, RUN);
    const stops = await tabStops(page, 250);
    expect(stops).toContain(`Not applicable: ${task(5)}`);
    expect(stops).toContain(`Add note: ${task(5)}`);
    expect(stops.some((stop) => stop.endsWith(task(5)))).toBe(true);
    // A not-applicable mark without a reason is refused next to the field.
    await page.getByRole('button', { name: `Not applicable: ${task(5)}`, exact: true }).press('Enter');
    await checklists.item(task(5)).getByRole('button', { name: 'Mark not applicable' }).press('Enter');
    await checklists.item(task(5)).getByText('Say why this task does not apply.').waitFor();

    const screens: [string, RegExp][] = [
      ['/checklists', /^(Checklists|Listas de verificación)$/],
      [`/checklists/runs/new?shipped=${power.key}`, /^(Start a checklist|Iniciar una lista)$/],
      [`/checklists/runs/${runId}`, new RegExp(`^${RUN}`)],
      ['/checklists/templates/new', /^(New checklist template|Nueva plantilla de lista)$/],
      [`/checklists/print/template/${power.key}`, /^(Checklist|Lista de verificación): /],
      [`/checklists/runs/${runId}/print`, new RegExp(RUN)],
    ];
    for (const language of ['en', 'es'] as const) {
      await checklists.goto();
      await new AppShell(page).language().selectOption(language);
      await checklists.heading(language === 'es' ? 'Listas de verificación' : 'Checklists').waitFor();
      for (const [path, heading] of screens) {
        await page.goto(path);
        await checklists.heading(heading).waitFor();
        expect(await seriousViolations(page), `${language} ${path}`).toEqual([]);
      }
    }
    await checklists.goto();
    await new AppShell(page).language().selectOption('en');
    await checklists.heading('Checklists').waitFor();

    // Closing asks first; a closed checklist takes no more marks.
    await checklists.openRun(runId, RUN);
    await page.getByRole('button', { name: 'Close the checklist' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Close the checklist' });
    await dialog.getByText(/^Close this checklist\?/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close the checklist' }).press('Enter');
    await page.getByText('This checklist is closed. Its record is below.').waitFor();
    await expect(checklists.itemBox(task(5)).isDisabled()).resolves.toBe(true);
    await checklists.goto();
    await page.getByRole('region', { name: 'Closed checklists' }).getByRole('link', { name: RUN }).waitFor();
  });
});
