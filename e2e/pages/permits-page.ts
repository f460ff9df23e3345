// Page model: the Permits area (list and search, new/edit permit form, a permit's page with its status
// change, history and fees). Labels are matched from their start: required fields add "(required)".
import type { Locator, Page } from 'playwright-core';

export interface PermitInput {
  type?: string;
  description?: string;
  address?: string;
  applicant?: string;
  applied?: string;
  issued?: string;
  valuation?: string;
  /** Keyed in from a paper form: its code, and when it was handed in (date, then HH:MM). */
  paperCode?: string;
  paperDate?: string;
  paperTime?: string;
}

export interface FeeInput {
  code?: string;
  description?: string;
  amount?: string;
  status?: string;
  receipt?: string;
  reason?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as shown: the words, then maybe "(required)" / "(obligatorio)". */
const labelled = (label: string) => new RegExp(`^${escape(label)}( \\(.*\\))?$`);

export class PermitsPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  field(label: string, within: Locator = this.main()): Locator {
    return within.getByLabel(labelled(label));
  }

  /** The error sentence shown next to a field (read through its aria-describedby). */
  async errorOf(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const texts: string[] = [];
    for (const id of ids.split(' ').filter((id) => id.endsWith('-error')))
      texts.push((await this.page.locator(`[id="${id}"]`).innerText()).replace(/^⚠\s*/, '').trim());
    return texts.join(' ');
  }

  async goto(heading = 'Permits', link = heading): Promise<void> {
    await this.page
      .getByRole('navigation', { name: /Main|Principal/ })
      .getByRole('link', { name: link })
      .click();
    await this.page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: /Search permits|Buscar permisos/ });
  }

  count(text: string): Locator {
    return this.main().getByRole('status').filter({ hasText: text });
  }

  list(): Locator {
    return this.main().getByRole('list', { name: /Permits found|Permisos encontrados/ });
  }

  /** A row of the list, found by a text it shows. */
  row(text: string | RegExp): Locator {
    return this.list().getByRole('listitem').filter({ hasText: text });
  }

  async fill(input: PermitInput): Promise<void> {
    if (input.type !== undefined) await this.field('Permit type').fill(input.type);
    if (input.description !== undefined) await this.field('Work description').fill(input.description);
    if (input.address !== undefined) await this.field('Address').fill(input.address);
    if (input.applicant !== undefined) await this.field('Applicant name').fill(input.applicant);
    if (input.applied !== undefined) await this.field('Application date').fill(input.applied);
    if (input.issued !== undefined) await this.field('Issue date').fill(input.issued);
    if (input.valuation !== undefined) await this.field('Valuation').fill(input.valuation);
    if (input.paperCode !== undefined) await this.field('Code on the paper form').fill(input.paperCode);
    if (input.paperDate !== undefined) await this.field('Received on paper').fill(input.paperDate);
    if (input.paperTime !== undefined) await this.field('Time, Received on paper').fill(input.paperTime);
  }

  async openNew(button = 'New permit'): Promise<void> {
    await this.main().getByRole('button', { name: button, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: button, exact: true }).waitFor();
  }

  /** From the list: New permit, fill, Save; resolves on the new permit's page. */
  async create(input: PermitInput): Promise<void> {
    await this.openNew();
    await this.fill(input);
    await this.main().getByRole('button', { name: 'Save permit', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: /^Permit / }).waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** From anywhere: the list, then the permit whose row shows `text`; resolves on the permit's page. */
  async openPermit(text: string | RegExp): Promise<void> {
    await this.goto();
    await this.row(text).getByRole('link').first().click();
    await this.page.getByRole('heading', { level: 1, name: /^(Permit|Permiso) / }).waitFor();
  }

  /** The permit page's "Needs attention" note about its refused changes. */
  attentionNote(name = 'Needs attention'): Locator {
    return this.main().getByRole('note', { name, exact: true });
  }

  statusLine(): Locator {
    return this.main().locator('.permit-status-line');
  }

  async changeStatus(to: string, reason = ''): Promise<void> {
    await this.field('New status').selectOption({ label: to });
    await this.field('Reason').fill(reason);
    await this.main().getByRole('button', { name: 'Change status', exact: true }).click();
  }

  history(): Locator {
    return this.main().getByRole('list').filter({ hasText: '→' });
  }

  feeForm(heading = /^(Add a fee|Añadir una tasa)$/): Locator {
    return this.main().getByRole('form', { name: heading });
  }

  async fillFee(input: FeeInput, form = this.feeForm()): Promise<void> {
    if (input.code !== undefined) await this.field('Fee code', form).fill(input.code);
    if (input.description !== undefined) await this.field('Description', form).fill(input.description);
    if (input.amount !== undefined) await this.field('Amount', form).fill(input.amount);
    if (input.status !== undefined)
      await this.field('Fee status', form).selectOption({ label: input.status });
    if (input.receipt !== undefined) await this.field('Receipt number', form).fill(input.receipt);
    if (input.reason !== undefined) await this.field('Reason', form).fill(input.reason);
  }

  fees(): Locator {
    return this.main().getByRole('table', { name: /fees?$/ });
  }
}
