// Page model: the Drills evaluation screens — observations (/drills/:id/evaluate), the hot wash, the
// after-action report (generate, edit, mark final), the improvement plan and the printed AAR/IP.
import type { Locator, Page } from 'playwright-core';
import { PrintPage } from './print-page';

export class DrillsEvaluatePage {
  constructor(readonly page: Page) {}

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  /** The EXERCISE banner's word, as text. */
  banner(): Locator {
    return this.page.getByRole('note').filter({ hasText: /EXERCISE|EJERCICIO/ });
  }

  async gotoEvaluate(id: string): Promise<void> {
    await this.page.goto(`/drills/${id}/evaluate`);
    await this.heading(/^(Observations|Observaciones): /).waitFor();
  }

  async gotoHotwash(id: string): Promise<void> {
    await this.page.goto(`/drills/${id}/hotwash`);
    await this.heading(/^(Hot wash|Evaluación en caliente): /).waitFor();
  }

  async gotoReport(id: string): Promise<void> {
    await this.page.goto(`/drills/${id}/report`);
    await this.heading(/^(After-action report|Informe posterior a la acción): /).waitFor();
  }

  async gotoPlan(id: string): Promise<void> {
    await this.page.goto(`/drills/${id}/improvement-plan`);
    await this.heading(/^(Improvement plan|Plan de mejora): /).waitFor();
  }

  /** The section of one objective in the list of observations, by its heading text. */
  objectiveSection(heading: string): Locator {
    return this.page
      .locator('.drills-eval-objective')
      .filter({ has: this.page.getByRole('heading', { name: heading, exact: true }) });
  }

  /** One observation in the list, by its text. */
  observation(text: string): Locator {
    return this.page.locator('.drills-eval-observation').filter({ hasText: text });
  }

  /** The report editor's rating select of objective n (1-based). */
  ratingSelect(n: number): Locator {
    return this.page.getByLabel(`Rating of objective ${n}`, { exact: true });
  }

  summaryBox(n: number): Locator {
    return this.page.getByLabel(`Summary of objective ${n}`, { exact: true });
  }

  reportText(
    label: 'Executive summary' | 'Exercise overview' | 'Strengths' | 'Areas for improvement',
  ): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The rows of the inject timeline on the report page: each row's cells as text. */
  async timelineRows(): Promise<string[][]> {
    return this.page
      .locator('table.drills-eval-timeline tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td')).map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }

  /** The improvement plan table's rows, each row's cells as text (the last "Change" cell left out). */
  async planRows(): Promise<string[][]> {
    return this.page.locator('table.drills-eval-plan-table tbody tr').evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td'))
          .slice(0, 8)
          .map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
  }

  /** Fills the "Add a row" (or edit) form of the improvement plan: `prefix` is plan-new or plan-edit. */
  async fillPlanRow(
    values: Partial<
      Record<
        | 'capability'
        | 'issue'
        | 'correctiveAction'
        | 'responsibleOrg'
        | 'pointOfContact'
        | 'startDate'
        | 'completionDate'
        | 'notes',
        string
      > & { capabilityElement: string; status: string }
    >,
    prefix: 'plan-new' | 'plan-edit' = 'plan-new',
  ): Promise<void> {
    for (const [field, value] of Object.entries(values)) {
      const control = this.page.locator(`#${prefix}-${field}`);
      if (field === 'capabilityElement' || field === 'status') await control.selectOption({ label: value });
      else await control.fill(value);
    }
  }

  /** Saves the add (plan-new) or edit (plan-edit) form of the improvement plan. */
  async savePlanRow(prefix: 'plan-new' | 'plan-edit' = 'plan-new'): Promise<void> {
    await this.page
      .locator('form')
      .filter({ has: this.page.locator(`#${prefix}-issue`) })
      .getByRole('button', { name: 'Save the row', exact: true })
      .click();
  }
}

export class DrillsReportPrintPage extends PrintPage {
  async gotoReport(id: string): Promise<void> {
    await this.goto(`/drills/${id}/report/print`, /^(After-Action Report|Informe posterior)/);
  }
}
