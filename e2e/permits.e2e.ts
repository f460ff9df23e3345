// The Permits core screens. Offline, a clerk creates a permit (shown with its provisional number), moves
// it with a reason and records a fee as owed; back online, the server holds the permit, the status event
// and the fee, and the provisional number still finds it. Invalid input (missing fields, an issue date
// before the application, a negative fee, a move without its reason) is explained next to the field in
// English and Spanish; axe and the keyboard on the list, the form and the permit page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { PermitsPage } from './pages/permits-page';
import { SyncBar } from './pages/sync-bar';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { tabUntilFocused } from './support/keyboard-focus';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'building';

describe('permits: list, form and permit page', () => {
  let server: TestServer;
  let browser: Browser;
  let cleo: Device;
  let provisional = '';
  /** The official number the server gave the permit. */
  let official = '';

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'cleo', password: PASSWORD, role: 'clerk', departments: [DEPT] });
    browser = await launchBrowser();
    cleo = await signedInDevice(browser, server, 'cleo', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a permit offline with a provisional number, moves it, adds an owed fee; sync sends all', async () => {
    const { page, context } = cleo;
    const permits = new PermitsPage(page);
    await permits.goto();
    await permits.main().getByText('No permits are on this device yet.').waitFor();
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();

    await permits.create({
      type: 'Deck',
      description: 'Attached deck, 12 by 16 feet',
      address: '1268 Abbey Crt.',
      applicant: 'Ana Ruiz',
      applied: '2026-02-20',
      valuation: '18,500.00',
    });
    const heading = await permits.heading().innerText();
    const match = /^Permit Provisional (P-[0-9A-Z]{5}-1)$/.exec(heading.replace(/\s+/g, ' '));
    expect(match, heading).not.toBeNull();
    provisional = match![1]!;
    await permits.statusLine().getByText('Submitted').waitFor();
    await permits.main().getByText('$18,500.00').waitFor();

    // Withdrawing needs a reason; moving to review does not, but one is kept when given.
    await permits.changeStatus('Withdrawn');
    await expect(permits.errorOf(permits.field('Reason'))).resolves.toBe('Write the reason for this change.');
    await permits.changeStatus('In review', 'Plans received at the counter');
    await permits.statusLine().getByText('In review').waitFor();
    await permits.history().getByText('Submitted → In review').waitFor();
    await permits.history().getByText('Plans received at the counter').waitFor();
    // Only the moves allowed from "In review" are offered now.
    const options = await permits.field('New status').locator('option').allInnerTexts();
    expect(options).toEqual(['Fees due', 'Issued', 'Withdrawn', 'Cancelled']);

    // Offline a fee is owed or paid with a receipt, nothing else.
    const feeStatuses = await permits
      .field('Fee status', permits.feeForm())
      .locator('option')
      .allInnerTexts();
    expect(feeStatuses).toEqual(['Owed', 'Paid']);
    await permits.fillFee({
      code: 'BLD',
      description: 'Building permit fee',
      amount: '125.50',
      status: 'Owed',
    });
    await permits.feeForm().getByRole('button', { name: 'Add fee' }).click();
    const fees = permits.fees();
    await fees.getByRole('row').filter({ hasText: 'BLD' }).getByText('Owed').waitFor();
    await permits.main().locator('.permit-fee-totals').getByText('$125.50').waitFor();

    // The list shows it with its provisional number, marked unsent; search finds it by that number.
    await permits.goto();
    await permits.count('1 permit').waitFor();
    const row = permits.row('1268 Abbey Crt.');
    await row.getByText('Provisional', { exact: true }).waitFor();
    await row.getByText('Not yet sent').waitFor();
    await row.getByText('In review').waitFor();

    await context.setOffline(false);
    await new SyncBar(page).waitForSynced();
    await expect
      .poll(async () => {
        const records = await serverRecords(page.request);
        return {
          permit: records.find((r) => r.kind === 'permit')?.fields,
          events: records.filter((r) => r.kind === 'permit_status_event').map((r) => r.fields),
          fees: records.filter((r) => r.kind === 'permit_fee').map((r) => r.fields),
        };
      })
      .toMatchObject({
        permit: {
          provisionalNumber: provisional,
          status: 'in_review',
          address: '1268 Abbey Crt.',
          valuationCents: 1_850_000,
        },
        events: [{ from: 'submitted', to: 'in_review', reason: 'Plans received at the counter' }],
        fees: [{ code: 'BLD', amountCents: 12_550, status: 'due' }],
      });

    // The server gave it an official number; the device shows it after the pull, and the provisional
    // number still finds it.
    official = String(
      (await serverRecords(page.request)).find((r) => r.kind === 'permit')?.fields.number ?? '',
    );
    expect(official).toMatch(/^\d{4}-\d{5}$/);
    await permits.goto();
    await permits.search().fill(provisional.toLowerCase());
    await permits.count('1 permit').waitFor();
    await permits.row('1268 Abbey Crt.').getByText(official).waitFor();
    await permits.search().fill('abbey');
    await permits.row('1268 Abbey Crt.').waitFor();
    await permits.search().fill('nobody here');
    await permits.main().getByText('No permits match.', { exact: false }).waitFor();
    await permits.search().fill('');
  });

  it('records a payment for an owed fee as a new entry superseding it; online, waivers and voids are offered', async () => {
    const { page } = cleo;
    const permits = new PermitsPage(page);
    await permits.goto();
    await permits.row('1268 Abbey Crt.').getByRole('link').click();
    await permits.heading().filter({ hasText: official }).waitFor();
    await permits
      .field('Fee status', permits.feeForm())
      .locator('option')
      .first()
      .waitFor({ state: 'attached' });
    const options = await permits.field('Fee status', permits.feeForm()).locator('option').allInnerTexts();
    expect(options).toEqual(['Owed', 'Paid', 'Waived', 'Refunded', 'Void']);
    await permits.main().getByRole('button', { name: 'Update fee BLD' }).click();
    const form = permits.feeForm(/^Update fee BLD$/);
    await permits.fillFee({ status: 'Paid', receipt: 'R-2026-0042' }, form);
    await form.getByRole('button', { name: 'Save fee update' }).click();
    await permits.fees().getByRole('row').filter({ hasText: 'R-2026-0042' }).getByText('Paid').waitFor();
    await expect(permits.fees().getByRole('row').count()).resolves.toBe(2); // header + the one fee
    const totals = permits.main().locator('.permit-fee-totals');
    await expect(totals.innerText()).resolves.toMatch(/Owed\s+\$0\.00\s+Paid\s+\$125\.50/);
    await new SyncBar(page).syncNow();
    const fees = (await serverRecords(page.request)).filter((r) => r.kind === 'permit_fee');
    const owed = fees.find((f) => f.fields.status === 'due');
    expect(fees.find((f) => f.fields.status === 'paid')?.fields).toMatchObject({
      receipt: 'R-2026-0042',
      amountCents: 12_550,
      supersedes: owed?.id,
    });
  });

  it('explains missing fields, an early issue date and a negative fee next to the field, in English', async () => {
    const { page } = cleo;
    const permits = new PermitsPage(page);
    await permits.goto();
    await permits.openNew();
    await permits.fill({ applied: '2026-02-20', issued: '2026-02-01' });
    await permits.main().getByRole('button', { name: 'Save permit' }).click();
    await expect(permits.errorOf(permits.field('Permit type'))).resolves.toBe(
      'Enter the permit type, for example Deck or Plumbing.',
    );
    await expect(permits.errorOf(permits.field('Work description'))).resolves.toBe('Describe the work.');
    await expect(permits.errorOf(permits.field('Address'))).resolves.toBe('Enter the address of the work.');
    await expect(permits.errorOf(permits.field('Applicant name'))).resolves.toBe(
      'Enter the applicant’s name.',
    );
    await expect(permits.errorOf(permits.field('Issue date'))).resolves.toBe(
      'The issue date cannot be before the application date.',
    );
    await permits.fill({ valuation: '-10' });
    await permits.main().getByRole('button', { name: 'Save permit' }).click();
    await expect(permits.errorOf(permits.field('Valuation'))).resolves.toBe(
      'The valuation cannot be negative.',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await permits.goto();
    await permits.row('1268 Abbey Crt.').getByRole('link').click();
    await permits.heading().filter({ hasText: official }).waitFor();
    await permits.fillFee({ code: 'PLN', description: 'Plan review', amount: '-5' });
    await permits.feeForm().getByRole('button', { name: 'Add fee' }).click();
    await expect(permits.errorOf(permits.field('Amount', permits.feeForm()))).resolves.toBe(
      'The amount must be more than zero.',
    );
    await permits.fillFee({ amount: '40', status: 'Paid' });
    await permits.feeForm().getByRole('button', { name: 'Add fee' }).click();
    await expect(permits.errorOf(permits.field('Receipt number', permits.feeForm()))).resolves.toBe(
      'A paid fee needs its receipt number.',
    );
  });

  it('says the same in Spanish, and axe finds nothing serious on the list, the form and the permit page', async () => {
    const { page } = cleo;
    const permits = new PermitsPage(page);
    await new AppShell(page).language().selectOption({ label: 'Español' });
    await permits.goto('Permisos');
    await permits.count('1 permiso').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await permits.openNew('Nuevo permiso');
    await permits.field('Fecha de solicitud').fill('2026-02-20');
    await permits.field('Fecha de emisión').fill('2026-02-01');
    await permits.field('Valor de la obra').fill('-3');
    await permits.main().getByRole('button', { name: 'Guardar permiso' }).click();
    await expect(permits.errorOf(permits.field('Tipo de permiso'))).resolves.toBe(
      'Escriba el tipo de permiso, por ejemplo Terraza o Fontanería.',
    );
    await expect(permits.errorOf(permits.field('Dirección'))).resolves.toBe(
      'Escriba la dirección de la obra.',
    );
    await expect(permits.errorOf(permits.field('Fecha de emisión'))).resolves.toBe(
      'La fecha de emisión no puede ser anterior a la fecha de solicitud.',
    );
    await expect(permits.errorOf(permits.field('Valor de la obra'))).resolves.toBe(
      'El valor de la obra no puede ser negativo.',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await permits.goto('Permisos');
    await permits.row('1268 Abbey Crt.').getByRole('link').click();
    await permits.heading().filter({ hasText: official }).waitFor();
    const form = permits.feeForm();
    await permits.field('Código de la tasa', form).fill('PLN');
    await permits.field('Descripción', form).fill('Revisión de planos');
    await permits.field('Importe', form).fill('-5');
    await form.getByRole('button', { name: 'Añadir tasa' }).click();
    await expect(permits.errorOf(permits.field('Importe', form))).resolves.toBe(
      'El importe debe ser mayor que cero.',
    );
    await permits.field('Nuevo estado').selectOption({ label: 'Retirado' });
    await permits.main().getByRole('button', { name: 'Cambiar el estado' }).click();
    await expect(permits.errorOf(permits.field('Motivo'))).resolves.toBe('Escriba el motivo de este cambio.');
    expect(await seriousViolations(page)).toEqual([]);
    await new AppShell(page).language().selectOption({ label: 'English' });
  });

  it('is usable by keyboard: search, open a permit, change its status, add a fee', async () => {
    const { page } = cleo;
    const permits = new PermitsPage(page);
    await permits.goto();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabUntilFocused(page, permits.search());
    await page.keyboard.type('abbey');
    await permits.row('1268 Abbey Crt.').waitFor();
    const link = permits.row('1268 Abbey Crt.').getByRole('link');
    await tabUntilFocused(page, link);
    await page.keyboard.press('Enter');
    await permits.heading().filter({ hasText: official }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await tabUntilFocused(page, permits.field('New status'));
    await permits.field('New status').selectOption({ label: 'Fees due' });
    await tabUntilFocused(page, permits.main().getByRole('button', { name: 'Change status' }));
    await page.keyboard.press('Enter');
    await permits.statusLine().getByText('Fees due').waitFor();

    const form = permits.feeForm();
    await tabUntilFocused(page, permits.field('Fee code', form));
    await page.keyboard.type('INS');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Inspection fee');
    await page.keyboard.press('Tab');
    await page.keyboard.type('60');
    await tabUntilFocused(page, form.getByRole('button', { name: 'Add fee' }));
    await page.keyboard.press('Enter');
    await permits.fees().getByRole('row').filter({ hasText: 'INS' }).waitFor();

    // The edit form is reachable and saves by keyboard too.
    await tabUntilFocused(page, permits.main().getByRole('link', { name: 'Edit details' }), 120);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Edit permit/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await tabUntilFocused(page, permits.field('Parcel'));
    await page.keyboard.type('071-4410-22');
    await tabUntilFocused(page, permits.main().getByRole('button', { name: 'Save', exact: true }), 120);
    await page.keyboard.press('Enter');
    await permits.heading().filter({ hasText: official }).waitFor();
    await permits.main().getByText('071-4410-22').waitFor();
  });

  it('keys in an application taken on paper during an outage: marked transcribed, with its time and code', async () => {
    const { page } = cleo;
    const permits = new PermitsPage(page);
    await permits.goto();
    await permits.openNew();
    await permits.fill({
      type: 'Fence',
      description: 'Six-foot wood fence along the back lot line',
      address: '77 Pine St.',
      applicant: 'Lena Ortiz',
      applied: '2026-02-21',
      paperCode: 'PKT-6C8E9F3A-v1 p31',
      paperDate: '2026-02-21',
      paperTime: '9:7',
    });
    await permits.main().getByRole('button', { name: 'Save permit', exact: true }).click();
    // A time that is not HH:MM is explained next to the field, nothing is saved.
    await expect(permits.errorOf(permits.field('Received on paper'))).resolves.toBe(
      'Enter the date, and the time on the 24-hour clock as HH:MM (for example 09:40).',
    );
    await permits.field('Time, Received on paper').fill('09:40');
    await permits.main().getByRole('button', { name: 'Save permit', exact: true }).click();
    await permits
      .heading()
      .filter({ hasText: /^Permit / })
      .waitFor();
    await permits.statusLine().getByText('Transcribed from paper').waitFor();
    const received = await page.evaluate(() => new Date(2026, 1, 21, 9, 40).toISOString());
    await permits.main().getByText('PKT-6C8E9F3A-v1 p31').waitFor();

    // The code on the paper finds the permit it was keyed into.
    await permits.goto();
    await permits.search().fill('pkt-6c8e9f3a');
    await permits.row('77 Pine St.').waitFor();
    await permits.search().fill('');

    await new SyncBar(page).syncNow();
    await expect
      .poll(
        async () =>
          (await serverRecords(page.request)).find((r) => r.fields.address === '77 Pine St.')?.fields,
      )
      .toMatchObject({
        paperCode: 'PKT-6C8E9F3A-v1 p31',
        paperReceivedAt: received,
        appliedDate: '2026-02-21',
      });
  });
});
