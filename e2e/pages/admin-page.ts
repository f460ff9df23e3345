// Page model: the administration screen.
import type { Locator, Page } from 'playwright-core';

export class AdminPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByRole('link', { name: 'Admin', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  }

  userRow(username: string): Locator {
    return this.page.getByRole('row').filter({ hasText: username });
  }
}
