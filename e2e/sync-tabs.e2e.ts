// Tabs and crashes: an offline edit survives its tab closing and goes out from another tab; two tabs
// writing at once give one gap-free sequence, sent once; killing the browser mid-sync ten times loses
// and duplicates nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotesPage } from './pages/notes-page';
import { SyncBar } from './pages/sync-bar';
import { launchBrowser, newContext } from './support/browser';
import { E2E_TMP, BUILD_A } from './support/paths';
import { browserPid, killBrowser, launchProfile } from './support/persistent-browser';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceOutbox, deviceTable, recordRequests, serverNoteTitles, signIn } from './support/sync';

const PASSWORD = 'correct horse battery';

describe('sync across tabs and browser crashes', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'tess', password: PASSWORD, role: 'field', departments: ['roads'] });
    addUser(server, { username: 'kurt', password: PASSWORD, role: 'field', departments: ['parks'] });
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
    await signIn(await context.newPage(), 'tess', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an edit made offline in a tab that was closed is sent by the next tab opened online', async () => {
    const [first] = context.pages();
    const tab = first as Page;
    const notes = new NotesPage(tab);
    await notes.goto();
    await new SyncBar(tab).syncNow();

    await context.setOffline(true);
    await notes.create({ title: 'Grit bin empty', body: 'At the school crossing.' });
    await notes.edit({ title: 'Grit bin empty on Hill Road', status: 'Closed' });
    expect(await deviceOutbox(tab)).toHaveLength(2);
    await tab.close();
    expect(await serverNoteTitles(context.request)).toEqual([]);

    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto('/notes');
    await expect.poll(() => serverNoteTitles(next.request)).toEqual(['Grit bin empty on Hill Road']);
    await new SyncBar(next).waitForSynced();
    expect(await deviceOutbox(next)).toEqual([]);
  });

  it('two tabs writing at once: one gap-free sequence, every note on the server once', async () => {
    const [a] = context.pages() as Page[];
    const b = await context.newPage();
    await b.goto('/notes');
    await b.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
    const pushes = recordRequests(context, '/api/sync/push');
    const before = await serverNoteTitles(context.request);
    const expected: string[] = [];
    const writeMany = async (page: Page, tab: string) => {
      // Keys rather than clicks: a click waits for animation frames, which a tab not in front gets
      // slowly, and the point here is both tabs writing at full speed.
      const notes = new NotesPage(page, { activateWith: 'enter' });
      for (let i = 1; i <= 6; i += 1) {
        const title = `Tab ${tab} note ${i}`;
        expected.push(title);
        await notes.goto();
        await notes.create({ title });
      }
    };
    try {
      await Promise.all([writeMany(a as Page, 'A'), writeMany(b, 'B')]);
      await new SyncBar(b).syncNow();
      await expect.poll(() => serverNoteTitles(context.request)).toEqual([...before, ...expected].sort());
      expect(await deviceOutbox(a as Page)).toEqual([]);
      await expect.poll(() => pushes.requests.every((r) => r.status !== null)).toBe(true);

      // What the server saw: every seq once, in one unbroken run, and no push refused for a gap.
      expect(pushes.requests.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      const seqs = pushes.requests.flatMap((r) =>
        (r.body as { entries: { seq: number }[] }).entries.map((e) => e.seq),
      );
      const first = Math.min(...seqs);
      expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => first + i));
      const lastSeqs = pushes.requests.map((r) => (r.response as { lastSeq: number }).lastSeq);
      expect(Math.max(...lastSeqs)).toBe(first + 11);
      const results = pushes.requests.flatMap((r) =>
        (r.response as { results: { status: string }[] }).results.map((x) => x.status),
      );
      expect(results).toEqual(Array(12).fill('applied'));
    } finally {
      pushes.stop();
      await b.close();
    }
  });

  // Which try of the crash test this is: a retry (vitest.e2e.config.ts) runs against the same server, so its
  // notes carry their own prefix and only they are checked for duplicates.
  let crashTry = 0;

  it('killing the browser mid-sync ten times loses and duplicates nothing', async () => {
    crashTry += 1;
    const prefix = `Crash (try ${crashTry})`;
    const profile = mkdtempSync(join(E2E_TMP, 'profile-'));
    try {
      // Sign in once and close cleanly, so the session cookie is on disk.
      let device = await launchProfile(profile, server.url);
      await signIn(await device.newPage(), 'kurt', PASSWORD);
      await device.close();

      type Point = 'push-request' | 'push-response' | 'pull-request' | 'pull-response' | 'while-saving';
      const points: Point[] = [
        'push-request',
        'push-response',
        'pull-request',
        'pull-response',
        'while-saving',
        'push-response',
        'push-request',
        'pull-response',
        'while-saving',
        'pull-request',
      ];
      // Notes whose save the screen confirmed, and every note a save was started for (a kill may land
      // between the two: such a note may or may not exist, but never twice).
      const confirmed: string[] = [];
      const attempted: string[] = [];
      for (const [round, point] of points.entries()) {
        device = await launchProfile(profile, server.url);
        const pid = browserPid(profile);
        const closed = new Promise<void>((resolve) => device.once('close', () => resolve()));
        const page = await device.newPage();
        await page.goto('/notes');
        const bar = new SyncBar(page);
        // The start-up sync sends whatever the last crash left behind.
        await bar.waitForSynced();

        const [kind, phase] = point.split('-') as [string, string];
        if (point !== 'while-saving') {
          const path = `/api/sync/${kind}`;
          const killOn = (event: { url: () => string }) => {
            if (new URL(event.url()).pathname === path) killBrowser(pid);
          };
          if (phase === 'request') device.on('request', killOn);
          else device.on('response', killOn);
        }
        const notes = new NotesPage(page, { activateWith: 'enter' });
        try {
          for (let i = 1; i <= 2; i += 1) {
            const title = `${prefix} round ${round + 1} note ${i}`;
            await notes.goto();
            attempted.push(title);
            if (point === 'while-saving' && i === 2) {
              await notes.page.getByRole('button', { name: 'New note', exact: true }).press('Enter');
              await notes.fill({ title });
              await notes.save().press('Enter', { noWaitAfter: true });
              killBrowser(pid);
              break;
            }
            await notes.create({ title });
            confirmed.push(title);
          }
          await bar.syncNowButton().press('Enter');
        } catch {
          // The browser was killed under the test's feet: that is the point.
        }
        await closed;
      }

      // Back once more: a final sync, then the server has every note once and the outbox is empty.
      device = await launchProfile(profile, server.url);
      const page = await device.newPage();
      await page.goto('/notes');
      await new SyncBar(page).syncNow();
      const titles = await serverNoteTitles(page.request);
      const mine = titles.filter((title) => title.startsWith(prefix));
      expect(new Set(mine).size).toBe(mine.length);
      const missing = confirmed.filter((title) => !mine.includes(title));
      if (missing.length > 0) {
        // Say where a lost note is, so a failure tells more than "missing": still queued, refused, or gone.
        const outbox = await deviceOutbox(page);
        const rejections = await deviceTable(page, 'rejections');
        const rows = (
          await deviceTable<{ fields: { title?: string }; base?: unknown }>(page, 'records')
        ).filter((r) => missing.includes(String(r.fields.title)));
        expect.fail(
          `confirmed notes missing on the server: ${JSON.stringify(missing)}; on the device: ${JSON.stringify(rows)}; outbox: ${JSON.stringify(outbox)}; rejections: ${JSON.stringify(rejections)}`,
        );
      }
      for (const title of mine) expect(attempted).toContain(title);
      // The rounds did write (a kill can also land during a round's first automatic sync).
      expect(confirmed.length).toBeGreaterThanOrEqual(8);
      expect(await deviceOutbox(page)).toEqual([]);
      expect(await deviceTable(page, 'rejections')).toEqual([]);
      const local = (await deviceTable<{ kind: string; fields: { title: string } }>(page, 'records'))
        .filter((r) => r.kind === 'note')
        .map((r) => r.fields.title)
        .sort();
      expect(local).toEqual(titles);
      await device.close();
    } finally {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  }, 180_000);
});
