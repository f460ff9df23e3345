// Page model: "Conflicts" (a field two devices changed at once; both values side by side).
import type { Locator, Page } from 'playwright-core';

export class ConflictsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByRole('link', { name: 'Conflicts', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Conflicts' }).waitFor();
  }

  /** The conflict cards; each has an h2 such as: Note “Culvert”, field Body. */
  cards(): Locator {
    return this.page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 2 }) });
  }

  card(noteTitle: string, field: string): Locator {
    return this.cards().filter({
      has: this.page.getByRole('heading', { level: 2, name: `Note “${noteTitle}”, field ${field}` }),
    });
  }

  /** The value shown on one side: "Kept on the server" or "Sent from a device". */
  side(card: Locator, side: 'Kept on the server' | 'Sent from a device'): Locator {
    return card.getByRole('region', { name: side });
  }

  empty(): Locator {
    return this.page.getByText('There are no conflicts.', { exact: true });
  }

  /** Picks a value and presses Resolve. `merged` types a value of one's own. */
  async resolve(card: Locator, choice: { keep: 'server' | 'device' } | { merged: string }): Promise<void> {
    if ('merged' in choice) {
      await card.getByRole('radio', { name: 'A value I type' }).check();
      await card.getByLabel('Merged value', { exact: true }).fill(choice.merged);
    } else {
      const name =
        choice.keep === 'server' ? 'The value kept on the server' : 'The value sent from the device';
      await card.getByRole('radio', { name }).check();
    }
    await card.getByRole('button', { name: 'Resolve', exact: true }).click();
  }
}
