// Page model: the Incidents print views (ICS 214, ICS 213, the blank forms), on top of the shared print
// page model: the printed activity log's rows, struck-through corrections, the hash to compare, and the
// blank rows of the paper forms.
import type { Locator } from 'playwright-core';
import { PrintPage } from './print-page';

export class IncidentPrintPage extends PrintPage {
  /** The activity log's table (block 7). */
  logTable(): Locator {
    return this.page
      .getByRole('main')
      .getByRole('table')
      .filter({
        has: this.page.getByRole('columnheader', { name: /^(Notable activities|Actividades destacadas)$/ }),
      });
  }

  /** The printed line numbers of the activity log, top to bottom. */
  async entryNumbers(): Promise<number[]> {
    const cells = await this.logTable()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-entry-number')));
    return cells.map(Number);
  }

  /** The entry's text as printed struck through (empty when it is not). */
  async struckText(entryNumber: number): Promise<string> {
    const struck = this.logTable().locator(`tr[data-entry-number="${entryNumber}"] s`);
    return (await struck.count()) === 0 ? '' : struck.innerText();
  }

  /** The log's final hash as the "Check this copy" block shows it, and the entry count beside it. */
  async checkBlock(): Promise<{ hash: string; count: string; verification: string }> {
    const section = this.page.getByRole('region', { name: /^(Check this copy|Compruebe esta copia)$/ });
    await section.getByText(/^(Verified on this device|Does not verify)/).waitFor();
    const hash = (await section.locator('[data-final-hash]').getAttribute('data-final-hash')) ?? '';
    const count = (await section.locator('[data-entry-count]').innerText()).trim();
    const verification = (
      await section.getByText(/^(Verified on this device|Does not verify)/).innerText()
    ).trim();
    return { hash, count, verification };
  }

  /** Heights in millimetres of the empty table rows of a paper form, as the page prints. */
  async blankRowHeightsMm(): Promise<number[]> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      return await this.page
        .locator('.ics-blank-rows tbody tr')
        .evaluateAll((rows) => rows.map((row) => (row.getBoundingClientRect().height * 25.4) / 96));
    } finally {
      await this.page.emulateMedia({ media: null });
    }
  }
}
