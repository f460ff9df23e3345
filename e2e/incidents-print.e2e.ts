// Issue 5, acceptance 4 and the Incidents paper and export views, rendered by Chromium: the ICS 214 of a
// log with 120 entries prints its header blocks, all 120 entries in order across numbered continuation
// pages (EXERCISE on every page of an exercise), corrections struck through with their reason, the
// prepared-by block and the final hash the server holds; the ICS 213 prints its ten blocks with the reply;
// the blank 214 and 213 have lines to write on; the export downloads CSV and JSON with the hashes.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { APIRequestContext, Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf } from '../src/domain/incidents/chain';
import { CSV_COLUMNS } from '../src/domain/incidents/export';
import type { JsonObject } from '../src/domain/sync/json-value';
import { IncidentExportPage } from './pages/incident-print-export-page';
import { IncidentPrintPage } from './pages/incident-print-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { SeedScene } from './support/seed';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device, type PulledRecord } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';
const ENTRIES = 120;
const CORRECTED = 20;
const CORRECTION = 50;
const TRANSCRIBED = 40;
const URGENT = 10;

/** The form's 24-hour "YYYY-MM-DD HH:MM" in the browser's time zone, worked out independently of the app. */
function formatStamp(iso: unknown, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(String(iso)));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const activity = (n: number) => `Activity ${String(n).padStart(3, '0')}`;

interface Seeded {
  drillId: string;
  logId: string;
  realId: string;
  messageId: string;
}

/** Pushes the incidents as another device would (the server chains the entries in arrival order). */
async function seed(api: APIRequestContext): Promise<Seeded> {
  const scene = new SeedScene(DEPT, '2026-03-02T07:00:00.000Z');
  const { add } = scene;
  const drillId = add('record.create', 'incident', {
    name: 'Ice storm drill',
    number: 'EX-2026-7',
    incidentType: 'severe_weather',
    severity: 'major',
    startedAt: '2026-03-02T06:30:00.000Z',
    exercise: true,
  });
  const periodId = add('record.create', 'operational_period', {
    incidentId: drillId,
    number: 1,
    startsAt: '2026-03-02T07:00:00.000Z',
    endsAt: '2026-03-02T19:00:00.000Z',
  });
  const logId = add('record.create', 'activity_log', {
    incidentId: drillId,
    periodId,
    name: 'Rita Moreno',
    icsPosition: 'Planning Section Chief',
    homeAgency: 'City Emergency Management, EOC',
    resources: [
      { name: 'Omar Haddad', position: 'Situation Unit Leader', agency: 'Public Works' },
      { name: 'Ines Ortega', position: 'Documentation Unit Leader', agency: 'Clerk’s Office' },
    ],
  });
  const ids: string[] = [];
  for (let n = 1; n <= ENTRIES; n++) {
    const at = new Date(Date.parse('2026-03-02T07:00:00.000Z') + n * 5 * 60_000).toISOString();
    const fields: JsonObject = {
      logId,
      incidentId: drillId,
      eventAt: at,
      recordedAt: n === TRANSCRIBED ? '2026-03-02T18:40:00.000Z' : at,
      text: `${activity(n)}: checked the road closures on the north side and reported them to the EOC.`,
      authorName: 'Rita Moreno',
    };
    if (n === URGENT) fields.priority = 'urgent';
    if (n === TRANSCRIBED) fields.transcribed = true;
    if (n === CORRECTION) {
      fields.corrects = ids[CORRECTED - 1]!;
      fields.correctionReason = 'Wrong street: it was Elm Street';
    }
    ids.push(add('entry.append', 'log_entry', { ...fields, contentHash: contentHashOf(fields) }));
  }
  const realId = add('record.create', 'incident', {
    name: 'Water main break',
    number: 'WM-2026-3',
    incidentType: 'other',
    severity: 'moderate',
    startedAt: '2026-03-02T05:00:00.000Z',
  });
  const messageId = add('entry.append', 'ics213_message', {
    incidentId: realId,
    toName: 'Omar Haddad',
    toPosition: 'Operations Section Chief',
    fromName: 'Rita Moreno',
    fromPosition: 'Planning Section Chief',
    subject: 'Bottled water for Elm Street',
    message: 'Please send two pallets of bottled water to the Elm Street shelter.\nResidents: about 140.',
    sentAt: '2026-03-02T08:15:00.000Z',
    approvedByName: 'Ana Ruiz',
    approvedByPosition: 'Incident Commander',
  });
  add('entry.append', 'ics213_reply', {
    messageId,
    incidentId: realId,
    reply: 'Two pallets leave the depot at 09:00.',
    repliedByName: 'Omar Haddad',
    repliedByPosition: 'Operations Section Chief',
    repliedAt: '2026-03-02T08:40:00.000Z',
  });
  await scene.push(api);
  return { drillId, logId, realId, messageId };
}

