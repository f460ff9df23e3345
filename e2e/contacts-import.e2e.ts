// Importing contacts from a spreadsheet (issue 6, acceptance 3): a generated 200-row CSV with bad numbers,
// a missing name, duplicates within the file and a duplicate of a contact already on the device. Every
// problem is listed with its line before anything is saved; nothing is written until the user skips the
// bad rows; then the good rows are written in one batch and reach the server with the next sync. The vCard
// export holds them, and the list's filtered link exports only the matching ones. axe on the page.
import { readFile } from 'node:fs/promises';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceTable, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';

/** Page model: contact import and vCard export (/contacts/import). Role and label locators. */
class ContactsImportPage {
  constructor(readonly page: Page) {}
  main(): Locator {
    return this.page.getByRole('main');
  }
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/contacts/import${query}`);
    await this.page.getByRole('heading', { level: 1, name: 'Import and export contacts' }).waitFor();
  }
  async chooseFile(name: string, text: string): Promise<void> {
    await this.main()
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }
  column(label: string): Locator {
    return this.main().getByLabel(label, { exact: true });
  }
  async problems(): Promise<string[]> {
    return this.main().locator('.import-errors li').allTextContents();
  }
  importButton(): Locator {
    return this.main().getByRole('button', { name: /^Import [\d,]+ contacts?$/ });
  }
  skipBox(): Locator {
    return this.main().getByRole('checkbox', { name: /^Skip the/ });
  }
  result(): Locator {
    return this.main().locator('#import-result');
  }
  async download(button: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.main().getByRole('button', { name: button, exact: true }).click(),
    ]);
    return download;
  }
}

interface ContactRow {
  id: string;
  kind: string;
  dept: string;
  fields: Record<string, unknown>;
}

const deviceContacts = async (device: Device) =>
  (await deviceTable<ContactRow>(device.page, 'records')).filter((r) => r.kind === 'contact');

const pad = (i: number) => String(i).padStart(3, '0');
const EXISTING = { name: 'Zoe Existing', phone: '(802) 555-0999' };

/**
 * 200 rows (lines 2–201): row i is "Person <i>" with mobile 802-555-1<i> and a work number. Bad on
 * purpose: three numbers that are not phone numbers, a missing name, a repeated name, a repeated number,
 * and a number of the contact already on the device.
 */
function generatedCsv(): { text: string; problems: string[]; good: number } {
  const lines = ['Name,Position,Department,Mobile,Work Phone,Email,Preferred,Languages,Last verified'];
  for (let i = 0; i < 200; i++) {
    let name = `Person ${pad(i)}`;
    let mobile = `(802) 555-1${pad(i)}`;
    if ([10, 50, 120].includes(i)) mobile = '555-12';
    if (i === 80) name = 'person 005';
    if (i === 150) mobile = `802.555.1${pad(7)}`;
    if (i === 170) name = '';
    if (i === 190) mobile = EXISTING.phone;
    const work = i % 2 === 0 ? `802-555-2${pad(i)}` : '';
    lines.push(
      [
        name,
        i % 3 === 0 ? 'Shelter lead' : 'Volunteer',
        'Emergency Management',
        mobile,
        work,
        `person${pad(i)}@example.org`,
        i % 2 === 0 ? 'Text' : 'Call',
        '"English, Spanish"',
        '2026-01-15',
      ].join(','),
    );
  }
  return {
    text: lines.join('\n'),
    problems: [
      'Line 12: Phone 1 is not a phone number: “555-12”.',
      'Line 52: Phone 1 is not a phone number: “555-12”.',
      'Line 82: Same name as line 7.',
      'Line 122: Phone 1 is not a phone number: “555-12”.',
      'Line 152: Same phone number as line 9.',
      'Line 172: Name is missing.',
      'Line 192: Repeats Zoe Existing, already on this device.',
    ],
    good: 193,
  };
}

describe('contacts: CSV import and vCard export', () => {
  let server: TestServer;
  let browser: Browser;
  let ines: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'ines', password: PASSWORD, role: 'manager', departments: [DEPT] });
    browser = await launchBrowser();
    ines = await signedInDevice(browser, server, 'ines', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a one-row file (the contact already on the device)', async () => {
    const imp = new ContactsImportPage(ines.page);
    await imp.goto();
    await imp.chooseFile('one.csv', `Full name,Cell\n${EXISTING.name},"${EXISTING.phone}"\n`);
    await imp.main().getByText('“one.csv”: 1 row, 2 columns.').waitFor();
    await expect(imp.column('Full name').inputValue()).resolves.toBe('Full name');
    await expect(imp.column('Phone 1').inputValue()).resolves.toBe('Cell');
    await imp.main().getByRole('button', { name: 'Import 1 contact' }).click();
    await expect(imp.result().textContent()).resolves.toBe('✓ Imported 1 contact from “one.csv”.');
    expect((await deviceContacts(ines)).map((c) => c.fields)).toEqual([
      { name: EXISTING.name, phones: [{ label: 'mobile', number: '+18025550999', primary: true }] },
    ]);
  });

  it('lists every bad row of a 200-row file by line and saves nothing until the user skips them', async () => {
    const { page } = ines;
    const file = generatedCsv();
    const imp = new ContactsImportPage(page);
    await imp.goto();
    await imp.chooseFile('volunteers.csv', file.text);
    await imp.main().getByText('“volunteers.csv”: 200 rows, 9 columns.').waitFor();
    for (const [label, column] of [
      ['Full name', 'Name'],
      ['Position', 'Position'],
      ['Department', 'Department'],
      ['Phone 1', 'Mobile'],
      ['Phone 2', 'Work Phone'],
      ['Email', 'Email'],
      ['Preferred method', 'Preferred'],
      ['Languages', 'Languages'],
      ['Last verified', 'Last verified'],
    ])
      await expect(imp.column(label!).inputValue(), label).resolves.toBe(column);
    const preview = imp
      .main()
      .getByRole('table', { name: 'The first 10 rows of the file as they will be imported.' });
    await preview.getByRole('cell', { name: 'Person 001' }).waitFor();
    await preview.getByRole('cell', { name: 'Mobile +1 802 555 1000, Work +1 802 555 2000' }).waitFor();

    await imp.main().getByText('200 rows: 193 contacts can be imported.').waitFor();
    expect(await imp.problems()).toEqual(file.problems);
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing is saved and nothing can be until the user decides.
    await expect(imp.importButton().count()).resolves.toBe(0);
    expect(await deviceContacts(ines)).toHaveLength(1);

    await imp.skipBox().check();
    await imp.main().getByText('Skip the 7 rows with problems and import the rest').waitFor();
    await imp
      .main()
      .getByRole('button', { name: `Import ${file.good} contacts` })
      .click();
    await expect(imp.result().textContent()).resolves.toBe('✓ Imported 193 contacts from “volunteers.csv”.');

    const contacts = await deviceContacts(ines);
    expect(contacts).toHaveLength(1 + file.good);
    const names = new Set(contacts.map((c) => c.fields.name));
    for (const left of ['Person 010', 'Person 080', 'Person 150', 'Person 190'])
      expect(names).not.toContain(left);
    expect(contacts.find((c) => c.fields.name === 'Person 002')).toMatchObject({
      dept: DEPT,
      fields: {
        position: 'Volunteer',
        department: 'Emergency Management',
        email: 'person002@example.org',
        preferredMethod: 'text',
        languages: ['English', 'Spanish'],
        lastVerified: '2026-01-15',
        phones: [
          { label: 'mobile', number: '+18025551002', primary: true },
          { label: 'work', number: '+18025552002' },
        ],
      },
    });

    await expect
      .poll(async () => (await serverRecords(page.request)).filter((r) => r.kind === 'contact').length, {
        timeout: 60_000,
        interval: 1_000,
      })
      .toBe(1 + file.good);
  });

  it('exports every contact as vCard, and the list’s search as a vCard of the matches', async () => {
    const { page } = ines;
    const imp = new ContactsImportPage(page);
    await imp.goto();
    await imp.main().getByText('194 contacts are on this device.').waitFor();
    const all = await imp.download('Download all contacts (.vcf)');
    expect(all.suggestedFilename()).toBe('contacts-2026-03-02.vcf');
    const text = await readFile((await all.path())!, 'utf8');
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(194);
    expect(text).toContain('FN:Person 002\r\nN:002;Person;;;\r\n');
    expect(text).toContain('TEL;TYPE=CELL,PREF:+18025551002\r\nTEL;TYPE=WORK:+18025552002\r\n');

    // From the contacts list with a search, the link carries it and the export holds only the matches.
    await page.goto('/contacts');
    // Rows 0, 3, … 198 are shelter leads (67), less lines 122 and 152, which were skipped.
    await page.getByLabel('Search contacts').fill('Shelter lead');
    await page.getByRole('main').getByText('65 contacts', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Import and export contacts' }).click();
    await imp.main().getByText('65 contacts match the list you came from.').waitFor();
    const one = await imp.download('Download these contacts (.vcf)');
    const card = await readFile((await one.path())!, 'utf8');
    expect(card.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(65);
    expect(card.match(/^ROLE:Shelter lead\r$/gm)).toHaveLength(65);
    expect(card).toContain('FN:Person 003\r\n');
    expect(card).not.toContain('FN:Person 001\r\n');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
