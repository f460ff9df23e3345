// Page model: the Contacts area's people screens: the contacts list (search, "needs checking" and its
// number of days, rows with tap-to-call), the contact form (labelled phone rows, duplicates warning) and
// the contact page. Labels are matched from their start: "Name" adds "(required)".
import type { Locator, Page } from 'playwright-core';

export interface PhoneInput {
  /** As shown: "Mobile", "Work", "Home", "Other". */
  label?: string;
  number: string;
  primary?: boolean;
}

export interface ContactInput {
  name: string;
  title?: string;
  position?: string;
  department?: string;
  phones?: PhoneInput[];
  email?: string;
  radio?: string;
  /** As shown, e.g. "Text message". */
  preferredMethod?: string;
  languages?: string;
  accessibility?: string;
  notes?: string;
  /** YYYY-MM-DD. */
  lastVerified?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelled = (label: string) => new RegExp(`^${escape(label)}( \\(.*\\))?$`);

export class ContactsPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  field(label: string): Locator {
    return this.main().getByLabel(labelled(label));
  }

  /** The sentence(s) shown next to a field (its aria-describedby "-error" elements), without the ⚠. */
  async errorOf(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const texts: string[] = [];
    for (const id of ids.split(' ').filter((id) => id.endsWith('-error')))
      texts.push((await this.page.locator(`[id="${id}"]`).innerText()).replace(/^⚠\s*/, '').trim());
    return texts.join(' ');
  }

  // The list

  async goto(): Promise<void> {
    await this.page.goto('/contacts');
    await this.heading().filter({ hasText: 'Contacts' }).waitFor();
  }

  search(): Locator {
    return this.main().getByRole('searchbox', { name: 'Search contacts' });
  }

  onlyNeedsChecking(): Locator {
    return this.main().getByRole('checkbox', { name: 'Only contacts that need checking' });
  }

  staleDays(): Locator {
    return this.main().getByRole('spinbutton', { name: 'Needs checking after (days)' });
  }

  count(): Locator {
    return this.main().getByRole('status');
  }

  async waitForCount(text: string): Promise<void> {
    await this.count()
      .filter({ hasText: new RegExp(`^${escape(text)}$`) })
      .waitFor();
  }

  rows(): Locator {
    return this.main().getByRole('list', { name: 'Contacts' }).getByRole('listitem');
  }

  /** The names listed, in order. */
  async listedNames(): Promise<string[]> {
    return this.main().getByRole('list', { name: 'Contacts' }).locator('.contact-row-name').allInnerTexts();
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The tap-to-call link of a row ("Call Ana Ruiz at +1 802 555 0134"). */
  callLink(name: string): Locator {
    return this.row(name).getByRole('link', { name: new RegExp(`^Call ${escape(name)} at `) });
  }

  // The form

  async openNew(): Promise<void> {
    await this.main().getByRole('link', { name: 'New contact' }).click();
    await this.heading().filter({ hasText: 'New contact' }).waitFor();
  }

  phoneNumber(index: number, label = 'Number'): Locator {
    return this.main().getByRole('textbox', { name: `${label} ${index}`, exact: true });
  }

  phoneType(index: number): Locator {
    return this.main().getByRole('combobox', { name: `Type of phone ${index}`, exact: true });
  }

  primary(index: number): Locator {
    return this.main().getByRole('radio', { name: `Phone ${index} is the primary number` });
  }

  addPhoneButton(): Locator {
    return this.main().getByRole('button', { name: 'Add a phone number' });
  }

  async fill(input: ContactInput): Promise<void> {
    await this.field('Name').fill(input.name);
    const text: [keyof ContactInput, string][] = [
      ['title', 'Title'],
      ['position', 'Position'],
      ['department', 'Department'],
      ['email', 'Email'],
      ['radio', 'Radio channel or call sign'],
      ['languages', 'Languages'],
      ['accessibility', 'Accessibility needs'],
      ['notes', 'Notes'],
      ['lastVerified', 'Last verified'],
    ];
    for (const [key, label] of text) {
      const value = input[key];
      if (typeof value === 'string') await this.field(label).fill(value);
    }
    if (input.preferredMethod)
      await this.field('Preferred method').selectOption({ label: input.preferredMethod });
    for (const [i, phone] of (input.phones ?? []).entries()) {
      const index = i + 1;
      if ((await this.phoneNumber(index).count()) === 0) await this.addPhoneButton().click();
      if (phone.label) await this.phoneType(index).selectOption({ label: phone.label });
      await this.phoneNumber(index).fill(phone.number);
      if (phone.primary) await this.primary(index).check();
    }
  }

  async save(label = 'Save contact'): Promise<void> {
    await this.main().getByRole('button', { name: label, exact: true }).click();
  }

  duplicates(): Locator {
    return this.main().getByRole('region', { name: 'This may be someone already on the list' });
  }

  // The contact page

  async waitForContact(name: string): Promise<void> {
    await this.heading()
      .filter({ hasText: new RegExp(`^${escape(name)}$`) })
      .waitFor();
  }

  /** The phone links on a contact's page, as shown ("Mobile: +1 802 555 0134") with their href. */
  async phoneLinks(): Promise<{ text: string; href: string | null }[]> {
    const links = this.main().locator('.contact-phone-links a');
    const out: { text: string; href: string | null }[] = [];
    for (const link of await links.all())
      out.push({ text: (await link.innerText()).trim(), href: await link.getAttribute('href') });
    return out;
  }

  /** The value shown beside a label in the contact's details. */
  detail(label: string): Locator {
    return this.main()
      .locator('.contact-detail')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${escape(label)}$`) }) })
      .locator('dd');
  }
}
