// Importing a city's permits CSV through the page: Burlington's real export with the suggested mapping
// (its one broken row is reported with its line, nothing is written until the user skips it), the permits
// land in IndexedDB and go out as record.createMany entries of 100, a second import adds nothing, a broken
// file imports nothing, and export gives back a BLDS file. Axe and keyboard in English and Spanish.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { ImportPage } from './pages/import-page';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { tabStops } from './support/keyboard';
import { BUILD_A, ROOT } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceTable, recordRequests, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const BURLINGTON = join(ROOT, 'e2e', 'fixtures', 'burlington-permits.csv');

interface PermitRow {
  id: string;
  kind: string;
  dept: string;
  fields: Record<string, unknown>;
}

const devicePermits = async (device: Device) =>
  (await deviceTable<PermitRow>(device.page, 'records')).filter((r) => r.kind === 'permit');

const BROKEN = {
  name: 'broken.csv',
  text: [
    'PermitNum,PermitType,Description,OriginalAddress1,AppliedDate,StatusCurrent',
    'X-1,Deck,New deck,1 Elm St,2024-01-02,Issued',
    'X-2,Deck,New deck,2 Elm St,2024/13/40,Issued',
    'X-3,Deck,New deck,,2024-01-04,Issued',
  ].join('\n'),
};

