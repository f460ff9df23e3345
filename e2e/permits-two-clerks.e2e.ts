// Issue 4, acceptance 2: two clerks on two devices hold the same submitted permit; both go offline, one
// issues it, the other withdraws it (with a reason) on the permit page. Back online, the first to sync
// wins: exactly one move stands on the server and on both devices, and the other device shows the refusal
// under "Needs attention" with a plain reason naming the status the permit is now in; the permit page
// says so and links there.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttentionPage } from './pages/attention-page';
import { PermitsPage } from './pages/permits-page';
import { SyncBar } from './pages/sync-bar';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'building';
const ADDRESS = '77 Brant St.';

describe('permits: two clerks move the same permit offline', () => {
  let server: TestServer;
  let browser: Browser;
  let cleo: Device;
  let dan: Device;

  const serverView = async (device: Device) => {
    const records = await serverRecords(device.page.request);
    return {
      status: records.find((r) => r.kind === 'permit')?.fields.status,
      events: records
        .filter((r) => r.kind === 'permit_status_event')
        .map((r) => ({ from: r.fields.from, to: r.fields.to })),
    };
  };

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    for (const username of ['cleo', 'dan'])
      addUser(server, { username, password: PASSWORD, role: 'clerk', departments: [DEPT] });
    browser = await launchBrowser();
    cleo = await signedInDevice(browser, server, 'cleo', PASSWORD);
    dan = await signedInDevice(browser, server, 'dan', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the first move to sync stands; the other is refused, explained and linked from the permit', async () => {
    // Cleo enters the permit at the counter; both devices have it, submitted.
    const cleoPermits = new PermitsPage(cleo.page);
    await cleoPermits.goto();
    await cleoPermits.create({
      type: 'Deck',
      description: 'Attached deck',
      address: ADDRESS,
      applicant: 'Ana Ruiz',
      applied: '2026-02-20',
    });
    await cleoPermits.statusLine().getByText('Submitted').waitFor();
    await new SyncBar(cleo.page).syncNow();
    await new SyncBar(dan.page).syncNow();
    const danPermits = new PermitsPage(dan.page);
    await danPermits.openPermit(ADDRESS);
    await danPermits.statusLine().getByText('Submitted').waitFor();

    // Both offline: Cleo issues it, Dan withdraws it.
    await cleo.context.setOffline(true);
    await dan.context.setOffline(true);
    await cleoPermits.openPermit(ADDRESS);
    await cleoPermits.changeStatus('Issued');
    await cleoPermits.statusLine().getByText('Issued').waitFor();
    await danPermits.openPermit(ADDRESS);
    await danPermits.changeStatus('Withdrawn', 'The applicant withdrew by phone');
    await danPermits.statusLine().getByText('Withdrawn').waitFor();

    // Cleo's device reconnects first and syncs on its own: her move stands.
    await cleo.context.setOffline(false);
    await new SyncBar(cleo.page).waitForSynced();
    await expect
      .poll(() => serverView(cleo))
      .toEqual({ status: 'issued', events: [{ from: 'submitted', to: 'issued' }] });

    // Dan's device reconnects: his move is refused and lands under "Needs attention".
    await dan.context.setOffline(false);
    const danBar = new SyncBar(dan.page);
    await danBar.waitForCounts({ attention: 1 });
    await danBar.waitForSynced();
    expect(await serverView(dan)).toEqual({
      status: 'issued',
      events: [{ from: 'submitted', to: 'issued' }],
    });

    // Both devices show the permit issued, with one move in its history.
    await new SyncBar(cleo.page).syncNow();
    for (const permits of [cleoPermits, danPermits]) {
      await permits.openPermit(ADDRESS);
      await permits.statusLine().getByText('Issued').waitFor();
      await expect(permits.history().getByRole('listitem').allInnerTexts()).resolves.toEqual([
        expect.stringContaining('Submitted → Issued'),
      ]);
    }
    await expect(cleoPermits.attentionNote().count()).resolves.toBe(0);

    // Dan's permit page says a change was refused, in plain words naming the status it is now in, and
    // links to "Needs attention", which explains the same.
    const note = danPermits.attentionNote();
    await note.getByText(/This permit is now "Issued"/).waitFor();
    await note.getByText(/not moved to "Withdrawn"/).waitFor();
    await note.getByRole('link', { name: 'Open Needs attention to fix or discard it' }).click();
    const attention = new AttentionPage(dan.page);
    await dan.page.getByRole('heading', { level: 1, name: 'Needs attention' }).waitFor();
    expect(new URL(dan.page.url()).pathname).toBe('/sync/attention');
    const item = attention.items().first();
    await attention
      .reason(item)
      .getByText(/This permit is now "Issued"/)
      .waitFor();
    await expect(attention.items().count()).resolves.toBe(1);
    const reason = await attention.reason(item).innerText();
    expect(reason).toMatch(/This permit is now "Issued"/);
    expect(reason).toMatch(/Withdrawn/);
  });
});
