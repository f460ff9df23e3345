// Page model: the Incidents area's board, new-incident form, incident page (details, operational periods,
// activity logs, timeline and its filters) and ICS 213 general messages. Labels are matched from their
// start: required fields add "(required)". Times are typed as a date and a 24-hour HH:MM time.
import type { Locator, Page } from 'playwright-core';

export interface IncidentInput {
  name: string;
  number?: string;
  /** As shown, e.g. "Flood". */
  type?: string;
  /** As shown, e.g. "Major". */
  severity?: string;
  status?: string;
  location?: string;
  /** YYYY-MM-DD and HH:MM (24-hour), local time. */
  startDate?: string;
  startTime?: string;
  departments?: string;
  exercise?: boolean;
  description?: string;
}

export interface MessageInput {
  toName: string;
  toPosition?: string;
  fromName: string;
  fromPosition?: string;
  subject: string;
  message: string;
  date?: string;
  time?: string;
  approvedBy?: string;
}

export interface ReplyInput {
  reply: string;
  name: string;
  position?: string;
  date?: string;
  time?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as shown: the words, then maybe "(required)" / "(obligatorio)". */
const labelled = (label: string) => new RegExp(`^${escape(label)}( \\(.*\\))?$`);

export class IncidentsPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  field(label: string, within: Locator = this.main()): Locator {
    return within.getByLabel(labelled(label));
  }

  /** A date-and-time group ("Start time", "From", "To", "Date and time"): its date and time inputs. */
  timeGroup(label: string, within: Locator = this.main()): { date: Locator; time: Locator; group: Locator } {
    const group = within.getByRole('group', { name: labelled(label) });
    return {
      group,
      date: group.getByLabel(/^(Date|Fecha)$/),
      time: group.getByLabel(/^(Time \(24-hour\)|Hora \(24 horas\))$/),
    };
  }

  async fillTime(label: string, date: string, time: string, within: Locator = this.main()): Promise<void> {
    const { date: d, time: t } = this.timeGroup(label, within);
    await d.fill(date);
    await t.fill(time);
  }

  /** The error sentence shown next to a field (read through its aria-describedby). */
  async errorOf(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const texts: string[] = [];
    for (const id of ids.split(' ').filter((id) => id.endsWith('-error')))
      texts.push((await this.page.locator(`[id="${id}"]`).innerText()).replace(/^⚠\s*/, '').trim());
    return texts.join(' ');
  }

  // The board

