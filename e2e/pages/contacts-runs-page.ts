// Page model: call-down runs — start a run from a tree, the run page (progress table, who is in charge,
// needs escalation, the caller view with its record panel, every attempt, close) — and the Contacts
// print views (tree diagram or outline, call sheets, ICS 205A, run report) through the shared print page
// model.
import type { Locator, Page } from 'playwright-core';
import { PrintPage } from './print-page';

export class ContactsRunsPage {
  constructor(readonly page: Page) {}

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  /** Opens the start form of a tree and starts a run; resolves once the run page shows. */
  async startRun(treeId: string, treeName: string, message: string, exercise: boolean): Promise<string> {
    await this.page.goto(`/contacts/trees/${treeId}/run/new`);
    await this.heading('Start a call-down').waitFor();
    await this.page.getByLabel('Message (script)').fill(message);
    if (exercise) await this.page.getByLabel('This is an exercise').check();
    await this.page.getByRole('button', { name: 'Start call-down' }).click();
    await this.heading(new RegExp(treeName)).waitFor();
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }

  async openRun(runId: string, treeName: string): Promise<void> {
    await this.page.goto(`/contacts/runs/${runId}`);
    await this.heading(new RegExp(treeName)).waitFor();
  }

  /** The progress table's rows as text: the overall row first, then each branch. */
  async progressRows(): Promise<string[]> {
    const table = this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: 'Branch', exact: true }) });
    return (await table.locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The overall counts, read from the row's labelled cells. */
  async overall(): Promise<Record<string, number>> {
    const cells = await this.page
      .locator('tr[data-branch="overall"] td')
      .allInnerTexts()
      .then((texts) => texts.slice(0, 5).map((text) => Number(text.replace(/\D+/g, ''))));
    const [people = 0, reached = 0, pending = 0, unreachable = 0, unavailable = 0] = cells;
    return { people, reached, pending, unreachable, unavailable };
  }

  /** Every attempt (and report) line, oldest first. */
  async attemptLines(): Promise<string[]> {
    return this.page
      .getByRole('list', { name: 'Every attempt, oldest first' })
      .getByRole('listitem')
      .allInnerTexts();
  }

  async chooseCaller(name: string): Promise<void> {
    await this.page.getByLabel('I am').selectOption({ label: name });
  }

  personRow(name: string): Locator {
    return this.page.locator(`[data-person="${name}"]`);
  }

  recordPanel(name: string): Locator {
    return this.page.getByRole('region', { name: `Record a call to ${name}` });
  }

  /** Opens the record panel of a person and records one outcome (relayed asks through whom). */
  async record(name: string, outcome: string, relayedVia?: string): Promise<void> {
    await this.page.getByRole('button', { name: `Record a call to ${name}`, exact: true }).click();
    const panel = this.recordPanel(name);
    const before = await panel.locator('.run-history > li').count();
    if (relayedVia) {
      await panel.getByRole('button', { name: 'Relayed…' }).click();
      await panel.getByLabel('Relayed through (name)').fill(relayedVia);
      await panel.getByRole('button', { name: 'Record relayed' }).click();
    } else await panel.getByRole('button', { name: outcome, exact: true }).click();
    await panel.locator('.run-history > li').nth(before).waitFor();
    await panel.getByRole('button', { name: `Done with ${name}` }).click();
  }

  escalateButton(label: string | RegExp): Locator {
    return this.page.getByRole('region', { name: 'Needs escalation' }).getByRole('button', { name: label });
  }

  inCharge(position: string): Locator {
    return this.page
      .getByRole('region', { name: 'Who is in charge now' })
      .locator(`[data-position="${position}"]`);
  }

  badNumbers(): Locator {
    return this.page.getByRole('region', { name: 'Bad numbers to follow up' }).getByRole('listitem');
  }
}

export class ContactsPrintPage extends PrintPage {
  /** The small-tree diagram: the list of the people at the top, each with the people they call nested. */
  diagram(): Locator {
    return this.page.getByRole('list', { name: 'People at the top of the tree' });
  }

  /** The people one person calls, as the diagram lists them under that person's box. */
  calledBy(name: string): Locator {
    return this.page.getByRole('list', { name: `People ${name} calls`, exact: true }).locator(':scope > li');
  }
}
