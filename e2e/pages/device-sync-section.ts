// Page model: the Device page's "Moving changes by file" section (export, snapshot, import).
import type { Download, Locator, Page } from 'playwright-core';

export class DeviceSyncSection {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Device' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Device' }).waitFor();
  }

  section(): Locator {
    return this.page.getByRole('region', { name: 'Moving changes by file' });
  }

  /** "Export unsent changes": resolves with the downloaded file. */
  async exportUnsent(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export unsent changes', exact: true }).click();
    return download;
  }

  async exportSnapshot(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export a snapshot', exact: true }).click();
    return download;
  }

  importInput(): Locator {
    return this.page.getByLabel('Import a file', { exact: true });
  }

  /** Chooses a file for "Import a file" (a path, or a name and its text). */
  async importFile(file: string | { name: string; text: string }): Promise<void> {
    const input = this.importInput();
    await input.waitFor();
    await input.setInputFiles(
      typeof file === 'string'
        ? file
        : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text, 'utf8') },
    );
  }

  /** The result line after an export or import (role status inside the section). */
  result(): Locator {
    return this.section().getByRole('status');
  }

  /** The error shown when a file is refused. */
  error(text: string | RegExp): Locator {
    return this.section().getByText(text);
  }
}