  /** Opens the board from the main navigation. */
  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: /Main|Principal/ })
      .getByRole('link', { name: /^(Incidents|Incidentes)$/ })
      .click();
    await this.page.getByRole('heading', { level: 1, name: /^(Incidents|Incidentes)$/ }).waitFor();
  }

  /** The board's list of active and monitoring incidents. */
  openList(): Locator {
    return this.main().getByRole('list', { name: /^(Active and monitoring|Activos y en seguimiento)$/ });
  }

  closedList(): Locator {
    return this.main().getByRole('list', { name: /^(Closed incidents|Incidentes cerrados)$/ });
  }

  /** One incident's card on the board, by its name. */
  card(name: string, list: Locator = this.openList()): Locator {
    return list.getByRole('listitem', { name, exact: true });
  }

  /** A card's unsent line: "N changes not yet sent" or "Everything sent to the server". */
  unsent(card: Locator): Locator {
    return card.locator('.incident-unsent');
  }

  // New incident

  async openNew(): Promise<void> {
    await this.main().getByRole('link', { name: 'New incident', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'New incident', exact: true }).waitFor();
  }

  async fill(input: IncidentInput): Promise<void> {
    await this.field('Incident name').fill(input.name);
    if (input.number !== undefined) await this.field('Incident number').fill(input.number);
    if (input.type !== undefined) await this.field('Incident type').selectOption({ label: input.type });
    if (input.severity !== undefined) await this.field('Severity').selectOption({ label: input.severity });
    if (input.status !== undefined) await this.field('Status').selectOption({ label: input.status });
    if (input.location !== undefined) await this.field('Location').fill(input.location);
    if (input.startDate !== undefined || input.startTime !== undefined)
      await this.fillTime('Start time', input.startDate ?? '', input.startTime ?? '');
    if (input.departments !== undefined) await this.field('Departments involved').fill(input.departments);
    if (input.exercise !== undefined)
      await this.main()
        .getByRole('radio', { name: input.exercise ? /^Exercise/ : 'Real incident' })
        .check();
    if (input.description !== undefined) await this.field('Description').fill(input.description);
  }

  /** From the board: New incident, fill, Open incident; resolves on the new incident's page. */
  async create(input: IncidentInput): Promise<string> {
    await this.openNew();
    await this.fill(input);
    await this.main().getByRole('button', { name: 'Open incident', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: input.name, exact: true }).waitFor();
    return this.incidentId();
  }

  /** The id in the address of the incident page (or a page under it). */
  incidentId(): string {
    return /\/incidents\/([^/]+)/.exec(new URL(this.page.url()).pathname)?.[1] ?? '';
  }

  /** From the board, the incident page of `name`. */
  async openIncident(name: string): Promise<void> {
    await this.goto();
    await this.main().getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  // The incident page

  /** The line under the heading (number, type, severity, status, EXERCISE). */
  summary(): Locator {
    return this.main().locator('.incident-summary').first();
  }

  exerciseLabel(within: Locator = this.main()): Locator {
    return within.getByText(/^(EXERCISE|SIMULACRO)$/);
  }

  async editDetails(): Promise<void> {
    await this.main().getByRole('button', { name: 'Edit details', exact: true }).click();
  }

  async saveDetails(): Promise<void> {
    await this.main().getByRole('button', { name: 'Save changes', exact: true }).click();
  }

  periods(): Locator {
    return this.main().getByRole('list', { name: /^(Operational periods|Periodos operacionales)$/ });
  }

  periodForm(): Locator {
    return this.main().getByRole('form', {
      name: /^(Add operational period|Añadir el periodo operacional) \d+$/,
    });
  }

  /** Adds the next operational period (from/to as local date and 24-hour time); resolves once listed. */
  async addPeriod(from: { date: string; time: string }, to: { date: string; time: string }): Promise<number> {
    const form = this.periodForm();
    const number = Number(/(\d+)$/.exec((await form.getByRole('heading').innerText()).trim())?.[1]);
    await this.fillTime('From', from.date, from.time, form);
    await this.fillTime('To', to.date, to.time, form);
    await form.getByRole('button', { name: 'Add period', exact: true }).click();
    await this.periods().getByText(`Period ${number}`, { exact: true }).waitFor();
    return number;
  }

  newLogLink(): Locator {
    return this.main().getByRole('link', { name: 'New activity log', exact: true });
  }

  logsTable(): Locator {
    return this.main().getByRole('table', { name: /^(Activity logs|Registros de actividades)$/ });
  }

  logRow(name: string): Locator {
    return this.logsTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  // Timeline

  timeline(): Locator {
    return this.main().getByRole('list', { name: /^(Timeline entries|Anotaciones de la cronología)$/ });
  }

  timelineEntries(): Locator {
    return this.timeline().getByRole('listitem');
  }

  timelineStatus(): Locator {
    return this.main()
      .getByRole('search', { name: /^(Filter the timeline|Filtrar la cronología)$/ })
      .locator('xpath=following-sibling::p[@role="status"][1]');
  }

  filters(): Locator {
    return this.main().getByRole('search', { name: /^(Filter the timeline|Filtrar la cronología)$/ });
  }

  async filterTimeline(filter: {
    log?: string;
    period?: string;
    author?: string;
    text?: string;
  }): Promise<void> {
    const form = this.filters();
    if (filter.log !== undefined) await this.field('Unit or log', form).selectOption({ label: filter.log });
    if (filter.period !== undefined)
      await this.field('Operational period', form).selectOption({ label: filter.period });
    if (filter.author !== undefined) await this.field('Author', form).fill(filter.author);
    if (filter.text !== undefined) await this.field('Text', form).fill(filter.text);
  }

  async clearFilters(): Promise<void> {
    await this.filters().getByRole('button', { name: 'Clear filters', exact: true }).click();
  }

  // ICS 213 general messages

  messages(): Locator {
    return this.main().getByRole('list', { name: /^(General messages|Mensajes generales)$/ });
  }

  async newMessage(input: MessageInput): Promise<void> {
    await this.main().getByRole('link', { name: 'New general message', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'New general message (ICS 213)' }).waitFor();
    await this.field('To (name)').fill(input.toName);
    if (input.toPosition !== undefined) await this.field('To (position)').fill(input.toPosition);
    await this.field('From (name)').fill(input.fromName);
    if (input.fromPosition !== undefined) await this.field('From (position)').fill(input.fromPosition);
    await this.field('Subject').fill(input.subject);
    if (input.date !== undefined || input.time !== undefined)
      await this.fillTime('Date and time', input.date ?? '', input.time ?? '');
    await this.field('Message').fill(input.message);
    if (input.approvedBy !== undefined) await this.field('Approved by (name)').fill(input.approvedBy);
    await this.main().getByRole('button', { name: 'Save message', exact: true }).click();
    await this.page
      .getByRole('heading', { level: 1, name: `General message (ICS 213): ${input.subject}` })
      .waitFor();
  }

  replyForm(): Locator {
    return this.main().getByRole('form', { name: /^(Reply|Respuesta)$/ });
  }

  async reply(input: ReplyInput): Promise<void> {
    const form = this.replyForm();
    await this.field('Reply', form).fill(input.reply);
    await this.field('Replied by (name)', form).fill(input.name);
    if (input.position !== undefined) await this.field('Replied by (position)', form).fill(input.position);
    if (input.date !== undefined || input.time !== undefined)
      await this.fillTime('Date and time of the reply', input.date ?? '', input.time ?? '', form);
    await form.getByRole('button', { name: 'Save reply', exact: true }).click();
  }

  /** The message page's "Needs attention" note about a refused reply. */
  attentionNote(): Locator {
    return this.main().getByRole('note', { name: /^(Needs attention|Requiere atención)$/ });
  }
}
