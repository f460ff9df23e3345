// The device database's version story: newer data than this build understands, and an upgrade in another tab.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/storage/database';
import { launchBrowser, newContext } from './support/browser';
import { BUILD_A } from './support/paths';
import { startServer, type TestServer } from './support/server';

/** Opens the app's IndexedDB at a native version far above this build's, as a future Holdfast would. */
async function upgradeDatabaseFromOutside(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('holdfast', 990);
        request.onupgradeneeded = () => {
          if (!request.result.objectStoreNames.contains('meta')) request.result.createObjectStore('meta');
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(new Error(String(request.error)));
      }),
  );
}

/**
 * Writes the app's database natively as schema version 2 (native 20) shipped it: its stores and indexes
 * as Dexie made them, a device sentinel, a note created offline and its pending outbox entry.
 */
async function writeVersionTwoDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('holdfast', 20);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('meta', { keyPath: 'key' });
          const records = db.createObjectStore('records', { keyPath: 'id' });
          for (const index of ['kind', 'dept', 'rev']) records.createIndex(index, index);
          records.createIndex('[kind+updatedAt]', ['kind', 'updatedAt']);
          records.createIndex('[kind+dept]', ['kind', 'dept']);
          const outbox = db.createObjectStore('outbox', { keyPath: ['clientId', 'seq'] });
          outbox.createIndex('clientId', 'clientId');
          outbox.createIndex('userId', 'userId');
          const rejections = db.createObjectStore('rejections', { keyPath: ['clientId', 'seq'] });
          rejections.createIndex('userId', 'userId');
          rejections.createIndex('rejectedAt', 'rejectedAt');
          const id = '00000000-0000-7000-8000-000000000001';
          const fields = { title: 'Written by version 2', status: 'open' };
          const at = '2026-03-01T09:00:00.000Z';
          const meta = request.transaction!.objectStore('meta');
          meta.put({ key: 'sentinel', value: { deviceId: 'device-v2', createdAt: at } });
          meta.put({ key: 'deviceId', value: 'device-v2' });
          meta.put({ key: 'syncClients', value: { rita: { clientId: 'client-v2', nextSeq: 2 } } });
          records.put({
            id,
            kind: 'note',
            dept: 'public-works',
            createdAt: at,
            updatedAt: at,
            createdBy: 'rita',
            updatedBy: 'rita',
            deleted: false,
            fields,
            base: null,
          });
          outbox.put({
            clientId: 'client-v2',
            seq: 1,
            name: 'record.create',
            args: { kind: 'note', id, dept: 'public-works', fields },
            baseRevs: { [id]: null },
            at,
            userId: 'rita',
            status: 'pending',
          });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(new Error(String(request.error)));
      }),
  );
}

/** The database as the app left it: native version, the outbox's indexes, and its entries by record. */
function inspectDatabase(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; indexes: string[]; byRecord: number; seqs: number[] }>(
        (resolve, reject) => {
          const request = indexedDB.open('holdfast');
          request.onsuccess = () => {
            const db = request.result;
            const outbox = db.transaction('outbox').objectStore('outbox');
            const indexes = Array.from(outbox.indexNames);
            const all = outbox.getAll();
            const byRecord = indexes.includes('touched')
              ? outbox.index('touched').count('00000000-0000-7000-8000-000000000001')
              : null;
            all.onsuccess = () => {
              const finish = (count: number) => {
                db.close();
                resolve({
                  version: db.version,
                  indexes,
                  byRecord: count,
                  seqs: (all.result as { seq: number }[]).map((row) => row.seq),
                });
              };
              if (!byRecord) return finish(0);
              byRecord.onsuccess = () => finish(byRecord.result);
            };
          };
          request.onerror = () => reject(new Error(String(request.error)));
        },
      ),
  );
}

describe('database versions', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an open tab is asked to reload when another tab upgrades the schema', async () => {
    context = await newContext(browser, server.url);
    const oldTab = await context.newPage();
    await oldTab.goto('/sign-in');
    await oldTab.getByRole('heading', { level: 1 }).waitFor();
    // The sign-in page paints before storage opens; the upgrade must come after this tab holds the
    // database open, as it would for someone working in it.
    await expect
      .poll(() =>
        oldTab.evaluate(
          async () => (await indexedDB.databases()).find((d) => d.name === 'holdfast')?.version ?? 0,
        ),
      )
      .toBe(SCHEMA_VERSION * 10);

    const newTab = await context.newPage();
    await newTab.goto('/api/health');
    await upgradeDatabaseFromOutside(newTab);

    await oldTab.getByText(/updated in another tab/i).waitFor();
    await oldTab.getByRole('button', { name: 'Reload' }).waitFor();
    await context.close();
  });

  it('a database from a newer version gets its own message, not a blank page', async () => {
    context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/api/health');
    await upgradeDatabaseFromOutside(page);
    await page.goto('/sign-in');
    await page
      .getByText(/newer version of Holdfast/i)
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('a version-2 database holding an unsent change is upgraded in place, the change kept and indexed', async () => {
    context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/api/health');
    await writeVersionTwoDatabase(page);
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(async () => (await inspectDatabase(page)).version).toBe(SCHEMA_VERSION * 10);
    const after = await inspectDatabase(page);
    expect(after.seqs).toEqual([1]);
    expect(after.indexes).toEqual(expect.arrayContaining(['touched', 'args.conflictId', 'userId']));
    expect(after.byRecord).toBe(1);
    expect(await page.getByText(/newer version of Holdfast/i).count()).toBe(0);
    await context.close();
  });
});
