// Page model: an incident's ICS 214 activity logs: the new-log form and a log's page (header blocks,
// fast entry with quick entries, paper transcription and "Attach a photo", entries with corrections and
// photos, "Verify log"). Labels are matched from their start: required fields add "(required)".
import type { Locator, Page } from 'playwright-core';
import { PhotoField, PhotoGallery } from './photo-field';

export interface ResourceInput {
  name: string;
  position?: string;
  agency?: string;
}

export interface NewLogInput {
  /** The period option's label from its start ("Period 1"); the newest period when left out. */
  period?: string;
  name: string;
  position?: string;
  agency?: string;
  resources?: ResourceInput[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelled = (label: string) => new RegExp(`^${escape(label)}( \\(.*\\))?$`);

export class IncidentLogPage {
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

  /** The error sentence shown next to a field (read through its aria-describedby). */
  async errorOf(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const texts: string[] = [];
    for (const id of ids.split(' ').filter((id) => id.endsWith('-error')))
      texts.push((await this.page.locator(`[id="${id}"]`).innerText()).replace(/^⚠\s*/, '').trim());
    return texts.join(' ');
  }

  async gotoNew(incidentId: string): Promise<void> {
    await this.page.goto(`/incidents/${incidentId}/logs/new`);
    await this.page.getByRole('heading', { level: 1, name: 'New activity log' }).waitFor();
  }

  async gotoLog(incidentId: string, logId: string): Promise<void> {
    await this.page.goto(`/incidents/${incidentId}/logs/${logId}`);
    await this.heading().getByText('Activity log (ICS 214)').waitFor();
  }

  /** The ids in the address of a log's page. */
  ids(): { incidentId: string; logId: string } {
    const match = /\/incidents\/([^/]+)\/logs\/([^/?#]+)/.exec(new URL(this.page.url()).pathname);
    if (!match) throw new Error(`not on a log page: ${this.page.url()}`);
    return { incidentId: match[1]!, logId: match[2]! };
  }

  resourceRow(number: number): Locator {
    return this.main().getByRole('group', { name: `Resource ${number}`, exact: true });
  }

  async addResource(resource: ResourceInput, number: number): Promise<void> {
    await this.main().getByRole('button', { name: 'Add a resource', exact: true }).click();
    const row = this.resourceRow(number);
    await row.getByLabel('Name', { exact: true }).fill(resource.name);
    if (resource.position) await row.getByLabel('ICS position', { exact: true }).fill(resource.position);
    if (resource.agency) await row.getByLabel('Home agency and unit', { exact: true }).fill(resource.agency);
  }

  /** On the new-log form: fill, create; resolves on the new log's page with its ids. */
  async create(input: NewLogInput): Promise<{ incidentId: string; logId: string }> {
    await this.page.getByRole('heading', { level: 1, name: 'New activity log' }).waitFor();
    if (input.period) {
      const select = this.field('Operational period');
      // The periods are read from the device after the form first shows.
      await select.locator('option').filter({ hasText: input.period }).first().waitFor({ state: 'attached' });
      const options = await select.locator('option').allInnerTexts();
      const label = options.find((option) => option.startsWith(input.period!));
      if (!label) throw new Error(`no period "${input.period}" in ${options.join(' | ')}`);
      await select.selectOption({ label });
    }
    await this.field('Name (person or unit)').fill(input.name);
    if (input.position) await this.field('ICS position').fill(input.position);
    if (input.agency) await this.field('Home agency and unit').fill(input.agency);
    for (const [i, resource] of (input.resources ?? []).entries()) await this.addResource(resource, i + 1);
    await this.main().getByRole('button', { name: 'Create activity log', exact: true }).click();
    await this.heading().getByText('Activity log (ICS 214)').waitFor();
    return this.ids();
  }

  /** The header blocks (1 to 6) as "term: value" pairs. */
  block(term: string): Locator {
    return this.main()
      .locator('.log-blocks > div')
      .filter({ has: this.page.getByText(term, { exact: true }) });
  }

  entryField(): Locator {
    return this.field('What happened');
  }

  /** The fast-entry part of the page ("Record an entry"). */
  fastEntry(): Locator {
    return this.main().getByRole('region', { name: 'Record an entry', exact: true });
  }

  /** The "Attach a photo" disclosure button of fast entry. */
  attachPhotoButton(): Locator {
    return this.fastEntry().getByRole('button', { name: 'Attach a photo', exact: true });
  }

  /** Fast entry's photo field (shown once "Attach a photo" is pressed). */
  entryPhotos(): PhotoField {
    return new PhotoField(this.page, this.fastEntry());
  }

  /** Opens "Attach a photo" (when closed) and adds the files; resolves when their thumbnails show. */
  async attachPhotos(...files: string[]): Promise<void> {
    if ((await this.attachPhotoButton().getAttribute('aria-expanded')) !== 'true')
      await this.attachPhotoButton().click();
    const photos = this.entryPhotos();
    const before = await photos.thumbnails().count();
    await photos.chooseInput().setInputFiles(files);
    await photos
      .thumbnails()
      .nth(before + files.length - 1)
      .waitFor();
  }

  /** The "Show photos" button of the entry showing `text`. */
  showPhotosButton(text: string): Locator {
    return this.entry(text).getByRole('button', { name: /^Show photos of entry \d+ / });
  }

  /** The dialog with an entry's photos. */
  photosDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Photos of entry \d+ / });
  }

  /** Opens the photos of the entry showing `text`; the gallery in its dialog. */
  async showPhotos(text: string): Promise<PhotoGallery> {
    await this.showPhotosButton(text).click();
    await this.photosDialog().waitFor();
    return new PhotoGallery(this.page, this.photosDialog());
  }

  /** Types a line into fast entry and presses Enter; resolves when the entry shows in the list. */
  async record(text: string): Promise<void> {
    const before = await this.entries().count();
    await this.entryField().fill(text);
    await this.entryField().press('Enter');
    await this.entries().nth(before).filter({ hasText: text }).waitFor();
  }

  quickEntries(): Locator {
    return this.main().getByRole('group', { name: 'Quick entries', exact: true });
  }

  async quick(name: string): Promise<void> {
    const before = await this.entries().count();
    await this.quickEntries().getByRole('button', { name, exact: true }).click();
    await this.entries().nth(before).filter({ hasText: name }).waitFor();
  }

  eventDate(): Locator {
    return this.field('Date');
  }

  eventTime(): Locator {
    return this.field('Time (24-hour)');
  }

  priority(): Locator {
    return this.field('Priority');
  }

  transcribed(): Locator {
    return this.main().getByRole('checkbox', { name: 'Transcribed from a paper log' });
  }

  entryList(): Locator {
    return this.main().getByRole('list', { name: 'Entries of this log, in chain order' });
  }

  entries(): Locator {
    return this.entryList().getByRole('listitem');
  }

  /** The entry whose text is `text` (exact, so a correction and its original are told apart). */
  entry(text: string): Locator {
    return this.entries().filter({
      has: this.page.locator('.log-entry-text').getByText(text, { exact: true }),
    });
  }

  /** The entries' texts in list (chain) order. */
  async entryTexts(): Promise<string[]> {
    return (await this.entryList().locator('.log-entry-text').allInnerTexts()).map((text) => text.trim());
  }

  /** Corrects the entry showing `text`: the new text and the reason, in the dialog. */
  async correct(text: string, corrected: string, reason: string): Promise<void> {
    await this.entry(text)
      .getByRole('button', { name: /^Correct entry/ })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Correct an entry' });
    await dialog.getByLabel(labelled('Corrected text')).fill(corrected);
    await dialog.getByLabel(labelled('Reason for the correction')).fill(reason);
    await dialog.getByRole('button', { name: 'Record the correction', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  verifyResult(): Locator {
    return this.main().locator('.log-verify').getByRole('status');
  }

  /** Presses "Verify log" and returns the first sentence of the result. */
  async verify(): Promise<string> {
    await this.main().getByRole('button', { name: 'Verify log', exact: true }).click();
    const first = this.verifyResult().locator('p').first();
    await first.filter({ hasNotText: 'Checking the chain' }).waitFor();
    return (await first.innerText()).replace(/^[✓⚠]\s*/, '').trim();
  }
}
