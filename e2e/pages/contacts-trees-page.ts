// Page model: the call-down trees list, the tree editor (outline tree widget, the selected person's
// actions, adding people, settings) and the orders of succession. Everything here is driven by the
// keyboard: fields are focused and typed into, buttons pressed with Enter, the outline walked with arrows.
import type { Locator, Page } from 'playwright-core';

export class ContactsTreesPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async gotoTrees(): Promise<void> {
    await this.page.goto('/contacts/trees');
    await this.heading().getByText('Call-down trees', { exact: true }).waitFor();
  }

  async gotoSuccession(): Promise<void> {
    await this.page.goto('/contacts/succession');
    await this.heading().getByText('Orders of succession', { exact: true }).waitFor();
  }

  /** Presses a button (or link) with the keyboard. */
  async press(target: Locator): Promise<void> {
    await target.focus();
    await this.page.keyboard.press('Enter');
  }

  async typeInto(field: Locator, text: string): Promise<void> {
    await field.focus();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.type(text);
  }

  /** Creates a tree from the list page and waits for its editor. */
  async createTree(name: string): Promise<void> {
    await this.typeInto(this.main().getByLabel('Tree name'), name);
    await this.page.keyboard.press('Enter');
    await this.heading().getByText(name, { exact: true }).waitFor();
  }

  async openTree(name: string): Promise<void> {
    await this.gotoTrees();
    await this.press(this.treeRow(name).getByRole('link', { name, exact: true }));
    await this.heading().getByText(name, { exact: true }).waitFor();
  }

  treesTable(): Locator {
    return this.main().getByRole('table');
  }

  treeRow(name: string): Locator {
    return this.treesTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  outline(): Locator {
    return this.main().getByRole('tree', { name: /^Call-down tree / });
  }

  needsPlacing(): Locator {
    return this.main().getByRole('tree', { name: 'Needs placing' });
  }

  item(name: string, within: Locator = this.outline()): Locator {
    return within
      .getByRole('treeitem')
      .filter({ has: this.page.locator('.tree-name').getByText(name, { exact: true }) });
  }

  /** [level, name] of every visible person, top to bottom. */
  async outlineRows(): Promise<[number, string][]> {
    const items = this.outline().getByRole('treeitem');
    const rows: [number, string][] = [];
    for (let i = 0; i < (await items.count()); i += 1) {
      const item = items.nth(i);
      rows.push([
        Number(await item.getAttribute('aria-level')),
        await item.locator('.tree-name').innerText(),
      ]);
    }
    return rows;
  }

  /** Moves the outline's focus (and selection) to a person with the arrow keys only (all branches open). */
  async selectWithKeys(name: string): Promise<void> {
    await this.outline().locator('[role="treeitem"][tabindex="0"]').focus();
    await this.page.keyboard.press('Home');
    const selected = this.outline().locator('[aria-selected="true"] .tree-name');
    for (let i = 0; i < 100; i += 1) {
      if ((await selected.innerText()) === name) return this.waitSelected(name);
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`${name} not reached with the arrow keys`);
  }

  actions(): Locator {
    return this.main().getByRole('region', { name: /^Selected: / });
  }

  async waitSelected(name: string): Promise<void> {
    await this.main()
      .getByRole('heading', { name: `Selected: ${name}`, exact: true })
      .waitFor();
  }

  addSection(): Locator {
    return this.main().getByRole('region', { name: 'Add a person' });
  }

  /**
   * Adds a contact found by typing `search`, under the selected person or at the top, and waits for the
   * field to clear as it does once the person is added. `refused`: the add is expected to be refused
   * (the field keeps its text; the caller waits for the reason).
   */
  async addPerson(
    search: string,
    label: string,
    where: 'selected' | 'top' = 'selected',
    { refused = false } = {},
  ): Promise<void> {
    const section = this.addSection();
    if (where === 'top' && (await section.getByRole('radio').count()) > 0)
      await section.getByRole('radio', { name: /^Nobody/ }).check();
    const field = section.getByLabel('Find a contact to add');
    await this.typeInto(field, search);
    await this.press(section.getByRole('button', { name: `Add ${label}`, exact: true }));
    // The add is written, then the field clears. Typing the next search before that would have the
    // clearing wipe what was typed.
    if (!refused)
      await this.page.waitForFunction(
        (input) => (input as HTMLInputElement | null)?.value === '',
        await field.elementHandle(),
      );
  }

  async moveUnder(callerLabel: string): Promise<void> {
    const actions = this.actions();
    const form = actions.getByLabel('New caller');
    if (!(await form.isVisible()))
      await this.press(actions.getByRole('button', { name: 'Move to another caller' }));
    await form.focus();
    await form.selectOption({ label: callerLabel });
    await this.press(actions.getByRole('button', { name: /^Move .* and the people they call$/ }));
  }

  moveError(): Locator {
    return this.actions().locator('#move-caller-error');
  }

  async setBackup(search: string, label: string): Promise<void> {
    const actions = this.actions();
    await this.typeInto(actions.getByLabel(/^Find a backup caller for /), search);
    await this.press(actions.getByRole('button', { name: `Make ${label} the backup caller`, exact: true }));
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async saveSettings(values: {
    name?: string;
    attempts?: string;
    minutes?: string;
    to?: 'backup' | 'parent';
  }) {
    const form = this.main().getByRole('form', { name: 'Name and escalation' });
    if (values.name !== undefined) await this.typeInto(form.getByLabel('Tree name'), values.name);
    if (values.attempts !== undefined)
      await this.typeInto(form.getByLabel('Attempts before escalating'), values.attempts);
    if (values.minutes !== undefined)
      await this.typeInto(form.getByLabel('Minutes before escalating'), values.minutes);
    if (values.to === 'parent') {
      await form.getByRole('radio', { name: /^The caller above/ }).focus();
      await this.page.keyboard.press('Space');
    }
    await this.press(form.getByRole('button', { name: 'Save name and escalation' }));
  }

  succession(position: string): Locator {
    return this.main().getByRole('region', { name: new RegExp(`^${position}`) });
  }

  async successionLine(position: string): Promise<string[]> {
    return this.succession(position).locator('.succession-name').allInnerTexts();
  }
}
