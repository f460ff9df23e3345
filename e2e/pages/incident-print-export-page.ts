// Page model: an incident's export page (/incidents/:id/export): each log's chain check, and the CSV and
// JSON downloads.
import type { Download, Locator, Page } from 'playwright-core';

export class IncidentExportPage {
  constructor(readonly page: Page) {}

  async goto(incidentId: string): Promise<void> {
    await this.page.goto(`/incidents/${incidentId}/export`);
    await this.page
      .getByRole('heading', { level: 1, name: /^(Export activity logs|Exportar registros)/ })
      .waitFor();
  }

  /** The row of a log in the "Activity logs" table. */
  logRow(name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** Waits until every log's chain has been checked; resolves to each row's cells. */
  async logRows(): Promise<string[][]> {
    const table = this.page.getByRole('main').getByRole('table');
    await table.waitFor();
    await this.page
      .getByRole('button', { name: /^(Download CSV|Descargar CSV)$/ })
      .and(this.page.locator(':enabled'))
      .waitFor();
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.children).map((cell) => (cell.textContent ?? '').trim())),
      );
  }

  async download(format: 'CSV' | 'JSON'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Download ${format}`, exact: true }).click(),
    ]);
    return download;
  }
}