const textOf = async (download: Download): Promise<string> => readFile((await download.path()) ?? '', 'utf8');

describe('incident print views and export', () => {
  let server: TestServer;
  let browser: Browser;
  let device: Device;
  let seeded: Seeded;
  /** The server's log and entries (seq order): what the paper copy and the files must match. */
  let serverLog: PulledRecord;
  let serverEntries: PulledRecord[];
  let zone = 'UTC';

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'rita', password: PASSWORD, role: 'manager', departments: [DEPT] });
    const api = await apiSession(server, 'rita', PASSWORD);
    seeded = await seed(api);
    const records = await serverRecords(api);
    await api.dispose();
    serverLog = records.find((r) => r.id === seeded.logId)!;
    serverEntries = records
      .filter((r) => r.kind === 'log_entry')
      .sort((a, b) => Number(a.fields.seq) - Number(b.fields.seq));
    expect(serverLog.fields.entryCount).toBe(ENTRIES);
    expect(serverEntries.map((r) => r.fields.seq)).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    browser = await launchBrowser();
    device = await signedInDevice(browser, server, 'rita', PASSWORD);
    await new SyncBar(device.page).syncNow();
    zone = await device.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the ICS 214 of a 120-entry log: header blocks, every entry on numbered pages, prepared by, final hash', async () => {
    const print = new IncidentPrintPage(device.page);
    await print.goto(`/incidents/${seeded.drillId}/logs/${seeded.logId}/print`, /Activity Log \(ICS 214\)/);
    await expect(print.entryNumbers()).resolves.toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    const check = await print.checkBlock();
    expect(check).toEqual({
      hash: serverLog.fields.headHash,
      count: String(ENTRIES),
      verification: 'Verified on this device: every entry is unchanged and in order.',
    });
    await expect(print.struckText(CORRECTED)).resolves.toContain(activity(CORRECTED));
    await expect(print.struckText(CORRECTION)).resolves.toBe('');
    expect(await seriousViolations(device.page)).toEqual([]);

    const pdf = await print.pdf();
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    const code = `EX-ICS214-${seeded.logId.replace(/-/g, '').slice(-8).toUpperCase()}-v1`;
    pdf.pages.forEach((page, i) => {
      expect(page).toContain('EXERCISE · ICS 214 Activity Log: Rita Moreno');
      expect(page).toContain(code);
      expect(page).toContain(`ICS 214, page ${i + 1} of ${pdf.pageCount}`);
      expect(page).toMatch(/Data as of Mar 2, 2026/);
    });
    // Every entry, once, in order, spread over the continuation pages (the column headings repeat).
    const pageOf = (n: number) => pdf.pages.findIndex((page) => page.includes(`${activity(n)}:`));
    const pages = Array.from({ length: ENTRIES }, (_, i) => pageOf(i + 1));
    expect(pages.every((p) => p >= 0)).toBe(true);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(new Set(pages).size).toBeGreaterThanOrEqual(3);
    for (const p of new Set(pages)) expect(pdf.pages[p]).toMatch(/No\. Date\/time Notable activities/);
    const all = pdf.pages.join(' ');
    for (let n = 1; n <= ENTRIES; n++) expect(all.split(`${activity(n)}:`)).toHaveLength(2);

    // Header blocks 1 to 6 on the first page.
    for (const text of [
      '1. Incident name',
      'Ice storm drill (EX-2026-7)',
      '2. Operational period',
      `Period 1: From ${formatStamp('2026-03-02T07:00:00.000Z', zone)} · To ${formatStamp('2026-03-02T19:00:00.000Z', zone)}`,
      '3. Name',
      '4. ICS position',
      'Planning Section Chief',
      '5. Home agency (and unit)',
      'City Emergency Management, EOC',
      '6. Resources assigned',
      'Omar Haddad Situation Unit Leader Public Works',
      'Ines Ortega Documentation Unit Leader',
      '7. Activity log',
    ])
      expect(pdf.pages[0]).toContain(text);
    // Rows: 24-hour date/time, the urgent tag, the correction next to the struck original, the transcribed mark.
    expect(all).toContain(
      `${URGENT} ${formatStamp(serverEntries[URGENT - 1]!.fields.eventAt, zone)} Urgent ${activity(URGENT)}`,
    );
    expect(all).toContain(`Corrected by entry ${CORRECTION}. Reason: Wrong street: it was Elm Street`);
    expect(all).toContain(`Correction of entry ${CORRECTED}. Reason: Wrong street: it was Elm Street`);
    expect(all).toContain(
      `Transcribed from paper; keyed in ${formatStamp('2026-03-02T18:40:00.000Z', zone)}`,
    );
    // Prepared by, and the final hash, on the last page.
    const last = pdf.pages[pdf.pageCount - 1]!;
    expect(last).toMatch(/8\. Prepared by Name Rita Moreno Position\/title Planning Section Chief Signature/);
    expect(last).toContain('Check this copy');
    expect(last).toMatch(new RegExp(`Entries ${ENTRIES}`));
    expect(last.replace(/\s/g, '')).toContain(String(serverLog.fields.headHash));
    expect(all).not.toContain('Prints on Letter paper');

    await print.language('es');
    const es = await print.pdf();
    es.pages.forEach((page, i) => {
      expect(page).toContain('SIMULACRO · ICS 214 Registro de actividades: Rita Moreno');
      expect(page).toContain(`ICS 214, página ${i + 1} de ${es.pageCount}`);
    });
    expect(es.pages.join(' ')).toContain('8. Preparado por');
    await print.language('en');
  });

  it('prints the ICS 213 with its ten blocks, the reply and signature lines, and no EXERCISE on a real incident', async () => {
    const print = new IncidentPrintPage(device.page);
    await print.goto(
      `/incidents/${seeded.realId}/general-messages/${seeded.messageId}/print`,
      /General Message \(ICS 213\)/,
    );
    expect(await seriousViolations(device.page)).toEqual([]);
    const pdf = await print.pdf();
    expect(pdf.pageCount).toBe(1);
    const page = pdf.pages[0]!;
    const sent = formatStamp('2026-03-02T08:15:00.000Z', zone).split(' ');
    for (const text of [
      'ICS 213 General Message: Bottled water for Elm Street',
      `ICS213-${seeded.messageId.replace(/-/g, '').slice(-8).toUpperCase()}-v1`,
      '1. Incident name (optional) Water main break',
      '2. To (name and position) Omar Haddad, Operations Section Chief',
      '3. From (name and position) Rita Moreno, Planning Section Chief',
      '4. Subject Bottled water for Elm Street',
      `5. Date ${sent[0]}`,
      `6. Time ${sent[1]}`,
      '7. Message Please send two pallets of bottled water to the Elm Street shelter. Residents: about 140.',
      '8. Approved by Name Ana Ruiz Position/title Incident Commander Signature',
      '9. Reply Two pallets leave the depot at 09:00.',
      `10. Replied by Name Omar Haddad Position/title Operations Section Chief Date/time ${formatStamp('2026-03-02T08:40:00.000Z', zone)} Signature`,
      'Page 1 of 1',
    ])
      expect(page).toContain(text);
    expect(page).not.toMatch(/EXERCISE/);
  });

  for (const [path, en, es, code, rows] of [
    [
      '/incidents/print/blank-214',
      'ICS 214 Activity Log (paper form)',
      'ICS 214 Registro de actividades (formulario en papel)',
      'ICS214-PAPER-v1',
      24,
    ],
    [
      '/incidents/print/blank-213',
      'ICS 213 General Message (paper form)',
      'ICS 213 Mensaje general (formulario en papel)',
      'ICS213-PAPER-v1',
      0,
    ],
  ] as const)
    it(`${path} has lines to write on, in English and Spanish`, async () => {
      const print = new IncidentPrintPage(device.page);
      await print.goto(path, en);
      expect(await seriousViolations(device.page)).toEqual([]);
      const heights = await print.writeLineHeightsMm();
      expect(heights.length).toBeGreaterThanOrEqual(12);
      for (const height of heights) expect(height).toBeGreaterThanOrEqual(9);
      const blankRows = await print.blankRowHeightsMm();
      expect(blankRows).toHaveLength(rows);
      for (const height of blankRows) expect(height).toBeGreaterThanOrEqual(8.5);

      const pdf = await print.pdf();
      pdf.pages.forEach((page, i) => {
        expect(page).toContain(en);
        expect(page).toContain(code);
        expect(page).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
      });
      const all = pdf.pages.join(' ');
      for (const block of path.endsWith('214')
        ? [
            '1. Incident name',
            '2. Operational period',
            '6. Resources assigned',
            '7. Activity log',
            '8. Prepared by',
          ]
        : ['1. Incident name', '4. Subject', '7. Message', '8. Approved by', '9. Reply', '10. Replied by'])
        expect(all).toContain(block);
      expect(all).toContain('Signature');
      expect(all).toContain('Transcribed by');

      await print.language('es');
      await print.heading(es).waitFor();
      expect(await seriousViolations(device.page)).toEqual([]);
      const spanish = await print.pdf();
      for (const page of spanish.pages) expect(page).toContain(es);
      expect(spanish.pages.join(' ')).toContain('Firma');
      await print.language('en');
    });

  it('exports the logs as CSV and JSON with the hashes the server holds, marked EXERCISE', async () => {
    const page = new IncidentExportPage(device.page);
    await page.goto(seeded.drillId);
    const rows = await page.logRows();
    expect(rows).toEqual([['Rita Moreno', String(ENTRIES), 'Verified', String(serverLog.fields.headHash)]]);
    expect(await seriousViolations(device.page)).toEqual([]);

    const csvFile = await page.download('CSV');
    expect(csvFile.suggestedFilename()).toBe('EXERCISE-incident-ex-2026-7-logs-2026-03-02.csv');
    const csv = Papa.parse<Record<string, string>>((await textOf(csvFile)).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(csv.data).toHaveLength(ENTRIES);
    expect(csv.data.map((row) => [row.seq, row.entry_id, row.content_hash, row.prev_hash, row.hash])).toEqual(
      serverEntries.map((e) => [
        String(e.fields.seq),
        e.id,
        e.fields.contentHash,
        e.fields.prevHash,
        e.fields.hash,
      ]),
    );
    expect(new Set(csv.data.map((row) => row.exercise))).toEqual(new Set(['EXERCISE']));
    const correction = csv.data[CORRECTION - 1]!;
    expect([correction.corrects, correction.correction_reason]).toEqual([
      String(CORRECTED),
      'Wrong street: it was Elm Street',
    ]);
    expect(csv.data[TRANSCRIBED - 1]!.transcribed).toBe('yes');
    expect(csv.data[0]!.event_time).toBe(serverEntries[0]!.fields.eventAt);

    const jsonFile = await page.download('JSON');
    expect(jsonFile.suggestedFilename()).toBe('EXERCISE-incident-ex-2026-7-logs-2026-03-02.json');
    const json = JSON.parse(await textOf(jsonFile)) as {
      exercise: boolean;
      label: string;
      incident: { id: string; name: string };
      periods: { number: number }[];
      logs: {
        header: { name: string; icsPosition: string; resources: unknown[] };
        finalHash: string;
        verification: { ok: boolean; checked: number };
        entries: { id: string; seq: number; hash: string; provisional: boolean }[];
      }[];
    };
    expect([json.exercise, json.label]).toEqual([true, 'EXERCISE EXERCISE EXERCISE']);
    expect(json.incident).toMatchObject({ id: seeded.drillId, name: 'Ice storm drill' });
    expect(json.periods.map((p) => p.number)).toEqual([1]);
    const [log] = json.logs;
    expect(log!.header).toMatchObject({ name: 'Rita Moreno', icsPosition: 'Planning Section Chief' });
    expect(log!.header.resources).toHaveLength(2);
    expect(log!.finalHash).toBe(serverLog.fields.headHash);
    expect(log!.verification).toMatchObject({ ok: true, checked: ENTRIES });
    expect(log!.entries.map((e) => [e.id, e.seq, e.hash, e.provisional])).toEqual(
      serverEntries.map((e) => [e.id, e.fields.seq, e.fields.hash, false]),
    );
  });

  it('the print views open offline from the cached app', async () => {
    const print = new IncidentPrintPage(device.page);
    await print.goto('/incidents/print/blank-214', 'ICS 214 Activity Log (paper form)');
    await device.context.setOffline(true);
    try {
      await device.page.reload();
      await print.heading('ICS 214 Activity Log (paper form)').waitFor();
      await print.goto(`/incidents/${seeded.drillId}/logs/${seeded.logId}/print`, /Activity Log \(ICS 214\)/);
      await expect(print.checkBlock()).resolves.toMatchObject({ hash: serverLog.fields.headHash });
    } finally {
      await device.context.setOffline(false);
    }
  });
});
