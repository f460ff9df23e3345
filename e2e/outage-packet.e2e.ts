// Issue 7, acceptance 3 and 4: the outage packet for a department with a call-down tree, contacts, open
// permits, inspections this week, an active incident with log entries and the shipped checklists renders
// to PDF in Chromium. The PDF's text has each section's heading, every person on the tree, every open
// permit number, "Page N of M" on every page and the "data as of" stamp. Rows never split: every sheet is
// exactly one PDF page (page i carries "<code> · p<i>", the page its QR code names), and each permit's
// number, address and applicant are on the same page. Then the same with the network off and the server
// stopped. Also: the options screen passes axe in English and Spanish, and printing is noted on the device.
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf } from '../src/domain/incidents/chain';
import type { JsonObject } from '../src/domain/sync/json-value';
import { PacketPage } from './pages/packet-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'public-works';
const PEOPLE = 24;
const PERMITS = 30;
const ENTRIES = 12;
const person = (i: number) => `Person ${String(i).padStart(2, '0')}`;
const address = (i: number) => `${100 + i} Maple Street`;
const applicant = (i: number) => `Applicant ${String(i).padStart(2, '0')}`;

interface SeededPermit {
  number: string;
  address: string;
  applicant: string;
}

/** Seeds the scene and returns the open permits as the server numbered them. */
async function seed(api: APIRequestContext): Promise<SeededPermit[]> {
  const scene = new SeedScene(DEPT);
  const { add } = scene;
  const contacts = Array.from({ length: PEOPLE }, (_, k) =>
    add('record.create', 'contact', {
      name: person(k + 1),
      position: k === 0 ? 'Director' : 'Crew',
      phones: [{ label: 'work', number: `+1802555${String(1000 + k)}`, primary: true }],
    }),
  );
  const treeId = add('record.create', 'calldown_tree', {
    name: 'Public Works call-down',
    escalateAfterAttempts: 3,
    escalateAfterMinutes: 15,
    escalateTo: 'backup',
  });
  const nodes: string[] = [];
  contacts.forEach((contactId, k) => {
    const parent = k === 0 ? null : k < 4 ? 0 : 1 + ((k - 4) % 3);
    nodes[k] = add('record.create', 'tree_node', {
      treeId,
      contactId,
      order: k,
      ...(parent === null ? {} : { parentNodeId: nodes[parent]! }),
    });
  });
  add('record.create', 'succession', {
    position: 'Director of Public Works',
    contactIds: contacts.slice(0, 3),
  });
  const permits: string[] = [];
  for (let i = 1; i <= PERMITS; i++)
    permits.push(
      add('record.create', 'permit', {
        permitType: 'Deck',
        description: 'Attached deck',
        address: address(i),
        applicantName: applicant(i),
        appliedDate: '2026-02-01',

        status: 'submitted',
      }),
    );
  for (const [k, date] of ['2026-03-02', '2026-03-04'].entries())
    add('record.create', 'permit_inspection', {
      permitId: permits[k]!,
      inspectionType: 'Footings',
      scheduledDate: date,
      status: 'scheduled',
    });
  const incidentId = add('record.create', 'incident', {
    name: 'Water main break',
    number: 'WM-2026-3',
    incidentType: 'other',
    severity: 'moderate',
    startedAt: '2026-03-02T05:00:00.000Z',
  });
  const periodId = add('record.create', 'operational_period', {
    incidentId,
    number: 1,
    startsAt: '2026-03-02T05:00:00.000Z',
    endsAt: '2026-03-02T17:00:00.000Z',
  });
  const logId = add('record.create', 'activity_log', { incidentId, periodId, name: 'Rita Moreno' });
  for (let n = 1; n <= ENTRIES; n++) {
    const at = new Date(Date.parse('2026-03-02T05:00:00.000Z') + n * 5 * 60_000).toISOString();
    const fields: JsonObject = {
      logId,
      incidentId,
      eventAt: at,
      recordedAt: at,
      text: `Entry ${String(n).padStart(2, '0')}: closed the valve on Elm Street.`,
      authorName: 'Rita Moreno',
    };
    add('entry.append', 'log_entry', { ...fields, contentHash: contentHashOf(fields) });
  }
  await scene.push(api);
  const permitIds = new Set(permits);
  return (await serverRecords(api))
    .filter((record) => permitIds.has(record.id))
    .map((record) => ({
      number: String(record.fields.number),
      address: String(record.fields.address),
      applicant: String(record.fields.applicantName),
    }));
}

