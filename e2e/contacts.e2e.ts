// The contacts list and form (issue 6). Offline, a manager enters contacts with numbers typed in several
// formats (one refused next to its row, in English and in Spanish), is warned of a duplicate before saving,
// and marks one verified today; online, the server holds every number in E.164. The "needs checking" list
// follows the number of days kept on the device. axe on each screen; the form works by keyboard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { ContactsPage } from './pages/contacts-page';
import { SyncBar } from './pages/sync-bar';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { tabStops } from './support/keyboard';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';
// The browser's clock is pinned to 2026-03-02 (support/browser.ts): "today".
const TODAY = '2026-03-02';

describe('contacts: list, form, duplicates and staleness', () => {
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

  it('creates contacts offline from numbers typed in several formats; the server stores them in E.164', async () => {
    const { page, context } = ines;
    const contacts = new ContactsPage(page);
    await contacts.goto();
    await contacts.main().getByText('No contacts are on this device yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();

    await contacts.openNew();
    await contacts.fill({
      name: 'Ana Ruiz',
      title: 'Director',
      position: 'Public Works Director',
      department: 'Public Works',
      phones: [
        { label: 'Mobile', number: '(802) 555-0134' },
        { label: 'Work', number: '802.555.0199' },
      ],
      email: 'ana.ruiz@example.org',
      radio: 'PW-1',
      preferredMethod: 'Text message',
      languages: 'English, Spanish',
      accessibility: 'Prefers text at night',
      lastVerified: '2025-12-01',
    });
    await contacts.save();
    await contacts.waitForContact('Ana Ruiz');
    expect(await contacts.phoneLinks()).toEqual([
      { text: 'Mobile: +1 802 555 0134', href: 'tel:+18025550134' },
      { text: 'Work: +1 802 555 0199', href: 'tel:+18025550199' },
    ]);
    await expect(contacts.detail('Preferred method').innerText()).resolves.toBe('Text message');
    await expect(contacts.detail('Languages').innerText()).resolves.toBe('English, Spanish');
    expect(await seriousViolations(page)).toEqual([]);

    // A number that cannot be dialled is refused next to its own row; nothing is saved until it is fixed.
    await contacts.goto();
    await contacts.openNew();
    await contacts.fill({
      name: 'Ben Okafor',
      phones: [
        { label: 'Work', number: '+44 20 7183 8750' },
        { label: 'Home', number: '555-01', primary: true },
      ],
    });
    await contacts.save();
    await expect(contacts.errorOf(contacts.phoneNumber(2))).resolves.toBe(
      'This is not a phone number that can be dialled. Type it with its area code, like (802) 555-0134, or with + and the country code.',
    );
    await expect(contacts.errorOf(contacts.phoneNumber(1))).resolves.toBe('');
    await contacts.main().getByText('Some fields need attention.', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('tel');
    expect(await seriousViolations(page)).toEqual([]);
    await contacts.phoneNumber(2).fill('1-802-555-7000');
    await contacts.main().getByRole('button', { name: 'Verified today' }).click();
    await expect(contacts.field('Last verified').inputValue()).resolves.toBe(TODAY);
    await contacts.save();
    await contacts.waitForContact('Ben Okafor');
    expect(await contacts.phoneLinks()).toEqual([
      { text: 'Work: +44 2071838750', href: 'tel:+442071838750' },
      { text: 'Home: +1 802 555 7000', href: 'tel:+18025557000' },
    ]);

    // A number already on the list: warned before saving, with the choice to open the other contact.
    await contacts.goto();
    await contacts.openNew();
    await contacts.fill({ name: 'Dee Ruiz', phones: [{ number: '802 555 0134' }] });
    await contacts.save();
    const warning = contacts.duplicates();
    await warning.getByText('Ana Ruiz already has +1 802 555 0134.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await warning.getByRole('link', { name: 'Open Ana Ruiz' }).click();
    await contacts.waitForContact('Ana Ruiz');
    await contacts.goto();
    await contacts.waitForCount('2 contacts');
    await contacts.openNew();
    await contacts.fill({ name: 'dee ruiz', phones: [{ number: '+1 802 555 0134' }] });
    await contacts.save();
    await contacts.duplicates().getByText('Ana Ruiz already has +1 802 555 0134.').waitFor();
    await contacts.duplicates().getByRole('button', { name: 'Save anyway' }).click();
    await contacts.waitForContact('dee ruiz');

    // The same name however it is written.
    await contacts.goto();
    await contacts.openNew();
    await contacts.fill({ name: 'ANA  RUIZ', phones: [{ number: '(802) 555-3000' }] });
    await contacts.save();
    await contacts.duplicates().getByText('A contact named Ana Ruiz is already on the list.').waitFor();
    await contacts.duplicates().getByRole('button', { name: 'Keep editing' }).click();
    await expect(contacts.duplicates().count()).resolves.toBe(0);

    // Online: every number reaches the server in E.164.
    await contacts.goto();
    await contacts.waitForCount('3 contacts');
    await context.setOffline(false);
    await new SyncBar(page).waitForSynced();
    const records = (await serverRecords(page.request)).filter((r) => r.kind === 'contact');
    const byName = Object.fromEntries(records.map((r) => [r.fields.name, r.fields]));
    expect(Object.keys(byName).sort()).toEqual(['Ana Ruiz', 'Ben Okafor', 'dee ruiz']);
    expect(byName['Ana Ruiz']).toMatchObject({
      position: 'Public Works Director',
      phones: [
        { label: 'mobile', number: '+18025550134', primary: true },
        { label: 'work', number: '+18025550199' },
      ],
      preferredMethod: 'text',
      languages: ['English', 'Spanish'],
      lastVerified: '2025-12-01',
    });
    expect(byName['Ben Okafor']).toMatchObject({
      phones: [
        { label: 'work', number: '+442071838750' },
        { label: 'home', number: '+18025557000', primary: true },
      ],
      lastVerified: TODAY,
    });
    expect(byName['dee ruiz']).toMatchObject({
      phones: [{ label: 'mobile', number: '+18025550134', primary: true }],
    });
  });

  it('refuses a bad number next to its field in Spanish', async () => {
    const { page } = ines;
    const contacts = new ContactsPage(page);
    await contacts.goto();
    const shell = new AppShell(page);
    await shell.language().selectOption({ label: 'Español' });
    await contacts.heading().filter({ hasText: 'Contactos' }).waitFor();
    await contacts.main().getByRole('link', { name: 'Nuevo contacto' }).click();
    await contacts.heading().filter({ hasText: 'Nuevo contacto' }).waitFor();
    await contacts.field('Nombre').fill('Eva Soto');
    await contacts.phoneNumber(1, 'Número').fill('12345');
    await contacts.main().getByRole('button', { name: 'Guardar contacto' }).click();
    await expect(contacts.errorOf(contacts.phoneNumber(1, 'Número'))).resolves.toBe(
      'Este no es un número de teléfono que se pueda marcar. Escríbalo con el código de área, como (802) 555-0134, o con + y el código del país.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shell.language().selectOption({ label: 'English' });
    await contacts.goto();
    await contacts.waitForCount('3 contacts');
  });

  it('searches by name, position and number, and lists contacts that need checking', async () => {
    const { page } = ines;
    const contacts = new ContactsPage(page);
    await contacts.goto();
    await contacts.waitForCount('3 contacts');
    await expect.poll(() => contacts.listedNames()).toEqual(['Ana Ruiz', 'Ben Okafor', 'dee ruiz']);
    await expect(contacts.callLink('Ana Ruiz').getAttribute('href')).resolves.toBe('tel:+18025550134');
    await expect(contacts.callLink('Ben Okafor').getAttribute('href')).resolves.toBe('tel:+18025557000');

    await contacts.search().fill('ruiz');
    await contacts.waitForCount('2 contacts');
    await expect.poll(() => contacts.listedNames()).toEqual(['Ana Ruiz', 'dee ruiz']);
    await contacts.search().fill('public works dir');
    await contacts.waitForCount('1 contact');
    await contacts.search().fill('(802) 555-7000');
    // The count reads as before ("1 contact"): wait for the list itself.
    await expect.poll(() => contacts.listedNames()).toEqual(['Ben Okafor']);
    await contacts.waitForCount('1 contact');
    await contacts.search().fill('');

    // 180 days by default: Ana (verified 91 days ago) is fresh, Dee (never verified) is not.
    await expect(contacts.staleDays().inputValue()).resolves.toBe('180');
    await contacts.onlyNeedsChecking().check();
    await contacts.waitForCount('1 contact needs checking');
    await expect.poll(() => contacts.listedNames()).toEqual(['dee ruiz']);
    await contacts.row('dee ruiz').getByText('Needs checking').waitFor();
    await contacts.staleDays().fill('90');
    await contacts.waitForCount('2 contacts need checking');
    await expect.poll(() => contacts.listedNames()).toEqual(['dee ruiz', 'Ana Ruiz']);
    await contacts.staleDays().fill('0');
    await expect(contacts.errorOf(contacts.staleDays())).resolves.toBe(
      'Enter a number of days from 1 to 3650.',
    );
    await contacts.staleDays().fill('90');
    expect(await seriousViolations(page)).toEqual([]);

    // The setting stays on the device.
    await page.reload();
    await contacts.heading().filter({ hasText: 'Contacts' }).waitFor();
    // The setting is read from the device's database after the page appears.
    await expect.poll(() => contacts.staleDays().inputValue()).toBe('90');

    // Verifying Ana today takes her off the list.
    await contacts.main().getByRole('link', { name: 'Ana Ruiz', exact: true }).click();
    await contacts.waitForContact('Ana Ruiz');
    await contacts.main().getByText('Needs checking').waitFor();
    await contacts.main().getByRole('button', { name: 'Verified today' }).click();
    await contacts.detail('Last verified').filter({ hasText: 'Mar 2, 2026' }).waitFor();
    await expect(contacts.main().getByText('Needs checking').count()).resolves.toBe(0);
    await contacts.goto();
    await contacts.onlyNeedsChecking().check();
    await contacts.waitForCount('1 contact needs checking');
  });

  it('edits a contact by keyboard: phone rows added and removed, primary chosen, only changes sent', async () => {
    const { page } = ines;
    const contacts = new ContactsPage(page);
    await contacts.goto();
    await contacts.main().getByRole('link', { name: 'dee ruiz', exact: true }).click();
    await contacts.waitForContact('dee ruiz');
    const stops = await tabStops(page);
    expect(stops).toEqual(expect.arrayContaining(['Edit', 'Verified today', 'Mobile: +1 802 555 0134']));
    await contacts.main().getByRole('button', { name: 'Edit' }).focus();
    await page.keyboard.press('Enter');
    await contacts.heading().filter({ hasText: 'Edit dee ruiz' }).waitFor();
    await contacts.field('Name').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Dee Ruiz');
    await contacts.addPhoneButton().focus();
    await page.keyboard.press('Enter');
    // The new row's number takes focus.
    await contacts.phoneNumber(2).waitFor();
    await expect(contacts.phoneNumber(2).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('802 555 4444');
    await contacts.primary(2).focus();
    await page.keyboard.press('Space');
    await expect(contacts.primary(2).isChecked()).resolves.toBe(true);
    await contacts.main().getByRole('button', { name: 'Remove phone 1' }).focus();
    await page.keyboard.press('Enter');
    await expect(contacts.phoneNumber(2).count()).resolves.toBe(0);
    await expect(contacts.phoneNumber(1).inputValue()).resolves.toBe('802 555 4444');
    expect(await seriousViolations(page)).toEqual([]);
    // At 200% zoom (half the width in CSS pixels) the form needs no sideways scrolling.
    const sideways = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 640, height: 720 });
    await expect(sideways()).resolves.toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await contacts.main().getByRole('button', { name: 'Save', exact: true }).focus();
    await page.keyboard.press('Enter');
    await contacts.waitForContact('Dee Ruiz');
    expect(await contacts.phoneLinks()).toEqual([
      { text: 'Work: +1 802 555 4444', href: 'tel:+18025554444' },
    ]);
    await new SyncBar(page).waitForSynced();
    const dee = (await serverRecords(page.request)).find((r) => r.fields.name === 'Dee Ruiz');
    expect(dee?.fields.phones).toEqual([{ label: 'work', number: '+18025554444', primary: true }]);

    // The list at 200% zoom too.
    await contacts.goto();
    await contacts.waitForCount('3 contacts');
    await page.setViewportSize({ width: 640, height: 720 });
    await expect(sideways()).resolves.toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
