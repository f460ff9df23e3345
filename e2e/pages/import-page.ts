// Page model: permit import and export (/permits/import). Locators by role and label; English unless a
// method takes the words.
import type { Download, Locator, Page } from 'playwright-core';

export class ImportPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  async goto(): Promise<void> {
    await this.page.goto('/permits/import');
    await this.page
      .getByRole('heading', { level: 1, name: /^(Import and export permits|Importar y exportar permisos)$/ })
      .waitFor();
  }

  async chooseFile(file: string | { name: string; text: string }, label = 'CSV file'): Promise<void> {
    const input = this.main().getByLabel(label, { exact: true });
    await input.setInputFiles(
      typeof file === 'string'
        ? file
        : { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text, 'utf8') },
    );
  }

  /** The column select of a permit field, by its label ("Permit number (required)"). */
  column(label: string | RegExp): Locator {
    return this.main().getByLabel(label, { exact: typeof label === 'string' });
  }

  /** The listed problems of the file, as shown. */
  async problems(): Promise<string[]> {
    return this.main().locator('.import-errors li').allTextContents();
  }

  importButton(): Locator {
    return this.main().getByRole('button', { name: /^(Import|Importar) [\d.,]+ (permit|permiso)/ });
  }

  skipBox(): Locator {
    return this.main().getByRole('checkbox', { name: /^(Skip|Dejar fuera)/ });
  }

  result(): Locator {
    return this.main().locator('#import-result');
  }

  async download(button: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.main().getByRole('button', { name: button, exact: true }).click(),
    ]);
    return download;
  }
}