describe('the outage packet', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let permits: SeededPermit[];

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'rita', password: PASSWORD, role: 'manager', departments: [DEPT] });
    const api = await apiSession(server, 'rita', PASSWORD);
    permits = await seed(api);
    expect(permits).toHaveLength(PERMITS);
    for (const permit of permits) expect(permit.number).toMatch(/^\S+$/);
    await api.dispose();
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    await new SyncBar(rita.page).syncNow();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function checkPacket(packet: PacketPage): Promise<void> {
    const code = await packet.code();
    expect(code).toMatch(/^PKT-[0-9A-F]{8}-v1$/);
    const sheets = await packet.sheetPages();
    // Sheets follow each other: one page each, two for a blank form.
    sheets.forEach((sheet, i) => {
      expect(sheet.page).toBe(i === 0 ? 2 : sheets[i - 1]!.page + sheets[i - 1]!.pages);
      expect(sheet.pages).toBe(sheet.page > 0 && sheet.pages === 2 ? 2 : 1);
    });
    expect(sheets.filter((sheet) => sheet.pages === 2)).toHaveLength(4);
    const last = sheets[sheets.length - 1]!;
    const pdf = await packet.pdf();
    // Each sheet fills exactly its pages: page i names itself, so its QR code's page is the physical page.
    expect(pdf.pageCount).toBe(last.page + last.pages - 1);
    pdf.pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
      expect(text, `page ${i + 1}`).toMatch(/Data as of Mar 2, 2026/);
      expect(text, `page ${i + 1}`).toContain(code);
      if (i > 0) expect(text, `page ${i + 1}`).toContain(`${code} · p${i + 1}`);
    });
    const all = pdf.pages.join('\n');
    for (const heading of [
      'Call-down trees',
      'Call sheets',
      'ICS 205A communications list',
      'Who is in charge (orders of succession)',
      'Blank checklists',
      'Open permits',
      'Today’s and this week’s inspections',
      'Active incidents: latest ICS 214 page',
      'Blank forms',
    ])
      expect(all.toLowerCase(), heading).toContain(heading.toLowerCase());
    expect(pdf.pages[0]).toContain('Contents');
    for (let i = 1; i <= PEOPLE; i++) expect(all, person(i)).toContain(person(i));
    for (const permit of permits) {
      // The row is whole on one page: its number, address and applicant are read on the same page, in order.
      const row = `${permit.number} ${permit.address} Deck Submitted ${permit.applicant}`;
      expect(
        pdf.pages.filter((text) => text.includes(row)),
        row,
      ).toHaveLength(1);
    }
    expect(all).toContain('Entry 12: closed the valve on Elm Street.');
    expect(all).toContain('Power outage'); // a shipped checklist
    expect(all).toContain('ICS 213 General Message (paper form)');
  }

  it('offers departments and sections on an accessible screen in English and Spanish', async () => {
    const packet = new PacketPage(rita.page);
    await packet.open();
    await expect(packet.section('Open permits').isChecked()).resolves.toBe(true);
    await expect(packet.section(DEPT).isChecked()).resolves.toBe(true);
    expect(await seriousViolations(rita.page)).toEqual([]);
    await packet.language('es');
    await packet.section('Permisos abiertos').waitFor();
    expect(await seriousViolations(rita.page)).toEqual([]);
    await packet.language('en');
  });

  it('renders every section, person and open permit, page numbers and the stamp, one sheet a page', async () => {
    const packet = new PacketPage(rita.page);
    await packet.open();
    await packet.organization().fill('City of Burlington');
    await packet.make();
    await checkPacket(packet);
    const pdf = await packet.pdf();
    expect(pdf.pages[0]).toContain('City of Burlington');

    // Printing is noted on the device: the Device page no longer says it was never printed.
    expect(await packet.clickPrint()).toBe(1);
    await rita.page.goto('/device');
    await rita.page
      .locator('#device-packet-last')
      .getByText(/Mar 2, 2026/)
      .waitFor();
    await expect(rita.page.getByText('It has never been printed on this device.').count()).resolves.toBe(0);
  });

  it('still prints with the network off and the server stopped', async () => {
    const packet = new PacketPage(rita.page);
    await packet.open();
    await rita.context.setOffline(true);
    await server.stop();
    try {
      await rita.page.reload();
      await packet.makeButton().waitFor();
      await packet.make();
      await checkPacket(packet);
    } finally {
      await rita.context.setOffline(false);
    }
  });
});
