// Page model: inspections of the Permits area (a permit's inspections, the result form, and
// "My inspections today"). Locators are by role and label, in English unless a method takes the words.
import type { Locator, Page } from 'playwright-core';

export class InspectionsPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  /** One permit's inspections, on the page of its own (/permits/:id/inspections). */
  async gotoPermit(permitId: string): Promise<void> {
    await this.page.goto(`/permits/${permitId}/inspections`);
    await this.page
      .getByRole('heading', { level: 1, name: /^(Inspections of permit|Inspecciones del permiso)/ })
      .waitFor();
  }

  async gotoToday(): Promise<void> {
    await this.page.goto('/permits/inspections/today');
    await this.page
      .getByRole('heading', { level: 1, name: /^(My inspections today|Mis inspecciones de hoy)$/ })
      .waitFor();
  }

  /** A card of the list, by text it holds (type and date on a permit; address on the day's route). */
  item(text: string | RegExp): Locator {
    return this.main()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: text }) });
  }

  /** The headings of the cards in "My inspections today", in order (the addresses with their tags). */
  async routeHeadings(): Promise<string[]> {
    return this.main()
      .locator('.insp-route > li > h2')
      .evaluateAll((headings) =>
        headings.map((h) =>
          Array.from(h.childNodes)
            .map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim())
            .filter(Boolean)
            .join(' '),
        ),
      );
  }

  scheduleButton(name = 'Schedule inspection'): Locator {
    return this.main().getByRole('button', { name, exact: true });
  }

  field(label: string | RegExp, within: Locator = this.main()): Locator {
    return within.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** The error shown next to a field (its aria-describedby). */
  async errorOf(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const texts: string[] = [];
    for (const id of ids.split(' ').filter((id) => id.endsWith('-error')))
      texts.push((await this.page.locator(`[id="${id}"]`).innerText()).replace(/^⚠\s*/, '').trim());
    return texts.join(' ');
  }

  async schedule(input: { type: string; date?: string; inspector?: string; notes?: string }): Promise<void> {
    await this.scheduleButton().click();
    await this.fill(input);
    await this.main().getByRole('button', { name: 'Schedule', exact: true }).click();
  }

  async fill(input: { type?: string; date?: string; inspector?: string; notes?: string }): Promise<void> {
    if (input.type !== undefined) await this.field('Inspection type').fill(input.type);
    if (input.date !== undefined) await this.field('Date').fill(input.date);
    if (input.inspector !== undefined) await this.field('Inspector').fill(input.inspector);
    if (input.notes !== undefined) await this.field('Notes').fill(input.notes);
  }

  /** Opens the result form of the card and returns the form's section. */
  async openResult(item: Locator): Promise<Locator> {
    await item.getByRole('button', { name: /^(Record result|Anotar resultado)/ }).click();
    const form = item.getByRole('region', { name: /^(Result of the|Resultado de la)/ });
    await form.waitFor();
    return form;
  }

  /** The group of outcome radios (its error is described on the group). */
  outcomes(form: Locator): Locator {
    return form.getByRole('group', { name: /^(Result|Resultado)$/ });
  }

  outcome(form: Locator, name: string | RegExp): Locator {
    return form.getByRole('radio', { name });
  }

  correction(form: Locator, number: number): Locator {
    return form.getByLabel(new RegExp(`^(Correction|Corrección) ${number}$`));
  }

  async addCorrection(form: Locator, text: string, number: number): Promise<void> {
    await form.getByRole('button', { name: /^(Add a correction|Añadir una corrección)$/ }).click();
    await this.correction(form, number).fill(text);
  }

  saveResult(form: Locator): Locator {
    return form.getByRole('button', { name: /^(Save result|Guardar resultado)$/ });
  }

  /** The page's status line (what was just saved). */
  status(text: string | RegExp): Locator {
    return this.main().getByRole('status').getByText(text);
  }
}
