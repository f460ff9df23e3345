// Page model: the Drills area's planning screens — the list (/drills), the exercise form, starting from a
// template, an exercise's home page, the MSEL (add/edit inject, CSV export and import) and the printed
// situation manual and MSEL. Other drills tests reuse `startFromTemplate`, `createExercise`, `openExercise`
// and `exerciseIdFromUrl` to get an exercise to play or evaluate.
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { PrintPage } from './print-page';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface NewExercise {
  name: string;
  startDate: string;
  hazard?: string;
  scenario?: string;
  objectives?: { text: string; capability: string }[];
  modules?: { title: string; start: string; summary?: string }[];
  participants?: { name: string; username?: string; role?: string; organization?: string }[];
}

export interface InjectInput {
  number?: string;
  time: string;
  synopsis: string;
  text: string;
  method?: string;
  controller?: string;
  objective?: string;
  contingency?: boolean;
}

export class DrillsPage {
  constructor(readonly page: Page) {}

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  /** The EXERCISE banner's words (EXERCISE or EJERCICIO), as text. */
  banner(): Locator {
    return this.page
      .getByRole('note')
      .filter({ hasText: /EXERCISE|EJERCICIO/ })
      .first();
  }

  async goto(): Promise<void> {
    await this.page.goto('/drills');
    await this.heading(/^(Drills|Simulacros)$/).waitFor();
  }

  /** The id in /drills/<id>… of the current page. */
  exerciseIdFromUrl(): string {
    return new URL(this.page.url()).pathname.split('/')[2]!;
  }

  async openExercise(id: string, name: string): Promise<void> {
    await this.page.goto(`/drills/${id}`);
    await this.heading(name).waitFor();
  }

  /** "Start from a template" in the given language; resolves to the new exercise's id. */
  async startFromTemplate(templateName: string, language: 'en' | 'es' = 'en'): Promise<string> {
    await this.page.goto('/drills/templates');
    await this.heading(/^(Start from a template|Empezar con una plantilla)$/).waitFor();
    await this.page.getByLabel(/^(Language of the exercise|Idioma del ejercicio)$/).selectOption(language);
    await this.page
      .getByRole('button', {
        name: new RegExp(`^(Start this exercise|Empezar este ejercicio): ${escape(templateName)}$`),
      })
      .click();
    await this.heading(templateName).waitFor();
    return this.exerciseIdFromUrl();
  }

  /** Fills the new-exercise form with the keyboard only (typing, Tab, Enter) and saves; resolves to its id. */
  async createExercise(input: NewExercise): Promise<string> {
    const page = this.page;
    await page.goto('/drills/new');
    await this.heading('New exercise').waitFor();
    await page.getByLabel('Exercise name').focus();
    await page.keyboard.type(input.name);
    await page.getByLabel('Start date').fill(input.startDate);
    if (input.hazard) await page.getByLabel('Threat or hazard').fill(input.hazard);
    if (input.scenario) await page.getByLabel('Scenario narrative').fill(input.scenario);
    for (const [i, o] of (input.objectives ?? []).entries()) {
      await page.getByRole('button', { name: 'Add an objective' }).press('Enter');
      const row = page.getByRole('group', { name: `Objective ${i + 1}`, exact: true });
      await expect(row.getByLabel('Objective', { exact: true })).focused();
      await page.keyboard.type(o.text);
      await page.keyboard.press('Tab');
      await page.keyboard.type(o.capability);
    }
    for (const [i, m] of (input.modules ?? []).entries()) {
      await page.getByRole('button', { name: 'Add a module' }).press('Enter');
      const row = page.getByRole('group', { name: `Module ${i + 1}`, exact: true });
      await page.keyboard.type(m.title);
      await row.getByLabel(/^Starts at/).fill(m.start);
      if (m.summary) await row.getByLabel('Summary').fill(m.summary);
    }
    for (const [i, p] of (input.participants ?? []).entries()) {
      await page.getByRole('button', { name: 'Add a participant' }).press('Enter');
      const row = page.getByRole('group', { name: `Participant ${i + 1}`, exact: true });
      await page.keyboard.type(p.name);
      if (p.role) await row.getByLabel('Role').selectOption(p.role);
      if (p.username) await row.getByLabel('Holdfast username').fill(p.username);
      if (p.organization) await row.getByLabel('Organization').fill(p.organization);
    }
    await page.getByRole('button', { name: 'Create the exercise' }).press('Enter');
    await this.heading(input.name).waitFor();
    return this.exerciseIdFromUrl();
  }

  async openMsel(id: string): Promise<void> {
    await this.page.goto(`/drills/${id}/msel`);
    await this.heading(/^MSEL: /).waitFor();
  }

  /** The MSEL table's body rows, each as its cells' text joined by " | ". */
  async mselRows(): Promise<string[]> {
    const rows = this.page.locator('table.drills-msel-table tbody tr');
    return (await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('th, td'))
          .filter((cell) => !cell.querySelector('button'))
          .map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
          .join(' | '),
      ),
    )) as string[];
  }

  /** Adds an inject (or edits inject `editNumber`) through the MSEL form. */
  async saveInject(input: InjectInput, editNumber?: string): Promise<void> {
    const page = this.page;
    if (editNumber)
      await page.getByRole('button', { name: `Edit inject ${editNumber}`, exact: true }).click();
    else await page.getByRole('button', { name: 'Add an inject' }).click();
    const form = page.locator('.drills-inject-editor');
    if (input.number) await form.getByLabel('Inject number').fill(input.number);
    await form.getByLabel('Scenario time').fill(input.time);
    await form.getByLabel('Synopsis').fill(input.synopsis);
    await form.getByLabel(/^Inject text/).fill(input.text);
    if (input.method) await form.getByLabel('Delivery method').selectOption(input.method);
    if (input.controller) await form.getByLabel('Responsible controller').fill(input.controller);
    if (input.objective)
      await form.getByLabel('Objective', { exact: true }).selectOption({ label: input.objective });
    if (input.contingency !== undefined)
      await form.getByLabel(/^Contingency inject/).setChecked(input.contingency);
    await form.getByRole('button', { name: 'Save the inject' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: /^(Export the MSEL as CSV|Exportar la MSEL en CSV)$/ }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await textOf(download) };
  }

  /** Chooses a CSV file to import; the plan or the errors show up. */
  async chooseCsv(text: string, name = 'msel.csv'): Promise<void> {
    await this.page
      .getByLabel(/^(CSV file|Archivo CSV)$/)
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }

  /** The import's errors, one per line ("Row 3: …"). */
  async importErrors(): Promise<string[]> {
    const list = this.page.locator('#msel-import-errors li');
    await list.first().waitFor();
    return list.allInnerTexts();
  }

  async importCsv(text: string): Promise<void> {
    await this.chooseCsv(text);
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await this.page
      .getByText(/^Imported: /)
      .first()
      .waitFor();
  }
}

const textOf = async (download: Download): Promise<string> => readFile((await download.path()) ?? '', 'utf8');

/** A tiny expect for focus without importing vitest into the page model. */
const expect = (locator: Locator) => ({
  focused: async () => {
    await locator
      .page()
      .waitForFunction((el) => el === document.activeElement, await locator.elementHandle());
  },
});

/** The printed situation manual and MSEL. */
export class DrillsPrintPage extends PrintPage {}
