// Page model: the sync bar on every page (state, unsent count, the two inboxes, "Sync now").
import type { Locator, Page } from 'playwright-core';

export class SyncBar {
  constructor(readonly page: Page) {}

  syncNowButton(): Locator {
    return this.page.getByRole('button', { name: 'Sync now', exact: true });
  }

  /** The state word: "Synced", "Sync paused", "Sync waits for a connection"… */
  state(text: string): Locator {
    return this.page.getByRole('banner').getByText(text, { exact: true });
  }

  /** "All changes sent" or "N changes not yet sent". */
  unsent(): Locator {
    return this.page.getByRole('banner').getByText(/^(All changes sent|\d+ changes? not yet sent)$/);
  }

  attentionLink(): Locator {
    return this.page.getByRole('link', { name: 'Needs attention', exact: true });
  }

  conflictsLink(): Locator {
    return this.page.getByRole('link', { name: 'Conflicts', exact: true });
  }

  /** The "(n)" shown after an inbox link. */
  attentionCount(): Locator {
    return this.attentionLink().locator('xpath=following-sibling::span[1]');
  }

  conflictsCount(): Locator {
    return this.conflictsLink().locator('xpath=following-sibling::span[1]');
  }

  async waitForCounts(counts: { attention?: number; conflicts?: number }): Promise<void> {
    if (counts.attention !== undefined)
      await this.attentionCount().getByText(`(${counts.attention})`, { exact: true }).waitFor();
    if (counts.conflicts !== undefined)
      await this.conflictsCount().getByText(`(${counts.conflicts})`, { exact: true }).waitFor();
  }

  /**
   * Clicks "Sync now" and waits for the round to finish: a pull answered (every round ends with one)
   * and then the bar back at "Synced" with nothing unsent.
   */
  async syncNow(): Promise<void> {
    const pulled = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/sync/pull');
    await this.syncNowButton().click();
    await pulled;
    await this.waitForSynced();
  }

  async waitForSynced(): Promise<void> {
    await this.page.getByRole('banner').getByText('All changes sent', { exact: true }).waitFor();
    await this.state('Synced').waitFor();
  }

  /** The current problem sentence, when there is one. */
  problem(text: string | RegExp): Locator {
    return this.page.getByRole('banner').getByText(text);
  }
}
