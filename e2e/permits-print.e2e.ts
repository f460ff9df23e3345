// Print views of the Permits area, rendered to PDF by Chromium: the permit card spans the right number
// of pages and every page carries its title, code, "data as of" stamp, device and "page N of M"; the
// inspection sheet, the blank forms (with lines to write on) and the route sheet print in English and
// Spanish; and the print routes open offline from the service worker's cache.
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrintPage } from './pages/print-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { SeedScene } from './support/seed';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceTable, signedInDevice, type Device } from './support/sync';

/** The server numbers the first permit it receives: <year>-00001 (its provisional number stays on the card). */
const OFFICIAL_NUMBER = /\d{4}-00001/;

const PASSWORD = 'correct horse battery';
const DEPT = 'building';
const DAY = '2026-03-02'; // PINNED_TIME's day: the route sheet's default

interface Seeded {
  permitId: string;
  inspectionId: string;
}

/** Pushes records as the clerk from another desk (the server applies them as any device's changes). */
async function seed(api: APIRequestContext): Promise<Seeded> {
  const scene = new SeedScene(DEPT, '2026-03-01T15:00:00.000Z');
  const { add } = scene;
  const permit = (address: string, provisionalNumber: string) =>
    add('record.create', 'permit', {
      permitType: 'Residential addition',
      workClass: 'Addition',
      description: 'Two-storey rear addition with a basement walkout.',
      address,
      parcel: '07-123-456',
      applicantName: 'Ana Ruiz',
      applicantPhone: '905-555-0101',
      contractorName: 'Northshore Builders',
      contractorLicense: 'GC-4411',
      valuationCents: 18_500_000,
      appliedDate: '2026-01-15',
      provisionalNumber,
      status: 'submitted',
    });
  const permitId = permit('1268 Abbey Crt.', 'P-PRINT-0001');
  add('entry.append', 'permit_status_event', {
    permitId,
    from: 'submitted',
    to: 'fees_due',
    reason: 'Plans reviewed',
    effectiveDate: '2026-01-20',
  });
  const fees: string[] = [];
  for (let i = 1; i <= 12; i++)
    fees.push(
      add('entry.append', 'permit_fee', {
        permitId,
        code: `F${String(i).padStart(2, '0')}`,
        description: `Fee item ${i}`,
        amountCents: 10_000 + i * 100,
        status: 'due',
      }),
    );
  add('entry.append', 'permit_fee', {
    permitId,
    code: 'F01',
    description: 'Fee item 1',
    amountCents: 10_100,
    status: 'paid',
    receipt: 'R-7781',
    supersedes: fees[0],
  });
  let inspectionId = '';
  for (let i = 1; i <= 8; i++) {
    const id = add('record.create', 'permit_inspection', {
      permitId,
      inspectionType: `Stage ${i} inspection`,
      scheduledDate: `2026-02-${String(i + 10).padStart(2, '0')}`,
      inspector: 'Ines Ortega',
      status: 'scheduled',
    });
    add('entry.append', 'inspection_result', {
      inspectionId: id,
      permitId,
      outcome: i === 8 ? 'not_approved' : 'approved_with_corrections',
      corrections: [`Fix item ${i}a: guard height`, `Fix item ${i}b: fire separation`],
      notes: `Visit ${i}`,
    });
    if (i === 8) inspectionId = id;
  }
  // Today's route: three stops on two streets, in the wrong order.
  for (const [address, number] of [
    ['10 Oak Ave', 'P-PRINT-0010'],
    ['5 Birch Rd', 'P-PRINT-0005'],
    ['2 Oak Ave', 'P-PRINT-0002'],
  ] as const) {
    const id = permit(address, number);
    add('record.create', 'permit_inspection', {
      permitId: id,
      inspectionType: 'Framing',
      scheduledDate: DAY,
      inspector: 'Ines Ortega',
      address,
      status: 'scheduled',
    });
  }
  await scene.push(api);
  return { permitId, inspectionId };
}

