// Page model: the Checklists area — the list (/checklists), starting a checklist, the run page (mark
// done, not applicable with a reason, notes, undo, progress per phase), the template editor and the
// checklist print views through the shared print page model.
import type { Locator, Page } from 'playwright-core';
import { PrintPage } from './print-page';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ChecklistsPage {
  constructor(readonly page: Page) {}

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/checklists');
    await this.heading(/^(Checklists|Listas de verificación)$/).waitFor();
  }

  /** A run in the list, by its title link. */
  runLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  /** The list entry of a run ("Outage · EXERCISE · 3 of 20 done · started …"). */
  runEntry(title: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.runLink(title) });
  }

  /** Starts a checklist from a shipped template (from the list), offline or not; resolves to the run id. */
  async startShipped(
    templateTitle: string,
    runTitle: string,
    opts: { exercise?: boolean } = {},
  ): Promise<string> {
    await this.goto();
    await this.page.getByRole('link', { name: `Start a checklist: ${templateTitle}`, exact: true }).click();
    await this.heading('Start a checklist').waitFor();
    await this.page.getByLabel('Title', { exact: true }).fill(runTitle);
    if (opts.exercise) await this.page.getByLabel('This is an exercise').check();
    await this.page.getByRole('button', { name: 'Start the checklist' }).click();
    await this.heading(new RegExp(`^${escape(runTitle)}`)).waitFor();
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }

  async openRun(runId: string, title: string): Promise<void> {
    await this.page.goto(`/checklists/runs/${runId}`);
    await this.heading(new RegExp(`^${escape(title)}`)).waitFor();
  }

  /** An item's box, by its task text. */
  itemBox(text: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`${escape(text)}$`) });
  }

  /** The item's entry on the run page (its box, who and when, reason, notes, buttons). */
  item(text: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.itemBox(text) });
  }

  async markDone(text: string): Promise<void> {
    await this.itemBox(text).check();
    await this.item(text)
      .getByText(/^Done · /)
      .waitFor();
  }

  async markNotApplicable(text: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: `Not applicable: ${text}`, exact: true }).click();
    await this.item(text).getByLabel('Why does this not apply?').fill(reason);
    await this.item(text).getByRole('button', { name: 'Mark not applicable' }).click();
    await this.item(text).getByText(`Why not applicable: ${reason}`).waitFor();
  }

  async addNote(text: string, note: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add note: ${text}`, exact: true }).click();
    await this.item(text).getByLabel('Note', { exact: true }).fill(note);
    await this.item(text).getByRole('button', { name: 'Save note' }).click();
    await this.item(text)
      .getByText(new RegExp(`: ${escape(note)}$`))
      .waitFor();
  }

  /** The state line of an item: "Done · Rita Moreno, Mar 2, 2026, 9:31 AM", or "Open". */
  async stateOf(text: string): Promise<string> {
    return (await this.item(text).locator('p[id^="state-"]').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** The overall progress line ("3 of 20 done — …"). */
  overall(): Locator {
    return this.page
      .getByRole('region', { name: /^(Progress|Avance)$/ })
      .getByText(/ of \d+ done| de \d+ hechas/)
      .first();
  }

  /** The progress table's rows as text (one per phase, then "All phases"). */
  async progressRows(): Promise<string[]> {
    const table = this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: /^(Phase|Fase)$/ }) });
    return (await table.locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }
}

/** The checklist print views (blank template, filled run) with their PDF. */
export class ChecklistPrintPage extends PrintPage {
  /** Item rows of the printed sheet (every section's table body rows). */
  sheetRows(): Locator {
    return this.page.locator('table tbody tr');
  }
}
