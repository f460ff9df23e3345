// Page model: the Device page (storage health, version, device id).
import type { Locator, Page } from 'playwright-core';

export class DevicePage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Device' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Device' }).waitFor();
  }

  /** The value shown for a labelled item in the page's description lists. */
  value(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}
