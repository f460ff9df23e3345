// The call-down tree editor and the orders of succession. Contacts are set from another desk (SeedScene);
// offline, with the keyboard only, a manager builds a 3-level tree (add, move a branch, reorder, backup
// caller), is refused a move under the person's own branch, removes a caller whose people move up, and
// sets the escalation rule; online, the server holds the same tree. An order of succession is set and
// reordered. A 2,000-person tree opens with its first levels. axe on each screen.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { ContactsTreesPage } from './pages/contacts-trees-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession } from './support/api-session';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { SeedScene } from './support/seed';
import { addUser, startServer, type TestServer } from './support/server';
import { serverRecords, signedInDevice, type Device, type PulledRecord } from './support/sync';

const PASSWORD = 'correct horse battery';
const DEPT = 'emergency-management';

const PEOPLE: [string, string][] = [
  ['Ana Ruiz', 'City Manager'],
  ['Bo Chen', 'Public Works Director'],
  ['Cy Diaz', 'Fire Chief'],
  ['Di Evans', 'Water Supervisor'],
  ['Ed Fox', 'Roads Supervisor'],
  ['Flo Gomez', 'EMS Captain'],
];
const label = (name: string) => `${name} (${PEOPLE.find(([n]) => n === name)![1]})`;

describe('contacts: call-down trees and orders of succession', () => {
  let server: TestServer;
  let browser: Browser;
  let ines: Device;
  const contactIds = new Map<string, string>();

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'ines', password: PASSWORD, role: 'manager', departments: [DEPT] });
    const api = await apiSession(server, 'ines', PASSWORD);
    const scene = new SeedScene(DEPT);
    for (const [name, position] of PEOPLE)
      contactIds.set(
        name,
        scene.add('record.create', 'contact', {
          name,
          position,
          phones: [
            { label: 'work', number: `+1802555${String(contactIds.size).padStart(4, '0')}`, primary: true },
          ],
        }),
      );
    await scene.push(api);
    await api.dispose();
    browser = await launchBrowser();
    ines = await signedInDevice(browser, server, 'ines', PASSWORD);
    await new SyncBar(ines.page).syncNow();
  });

  // A test that fails while offline must not leave the next one offline too.
  afterEach(async () => {
    await ines?.context.setOffline(false);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds a tree offline with the keyboard only; online the server holds the same tree', async () => {
    const { page, context } = ines;
    const trees = new ContactsTreesPage(page);
    await trees.gotoTrees();
    await trees.main().getByText('No call-down trees are on this device yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.setOffline(true);
    await new AppShell(page).networkStatus('Offline').waitFor();

    // An empty name is refused next to the field.
    await trees.press(trees.main().getByRole('button', { name: 'Create tree' }));
    await trees.main().getByText('Enter a name for the tree.').waitFor();
    await trees.createTree('Public Works after-hours');
    await trees.main().getByText('Nobody is on this tree yet. Add the person at the top first.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Level 1, then two callers under Ana, then two under Bo and one under Cy.
    await trees.addPerson('ana', label('Ana Ruiz'), 'top');
    await trees.item('Ana Ruiz').waitFor();
    await trees.selectWithKeys('Ana Ruiz');
    await trees.addPerson('bo', label('Bo Chen'));
    await trees.addPerson('cy d', label('Cy Diaz'));
    // The same person twice is refused in words.
    await trees.addPerson('bo ch', label('Bo Chen'), 'selected', { refused: true });
    await trees.addSection().getByText('Bo Chen is already on this tree.').waitFor();
    await trees.selectWithKeys('Bo Chen');
    await trees.addPerson('di', label('Di Evans'));
    await trees.addPerson('roads', label('Ed Fox'));
    await trees.selectWithKeys('Cy Diaz');
    await trees.addPerson('flo', label('Flo Gomez'));
    await expect
      .poll(() => trees.outlineRows())
      .toEqual([
        [1, 'Ana Ruiz'],
        [2, 'Bo Chen'],
        [3, 'Di Evans'],
        [3, 'Ed Fox'],
        [2, 'Cy Diaz'],
        [3, 'Flo Gomez'],
      ]);
    const ana = trees.item('Ana Ruiz');
    await expect(ana.getAttribute('aria-expanded')).resolves.toBe('true');
    await ana.getByText('calls 2 people').waitFor();

    // Left closes a branch, Right opens it again.
    await trees.selectWithKeys('Bo Chen');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => trees.item('Bo Chen').getAttribute('aria-expanded')).toBe('false');
    await expect(trees.item('Di Evans').count()).resolves.toBe(0);
    await page.keyboard.press('ArrowRight');
    await trees.item('Di Evans').waitFor();

    // A move under one's own branch is refused with a plain message.
    await trees.selectWithKeys('Ana Ruiz');
    await trees.moveUnder(`— — ${label('Di Evans')}`);
    await expect(trees.moveError().innerText()).resolves.toContain(
      'Ana Ruiz cannot be moved under Di Evans, because Di Evans is one of the people Ana Ruiz calls',
    );

    // Move Bo's branch under Cy, then up before Flo.
    await trees.selectWithKeys('Bo Chen');
    await trees.moveUnder(`— ${label('Cy Diaz')}`);
    await expect
      .poll(() => trees.outlineRows())
      .toEqual([
        [1, 'Ana Ruiz'],
        [2, 'Cy Diaz'],
        [3, 'Flo Gomez'],
        [3, 'Bo Chen'],
        [4, 'Di Evans'],
        [4, 'Ed Fox'],
      ]);
    await trees.waitSelected('Bo Chen');
    await trees.press(trees.actions().getByRole('button', { name: 'Move up', exact: true }));
    await expect
      .poll(() => trees.outlineRows())
      .toEqual([
        [1, 'Ana Ruiz'],
        [2, 'Cy Diaz'],
        [3, 'Bo Chen'],
        [4, 'Di Evans'],
        [4, 'Ed Fox'],
        [3, 'Flo Gomez'],
      ]);
    await trees.press(trees.actions().getByRole('button', { name: 'Move up', exact: true }));
    await trees.actions().getByText('Bo Chen is already called first.').waitFor();

    // Di's backup caller is Ed; nobody is their own backup.
    await trees.selectWithKeys('Di Evans');
    await trees.setBackup('di ev', label('Di Evans'));
    await trees
      .actions()
      .getByText('A person cannot be their own backup caller. Choose someone else.')
      .waitFor();
    await trees.setBackup('ed', label('Ed Fox'));
    await trees.item('Di Evans').getByText('Backup caller: Ed Fox.').waitFor();

    // Removing Cy asks where Bo and Flo go: up to Ana.
    await trees.selectWithKeys('Cy Diaz');
    await trees.press(trees.actions().getByRole('button', { name: 'Remove Cy Diaz from the tree' }));
    const dialog = trees.dialog();
    await dialog.getByText('Cy Diaz calls 2 people. Where do they go?').waitFor();
    await dialog.getByRole('radio', { name: 'To Ana Ruiz, who will call them' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await trees.press(dialog.getByRole('button', { name: 'Remove', exact: true }));
    await expect
      .poll(() => trees.outlineRows())
      .toEqual([
        [1, 'Ana Ruiz'],
        [2, 'Bo Chen'],
        [3, 'Di Evans'],
        [3, 'Ed Fox'],
        [2, 'Flo Gomez'],
      ]);

    // The escalation rule: a bad number is explained next to its field, then 2 attempts or 10 minutes, up.
    await trees.saveSettings({ attempts: '0' });
    await trees.main().getByText('Enter a whole number of attempts from 1 to 20.').waitFor();
    await trees.saveSettings({
      name: 'Public Works after hours',
      attempts: '2',
      minutes: '10',
      to: 'parent',
    });
    await trees.heading().getByText('Public Works after hours', { exact: true }).waitFor();
    await trees
      .main()
      .getByText('Escalation: After 2 attempts or 10 minutes, pass up to the caller above')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await trees.gotoTrees();
    const row = trees.treeRow('Public Works after hours');
    await row.getByText('5 people').waitFor();
    await row.getByText('Not yet sent').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(false);
    await new SyncBar(page).waitForSynced();
    await expect.poll(() => row.getByText('Not yet sent').count()).toBe(0);
    const records = await serverRecords(page.request);
    const tree = records.find((r) => r.kind === 'calldown_tree')!;
    expect(tree.fields).toMatchObject({
      name: 'Public Works after hours',
      escalateAfterAttempts: 2,
      escalateAfterMinutes: 10,
      escalateTo: 'parent',
    });
    expect(serverOutline(records, tree.id, contactIds)).toEqual([
      '1 Ana Ruiz',
      '2 Bo Chen',
      '3 Di Evans (backup Ed Fox)',
      '3 Ed Fox',
      '2 Flo Gomez',
    ]);

    // Removing Bo with his people set aside: they need placing, and are placed from there.
    await trees.openTree('Public Works after hours');
    await trees.selectWithKeys('Bo Chen');
    await trees.press(trees.actions().getByRole('button', { name: 'Remove Bo Chen from the tree' }));
    await trees
      .dialog()
      .getByRole('radio', { name: /^Aside, under "Needs placing"/ })
      .focus();
    await page.keyboard.press('Space');
    await trees.press(trees.dialog().getByRole('button', { name: 'Remove', exact: true }));
    await trees.item('Di Evans', trees.needsPlacing()).waitFor();
    await trees.item('Ed Fox', trees.needsPlacing()).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await trees.needsPlacing().locator('[role="treeitem"][tabindex="0"]').focus();
    await trees.waitSelected('Di Evans');
    await trees.moveUnder(label('Ana Ruiz'));
    await expect
      .poll(() => trees.outlineRows())
      .toEqual([
        [1, 'Ana Ruiz'],
        [2, 'Flo Gomez'],
        [2, 'Di Evans'],
      ]);
    await expect(trees.needsPlacing().getByRole('treeitem').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^\W*Ed Fox/),
    ]);
    await new SyncBar(page).waitForSynced();
    const after = await serverRecords(page.request);
    expect(serverOutline(after, tree.id, contactIds)).toEqual([
      '1 Ana Ruiz',
      '2 Flo Gomez',
      '2 Di Evans (backup Ed Fox)',
    ]);
  });

  it('sets an order of succession and reorders it with buttons', async () => {
    const { page } = ines;
    const trees = new ContactsTreesPage(page);
    await trees.gotoSuccession();
    await trees.main().getByText('No orders of succession are on this device yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const form = trees.main().getByRole('region', { name: 'New order of succession' });
    // No position: refused next to the field.
    await trees.typeInto(form.getByLabel('Find who is first in line'), 'ana');
    await trees.press(form.getByRole('button', { name: `Put ${label('Ana Ruiz')} first in line` }));
    await form.getByText('Enter the position, for example Public Works Director.').waitFor();
    await trees.typeInto(form.getByLabel('Position'), 'Emergency Management Director');
    await trees.typeInto(form.getByLabel('Find who is first in line'), 'ana');
    await trees.press(form.getByRole('button', { name: `Put ${label('Ana Ruiz')} first in line` }));
    const line = trees.succession('Emergency Management Director');
    await line.waitFor();
    for (const [search, name] of [
      ['bo', 'Bo Chen'],
      ['cy', 'Cy Diaz'],
      ['flo', 'Flo Gomez'],
    ] as const) {
      await trees.typeInto(
        line.getByLabel('Add someone to the line for Emergency Management Director'),
        search,
      );
      await trees.press(line.getByRole('button', { name: `Add ${label(name)} to the line` }));
      await line.locator('.succession-name').getByText(name).waitFor();
    }
    await trees.press(line.getByRole('button', { name: 'Move Cy Diaz up' }));
    await expect
      .poll(() => trees.successionLine('Emergency Management Director'))
      .toEqual(['Ana Ruiz', 'Cy Diaz', 'Bo Chen', 'Flo Gomez']);
    // Focus stayed with Cy's button: Enter moves Cy up again, then Down puts Cy back.
    await page.keyboard.press('Enter');
    await expect
      .poll(() => trees.successionLine('Emergency Management Director'))
      .toEqual(['Cy Diaz', 'Ana Ruiz', 'Bo Chen', 'Flo Gomez']);
    await trees.press(line.getByRole('button', { name: 'Move Cy Diaz down' }));
    await expect
      .poll(() => trees.successionLine('Emergency Management Director'))
      .toEqual(['Ana Ruiz', 'Cy Diaz', 'Bo Chen', 'Flo Gomez']);
    await trees.press(line.getByRole('button', { name: 'Remove Bo Chen from the line' }));
    await expect
      .poll(() => trees.successionLine('Emergency Management Director'))
      .toEqual(['Ana Ruiz', 'Cy Diaz', 'Flo Gomez']);
    await trees.press(line.getByRole('button', { name: 'Move Ana Ruiz down' }));
    await expect
      .poll(() => trees.successionLine('Emergency Management Director'))
      .toEqual(['Cy Diaz', 'Ana Ruiz', 'Flo Gomez']);
    expect(await seriousViolations(page)).toEqual([]);
    await new SyncBar(page).syncNow();
    const succession = (await serverRecords(page.request)).find((r) => r.kind === 'succession')!;
    expect(succession.fields).toEqual(
      expect.objectContaining({
        position: 'Emergency Management Director',
        contactIds: ['Cy Diaz', 'Ana Ruiz', 'Flo Gomez'].map((name) => contactIds.get(name)),
      }),
    );
  });

  it('opens a 2,000-person tree with its first levels', async () => {
    const api = await apiSession(server, 'ines', PASSWORD);
    const scene = new SeedScene(DEPT);
    const treeId = scene.add('record.create', 'calldown_tree', { name: 'Whole city staff' });
    // 1 director, 10 coordinators, 100 team leads, 1,889 staff.
    const nodes: string[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      const contactId = scene.add('record.create', 'contact', { name: `Staff ${i}` });
      const parent =
        i === 0
          ? null
          : i <= 10
            ? nodes[0]
            : i <= 110
              ? nodes[1 + ((i - 11) % 10)]
              : nodes[11 + ((i - 111) % 100)];
      nodes.push(
        scene.add('record.create', 'tree_node', {
          treeId,
          contactId,
          order: i + 1,
          ...(parent ? { parentNodeId: parent } : {}),
        }),
      );
    }
    await scene.push(api);
    await api.dispose();
    const { page } = ines;
    const trees = new ContactsTreesPage(page);
    await trees.gotoTrees();
    await new SyncBar(page).syncNow();
    const row = trees.treeRow('Whole city staff');
    await row.getByText('2,000 people').waitFor();
    const started = Date.now();
    await trees.press(row.getByRole('link', { name: 'Whole city staff' }));
    await trees.item('Staff 10').waitFor();
    const openedMs = Date.now() - started;
    console.log(`tree editor with 2,000 people opened in ${openedMs} ms (from the link to the outline)`);
    // Levels 1 and 2 are shown; the coordinators' people wait until opened.
    await expect(trees.outline().getByRole('treeitem').count()).resolves.toBe(11);
    await expect(trees.item('Staff 1').getAttribute('aria-expanded')).resolves.toBe('false');
    await trees.selectWithKeys('Staff 1');
    await page.keyboard.press('ArrowRight');
    await trees.item('Staff 11').waitFor();
    await expect(trees.outline().getByRole('treeitem').count()).resolves.toBe(21);
    expect(await seriousViolations(page)).toEqual([]);
    // Again, with the page's code already loaded: the reading and drawing alone.
    await trees.press(trees.main().getByRole('link', { name: 'Back to call-down trees' }));
    const link = row.getByRole('link', { name: 'Whole city staff' });
    await link.focus();
    // Timed inside the page: from the key press to the outline's first levels in the document.
    const reopenedMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const done = () => {
            const tree = document.querySelector('[role="tree"]');
            if (
              tree &&
              tree.querySelectorAll('[role="treeitem"]').length === 11 &&
              tree.textContent?.includes('Staff 10')
            )
              resolve(performance.now() - start);
            else requestAnimationFrame(done);
          };
          (document.activeElement as HTMLElement).click();
          requestAnimationFrame(done);
        }),
    );
    // Printed, not asserted: speed targets live in npm run bench ("tree editor opens, 2,000 nodes"), where a
    // loaded machine cannot fail the test suite.
    console.log(`and again in ${Math.round(reopenedMs)} ms, timed in the page`);
  });
});

/** The server's tree as "level name (backup …)" lines, depth first by order. */
function serverOutline(records: PulledRecord[], treeId: string, contactIds: Map<string, string>): string[] {
  const nameOf = new Map([...contactIds].map(([name, id]) => [id, name]));
  const nodes = records.filter((r) => r.kind === 'tree_node' && !r.deleted && r.fields.treeId === treeId);
  const lines: string[] = [];
  const walk = (parent: string | null, level: number) => {
    const kids = nodes
      .filter((n) => (n.fields.parentNodeId ?? null) === parent)
      .sort((a, b) => Number(a.fields.order) - Number(b.fields.order));
    for (const kid of kids) {
      const backup = kid.fields.backupContactId
        ? ` (backup ${nameOf.get(String(kid.fields.backupContactId))})`
        : '';
      lines.push(`${level} ${nameOf.get(String(kid.fields.contactId))}${backup}`);
      walk(kid.id, level + 1);
    }
  };
  walk(null, 1);
  return lines;
}