/** Every page of the PDF carries the running header and footer. */
function expectRunningHeader(pages: string[], parts: (string | RegExp)[]): void {
  pages.forEach((text, i) => {
    for (const part of parts) expect(text).toMatch(part);
    expect(text).toMatch(new RegExp(`(Page|Página) ${i + 1} (of|de) ${pages.length}`));
  });
}

describe('permit print views', () => {
  let server: TestServer;
  let browser: Browser;
  let clerk: Device;
  let seeded: Seeded;
  let device = '';

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'cleo', password: PASSWORD, role: 'clerk', departments: [DEPT] });
    const api = await apiSession(server, 'cleo', PASSWORD);
    seeded = await seed(api);
    await api.dispose();
    browser = await launchBrowser();
    clerk = await signedInDevice(browser, server, 'cleo', PASSWORD);
    await new SyncBar(clerk.page).syncNow();
    const meta = await deviceTable<{ key: string; value: unknown }>(clerk.page, 'meta');
    const deviceId = String(meta.find((row) => row.key === 'deviceId')?.value ?? '');
    device = deviceId.replace(/-/g, '').slice(-6).toUpperCase();
    expect(device).toMatch(/^[0-9A-F]{6}$/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the permit card fills two pages, each with title, code, data-as-of stamp, device and page N of M', async () => {
    const print = new PrintPage(clerk.page);
    await print.goto(`/permits/${seeded.permitId}/print`, OFFICIAL_NUMBER);
    await expect(print.clickPrint()).resolves.toBe(1);
    expect(await seriousViolations(clerk.page)).toEqual([]);
    const shortId = seeded.permitId.replace(/-/g, '').slice(-8).toUpperCase();

    const pdf = await print.pdf();
    expect(pdf.pageCount).toBe(2);
    expect(pdf.sizes).toEqual([
      [612, 792],
      [612, 792],
    ]);
    expectRunningHeader(pdf.pages, [
      /Permit card \d{4}-00001/,
      `PRM-${shortId}-v1`,
      /Data as of Mar 2, 2026/,
      `Device ${device}`,
    ]);
    const all = pdf.pages.join(' ');
    for (const text of [
      '1268 Abbey Crt.',
      'Provisional number',
      'P-PRINT-0001',
      'Ana Ruiz',
      'Northshore Builders',
      '185,000.00',
      'Submitted → Fees due',
      'Plans reviewed',
      'R-7781',
      'Fix item 8b: fire separation',
      'Not approved',
    ])
      expect(all).toContain(text);
    // F02…F12 are owed (11 × 100.00 + 2.00 … 12.00); F01 was paid.
    expect(all).toMatch(/Total owed\s*1,177\.00/);
    expect(all).toMatch(/Total paid\s*101\.00/);
    // The Print button, its hint and the shell stay off the paper.
    for (const text of ['Sync now', 'Prints on Letter paper', 'Needs attention'])
      expect(all).not.toContain(text);

    await print.language('es');
    expect(await seriousViolations(clerk.page)).toEqual([]);
    const es = await print.pdf();
    expect(es.pageCount).toBe(2);
    expectRunningHeader(es.pages, [
      /Ficha del permiso \d{4}-00001/,
      /Datos al 2 mar 2026/,
      `Dispositivo ${device}`,
    ]);
    expect(es.pages[0]).toContain('Página 1 de 2');
    expect(es.pages[1]).toContain('Página 2 de 2');
    expect(es.pages.join(' ')).toContain('Presentado → Tasas pendientes');
    await print.language('en');
  });

  it('the inspection result sheet prints its corrections and signature lines on one page', async () => {
    const print = new PrintPage(clerk.page);
    await print.goto(`/permits/inspections/${seeded.inspectionId}/print`, 'Inspection result');
    expect(await seriousViolations(clerk.page)).toEqual([]);
    const pdf = await print.pdf();
    expect(pdf.pageCount).toBe(1);
    const code = `INS-${seeded.inspectionId.replace(/-/g, '').slice(-8).toUpperCase()}-v1`;
    expectRunningHeader(pdf.pages, [/Inspection result \d{4}-00001/, code, /Data as of/, `Device ${device}`]);
    for (const text of [
      'Not approved',
      'A re-inspection is required.',
      'Fix item 8a: guard height',
      'Fix item 8b: fire separation',
      'Inspector: Signature',
    ])
      expect(pdf.pages[0]).toContain(text);
  });

  for (const [path, en, es, code] of [
    [
      '/permits/print/blank-intake',
      'Permit application (paper form)',
      'Solicitud de permiso',
      'PRM-INTAKE-v1',
    ],
    [
      '/permits/print/blank-inspection',
      'Inspection record (paper form)',
      'Registro de inspección',
      'PRM-INSP-v1',
    ],
  ] as const)
    it(`${path} has lines tall enough to write on and tick boxes, in English and Spanish`, async () => {
      const print = new PrintPage(clerk.page);
      await print.goto(path, en);
      expect(await seriousViolations(clerk.page)).toEqual([]);
      const heights = await print.writeLineHeightsMm();
      expect(heights.length).toBeGreaterThanOrEqual(10);
      for (const height of heights) expect(height).toBeGreaterThanOrEqual(9);
      const boxes = await print.tickBoxSizesMm();
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (const [w, h] of boxes) expect(Math.min(w, h)).toBeGreaterThanOrEqual(4);

      const pdf = await print.pdf();
      expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
      expectRunningHeader(pdf.pages, [en, code, /Data as of/, `Device ${device}`]);
      expect(pdf.pages.join(' ')).toContain('Transcribed by');

      await print.language('es');
      await print.heading(new RegExp(es)).waitFor();
      expect(await seriousViolations(clerk.page)).toEqual([]);
      const spanish = await print.pdf();
      expectRunningHeader(spanish.pages, [es, code, /Datos al/, `Dispositivo ${device}`]);
      expect(spanish.pages.join(' ')).toContain('Transcrito por');
      await print.language('en');
    });

  it("today's route sheet lists the day's inspections by street and house number, with blank columns", async () => {
    const print = new PrintPage(clerk.page);
    await print.goto('/permits/print/route-sheet', /Inspections route sheet Mar 2, 2026/);
    expect(await seriousViolations(clerk.page)).toEqual([]);
    const rows = clerk.page.getByRole('main').getByRole('row');
    await expect(rows.count()).resolves.toBe(4);
    await expect(rows.locator('th[scope=row]').allTextContents()).resolves.toEqual([
      '5 Birch Rd',
      '2 Oak Ave',
      '10 Oak Ave',
    ]);
    const pdf = await print.pdf();
    expect(pdf.pageCount).toBe(1);
    expect(pdf.sizes).toEqual([[792, 612]]); // Letter landscape: room for the blank columns
    expectRunningHeader(pdf.pages, [
      /Inspections route sheet Mar 2, 2026/,
      `PRM-ROUTE-${DAY}-v1`,
      `Device ${device}`,
    ]);
    expect(pdf.pages[0]).toMatch(/Arrival time.*Outcome.*Initials/);
    expect(pdf.pages[0]).toMatch(/5 Birch Rd.*2 Oak Ave.*10 Oak Ave/);

    // Another day through the query string: nothing scheduled.
    await print.goto('/permits/print/route-sheet?date=2026-03-03', /Mar 3, 2026/);
    await clerk.page.getByText('No inspections on this day.').waitFor();
  });

  it('print views open offline from the cached app', async () => {
    const print = new PrintPage(clerk.page);
    await print.goto(`/permits/${seeded.permitId}/print`, OFFICIAL_NUMBER);
    await clerk.context.setOffline(true);
    try {
      await clerk.page.reload();
      await print.heading(OFFICIAL_NUMBER).waitFor();
      for (const [path, heading] of [
        [`/permits/${seeded.permitId}/print`, OFFICIAL_NUMBER],
        ['/permits/print/blank-inspection', 'Inspection record (paper form)'],
        ['/permits/print/route-sheet', /Inspections route sheet/],
      ] as const) {
        await print.goto(path, heading);
        const pdf = await print.pdf();
        expect(pdf.pages[0]).toMatch(/Page 1 of \d/);
      }
    } finally {
      await clerk.context.setOffline(false);
    }
  });
});
