// Issue 6, "Print: the tree as a one-page diagram (or indented outline when large)": a 7-person tree of 3
// levels prints as an org-chart diagram (boxes nested under their caller, read as lists) on ONE PDF page
// with every name, primary phone and backup caller; a 40-person tree keeps the outline and still prints
// every name. Both seeded through the server.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactsPrintPage } from './pages/contacts-runs-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'public-works';
const name = (i: number) => `Person ${String(i).padStart(2, '0')}`;
const phone = (i: number) => `+1802555${String(1000 + i)}`;
/** The same number as the paper shows it (libphonenumber-js international format). */
const shown = (i: number) => `+1 802 555 ${String(1000 + i)}`;

/**
 * Two trees of the same people. "Water on call" (7): Person 01 calls 02 and 03; 02 calls 04 and 05, 03
 * calls 06 and 07; Person 05's backup caller is Person 03. "Everyone" (40): Person 01 calls 02–04, who
 * each call twelve. Each person has a work number (primary) and a mobile.
 */
async function seed(server: TestServer): Promise<{ small: string; large: string }> {
  const api = await apiSession(server, 'rita', PASSWORD);
  const scene = new SeedScene(DEPT);
  const { add } = scene;
  const contactIds = Array.from({ length: 40 }, (_, k) =>
    add('record.create', 'contact', {
      name: name(k + 1),
      position: k === 0 ? 'Duty officer' : 'Crew',
      phones: [
        { label: 'mobile', number: phone(k + 101) },
        { label: 'work', number: phone(k + 1), primary: true },
      ],
    }),
  );
  const tree = (treeName: string, parents: (number | null)[], backups: Record<number, number> = {}) => {
    const treeId = add('record.create', 'calldown_tree', {
      name: treeName,
      escalateAfterAttempts: 3,
      escalateAfterMinutes: 15,
      escalateTo: 'backup',
    });
    const nodeIds: string[] = [];
    parents.forEach((parent, k) => {
      const backup = backups[k];
      nodeIds[k] = add('record.create', 'tree_node', {
        treeId,
        contactId: contactIds[k]!,
        order: k,
        ...(parent === null ? {} : { parentNodeId: nodeIds[parent]! }),
        ...(backup === undefined ? {} : { backupContactId: contactIds[backup]! }),
      });
    });
    return treeId;
  };
  const small = tree('Water on call', [null, 0, 0, 1, 1, 2, 2], { 4: 2 });
  const large = tree(
    'Everyone',
    Array.from({ length: 40 }, (_, k) => (k === 0 ? null : k < 4 ? 0 : 1 + Math.floor((k - 4) / 12))),
  );
  await scene.push(api);
  await api.dispose();
  return { small, large };
}

describe('contacts: the tree on paper', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;
  let trees: { small: string; large: string };

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, {
      username: 'rita',
      password: PASSWORD,
      role: 'manager',
      departments: [DEPT],
      name: 'Rita Moreno',
    });
    trees = await seed(server);
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    await new SyncBar(rita.page).syncNow();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints a small tree as a one-page diagram with every person', async () => {
    const print = new ContactsPrintPage(rita.page);
    await print.goto(`/contacts/print/trees/${trees.small}`, /Call-down tree: Water on call/);
    expect(await seriousViolations(rita.page)).toEqual([]);
    // The boxes nest under their caller as lists, so a screen reader hears who calls whom.
    await expect(print.diagram().locator(':scope > li').count()).resolves.toBe(1);
    const under = async (person: string) =>
      (await print.calledBy(person).allInnerTexts()).map((text) => text.split('\n')[0]);
    await expect(under(name(1))).resolves.toEqual([name(2), name(3)]);
    await expect(under(name(2))).resolves.toEqual([name(4), name(5)]);
    await expect(under(name(3))).resolves.toEqual([name(6), name(7)]);
    await expect(rita.page.locator('.tree-print-outline').count()).resolves.toBe(0);

    const pdf = await print.pdf();
    expect(pdf.pageCount).toBe(1);
    expect(pdf.sizes[0]![0]).toBeGreaterThan(pdf.sizes[0]![1]); // landscape
    const text = pdf.pages[0]!;
    for (let i = 1; i <= 7; i++) {
      expect(text).toContain(name(i));
      expect(text).toContain(`${shown(i)} (work)`); // the primary phone only
      expect(text).not.toContain(shown(i + 100));
    }
    expect(text).toContain(`backup caller: ${name(3)}`);
    expect(text).toContain('Duty officer');
    expect(text).toMatch(/Data as of Mar 2, 2026/);
    expect(text).not.toContain(name(8));
  });

  it('keeps the outline for a 40-person tree, with every person', async () => {
    const print = new ContactsPrintPage(rita.page);
    await print.goto(`/contacts/print/trees/${trees.large}`, /Call-down tree: Everyone/);
    await expect(print.diagram().count()).resolves.toBe(0);
    await rita.page.locator('.tree-print-outline').waitFor();
    const pdf = await print.pdf();
    const text = pdf.pages.join('\n');
    for (let i = 1; i <= 40; i++) expect(text, `lists ${name(i)}`).toContain(name(i));
    for (const page of pdf.pages) expect(page).toMatch(/Data as of Mar 2, 2026/);
  });
});
