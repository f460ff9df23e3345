// Page model: "Needs attention" (changes the server refused).
import type { Locator, Page } from 'playwright-core';

export class AttentionPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByRole('link', { name: 'Needs attention', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Needs attention' }).waitFor();
  }

  /** One refused change, found by the words describing it (its h2). */
  item(what: string | RegExp): Locator {
    return this.page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: what }) });
  }

  items(): Locator {
    return this.page.getByRole('main').getByRole('list').first().getByRole('listitem');
  }

  /** The "Why" value of an item. */
  reason(item: Locator): Locator {
    return item.getByRole('term').filter({ hasText: 'Why' }).locator('xpath=following-sibling::dd[1]');
  }

  empty(): Locator {
    return this.page.getByText('Nothing needs attention.', { exact: true });
  }

  async discard(item: Locator): Promise<void> {
    await item.getByRole('button', { name: 'Discard', exact: true }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Discard change', exact: true }).click();
    await item.waitFor({ state: 'detached' });
  }

  async fix(item: Locator): Promise<void> {
    await item.getByRole('button', { name: 'Fix', exact: true }).click();
  }
}
