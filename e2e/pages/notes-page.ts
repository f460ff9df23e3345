// Page model: the Notes area (list, new note, one note with its comments and delete dialog).
import type { Locator, Page } from 'playwright-core';

export interface NoteInput {
  title?: string;
  body?: string;
  status?: 'Open' | 'Closed';
  department?: string;
}

export class NotesPage {
  /**
   * `activateWith: 'enter'` presses Enter on links and buttons instead of clicking them (a keyboard
   * user; also what a tab that is not in front can do at full speed, since clicks wait for frames).
   */
  constructor(
    readonly page: Page,
    readonly options: { activateWith?: 'click' | 'enter' } = {},
  ) {}

  private async activate(target: Locator): Promise<void> {
    if (this.options.activateWith === 'enter') await target.press('Enter');
    else await target.click();
  }

  async goto(): Promise<void> {
    await this.activate(
      this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }),
    );
    await this.page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
  }

  /** The link to a note in the list (its title). */
  noteLink(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  /** The list row of a note, found by its title. */
  row(title: string): Locator {
    return this.page
      .getByRole('main')
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  title(): Locator {
    return this.page.getByLabel('Title', { exact: true });
  }

  body(): Locator {
    return this.page.getByLabel('Body', { exact: true });
  }

  status(): Locator {
    return this.page.getByLabel('Status', { exact: true });
  }

  department(): Locator {
    return this.page.getByLabel('Department', { exact: true });
  }

  save(): Locator {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }

  async fill(input: NoteInput): Promise<void> {
    if (input.title !== undefined) await this.title().fill(input.title);
    if (input.body !== undefined) await this.body().fill(input.body);
    if (input.status !== undefined) await this.status().selectOption({ label: input.status });
    if (input.department !== undefined) await this.department().selectOption(input.department);
  }

  /** From the Notes list: New note, fill, Save; resolves on the new note's own page. */
  async create(input: NoteInput & { title: string }): Promise<void> {
    await this.activate(this.page.getByRole('button', { name: 'New note', exact: true }));
    await this.page.getByRole('heading', { level: 1, name: 'New note' }).waitFor();
    await this.fill(input);
    await this.activate(this.save());
    await this.page.getByRole('heading', { level: 1, name: input.title, exact: true }).waitFor();
  }

  /** Opens a note from the list. */
  async open(title: string): Promise<void> {
    await this.activate(this.noteLink(title));
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  }

  /** On a note's page: changes fields and saves; waits for the announcement. */
  async edit(input: NoteInput): Promise<void> {
    await this.fill(input);
    await this.activate(this.save());
    await this.page.getByRole('status').filter({ hasText: 'Note saved on this device.' }).waitFor();
    if (input.title !== undefined)
      await this.page.getByRole('heading', { level: 1, name: input.title, exact: true }).waitFor();
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await this.page.getByRole('button', { name: 'Delete note', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
  }

  async addComment(text: string): Promise<void> {
    await this.page.getByLabel('Comment', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Add comment', exact: true }).click();
    await this.page.getByRole('listitem').filter({ hasText: text }).waitFor();
  }

  backToNotes(): Locator {
    return this.page.getByRole('link', { name: 'Back to notes', exact: true });
  }
}