describe('permit import', () => {
  let server: TestServer;
  let browser: Browser;
  let clara: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'clara', password: PASSWORD, role: 'clerk', departments: ['building'] });
    browser = await launchBrowser();
    clara = await signedInDevice(browser, server, 'clara', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reports a broken file’s rows by line and imports nothing', async () => {
    const imp = new ImportPage(clara.page);
    await imp.goto();
    await imp.chooseFile(BROKEN);
    await imp.main().getByText('“broken.csv”: 3 rows, 6 columns.').waitFor();
    await expect(imp.column('Permit number (required)').inputValue()).resolves.toBe('PermitNum');
    expect(await imp.problems()).toEqual([
      'Line 3: Application date is not a date: “2024/13/40”.',
      'Line 4: Address is missing.',
    ]);
    await expect(imp.importButton().count()).resolves.toBe(0);
    await imp.skipBox().waitFor();
    expect(await devicePermits(clara)).toEqual([]);
  });

  it('imports the Burlington file with the suggested mapping once its broken row is skipped', async () => {
    const imp = new ImportPage(clara.page);
    await imp.goto();
    await imp.chooseFile(BURLINGTON);
    await imp.main().getByText('“burlington-permits.csv”: 5,026 rows, 15 columns.').waitFor();
    for (const [label, column] of [
      ['Permit number (required)', 'FILENO'],
      ['Address (required)', 'ADDRESS'],
      ['Permit type (required)', 'FOLDERTYPE'],
      ['Work description (required)', 'SUBDESC'],
      ['Application date (required)', 'INDATE'],
      ['Issue date', 'ISSUEDATE'],
      ['Status', 'FOLDERSTATUSDESC'],
      ['Valuation', 'CONSTRUCTVALUE'],
    ])
      await expect(imp.column(label!).inputValue(), label).resolves.toBe(column);
    await expect(imp.column('Status for “Final”').inputValue()).resolves.toBe('finaled');
    await expect(imp.column('Status for “Issued”').inputValue()).resolves.toBe('issued');
    await imp.main().getByText('5,026 rows make 4,670 permits.', { exact: false }).waitFor();
    expect(await imp.problems()).toEqual(['Line 2576: Issue date is before application date.']);
    const preview = imp.main().getByRole('table', { name: 'The first 10 permits as they will be imported.' });
    await preview.getByRole('rowheader', { name: '24-019651' }).waitFor();

    // Nothing can be written until the user decides to skip the broken row.
    await expect(imp.importButton().count()).resolves.toBe(0);
    await imp.skipBox().check();
    const pushes = recordRequests(clara.page.context(), '/api/sync/push');
    await imp.main().getByRole('button', { name: 'Import 4,669 permits' }).click();
    await expect(imp.result().textContent()).resolves.toBe(
      '✓ Imported 4,669 permits from “burlington-permits.csv”.',
    );

    const permits = await devicePermits(clara);
    expect(permits).toHaveLength(4669);
    const abbey = permits.find((p) => p.fields.number === '24-019651');
    expect(abbey).toMatchObject({
      dept: 'building',
      fields: {
        address: '1268 ABBEY CRT.',
        appliedDate: '2024-10-03',
        issuedDate: '2025-07-30',
        status: 'finaled',
        valuationCents: 2_000_000,
        importedFrom: 'burlington-permits.csv',
      },
    });
    // The permits went out as record.createMany entries of up to 100; the sync pushes them and the server
    // takes them all, with their own numbers and statuses.
    await expect
      .poll(
        async () => {
          const onServer = (await serverRecords(clara.page.request)).filter((r) => r.kind === 'permit');
          const abbeyThere = onServer.find((r) => r.id === abbey!.id);
          return {
            count: onServer.length,
            number: abbeyThere?.fields.number,
            status: abbeyThere?.fields.status,
          };
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toEqual({ count: 4669, number: '24-019651', status: 'finaled' });
    pushes.stop();
    // Chunks of 1,000 permits, each queued as entries of 100: 4 × 10 + 7 entries, every one sent.
    const sent = new Map<number, { name: string; args: { creates?: unknown[] } }>();
    for (const request of pushes.requests) {
      const body = request.body as {
        entries: { seq: number; name: string; args: { creates?: unknown[] } }[];
      };
      for (const entry of body.entries) sent.set(entry.seq, entry);
    }
    expect([...new Set([...sent.values()].map((entry) => entry.name))]).toEqual(['record.createMany']);
    expect(sent.size).toBe(47);
    expect([...sent.values()].reduce((sum, entry) => sum + (entry.args.creates?.length ?? 0), 0)).toBe(4669);

    // The permits list finds an imported permit by its number.
    await clara.page.goto('/permits');
    await clara.page.getByLabel('Search permits').fill('24-019651');
    await clara.page.getByRole('main').getByText('1268 ABBEY CRT.').first().waitFor();
  });

  it('imports nothing twice: the same file again leaves the permits already on the device', async () => {
    const imp = new ImportPage(clara.page);
    await imp.goto();
    await imp.chooseFile(BURLINGTON);
    await imp.skipBox().check();
    await imp.main().getByRole('button', { name: 'Import 4,669 permits' }).click();
    await expect(imp.result().textContent()).resolves.toBe(
      '✓ Imported 0 permits from “burlington-permits.csv”. 4,669 permits were already on this device and were left as they are.',
    );
    expect(await devicePermits(clara)).toHaveLength(4669);
  });

  it('exports every permit on the device as BLDS CSV', async () => {
    const imp = new ImportPage(clara.page);
    await imp.goto();
    await imp.main().getByText('4,669 permits are on this device.').waitFor();
    const download = await imp.download('Download BLDS CSV');
    expect(download.suggestedFilename()).toBe('permits-blds-2026-03-02.csv');
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(
      /^\uFEFFPermitNum,Description,AppliedDate,IssuedDate,CompletedDate,StatusCurrent,/,
    );
    expect(lines).toHaveLength(4670);
  });

  it('axe finds nothing serious and every control is reachable by keyboard, in English and Spanish', async () => {
    const { page } = clara;
    const imp = new ImportPage(page);
    await imp.goto();
    await imp.chooseFile(BROKEN);
    await imp.main().getByText('“broken.csv”: 3 rows, 6 columns.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('heading', { level: 1 }).focus();
    const stops = await tabStops(page, 120);
    for (const name of [
      'CSV file',
      'Save this mapping as',
      'Save mapping',
      'Permit number (required)',
      'Status for “Issued”',
      'Skip the 2 rows with problems and import the rest',
      'Download BLDS CSV',
    ])
      expect(stops, stops.join(' | ')).toContain(name);

    // Saving a mapping offers it again.
    await imp.main().getByLabel('Save this mapping as').fill('BLDS');
    await imp.main().getByRole('button', { name: 'Save mapping' }).click();
    await imp.main().getByLabel('Saved mapping').waitFor();

    await new AppShell(page).language().selectOption({ label: 'Español' });
    await imp.goto();
    await imp.chooseFile(BROKEN, 'Archivo CSV');
    await imp.main().getByText('«broken.csv»: 3 filas, 6 columnas.').waitFor();
    expect(await imp.problems()).toEqual([
      'Línea 3: Fecha de solicitud no es una fecha: «2024/13/40».',
      'Línea 4: Falta Dirección.',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('heading', { level: 1 }).focus();
    const esStops = await tabStops(page, 120);
    for (const name of ['Archivo CSV', 'Usar esta correspondencia', 'Descargar CSV BLDS'])
      expect(esStops, esStops.join(' | ')).toContain(name);
  });
});
