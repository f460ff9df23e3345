// Tree reads: trees with their people counted from the index, a tree's nodes built into an outline
// (deleted nodes left out, orphans needing placing), the contacts they name, successions, contact search.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/sync/json-value';
import type { HoldfastDatabase } from './database';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { contactsById, findContacts, listSuccessions, listTrees, readTree } from './tree-queries';
import { writeMutation } from './write-mutation';

const ctx = ritaCtx({ role: 'manager' });

async function write(
  db: HoldfastDatabase,
  name: 'record.create' | 'record.update' | 'record.delete',
  kind: string,
  id: string,
  fields: JsonObject = {},
) {
  const args =
    name === 'record.create'
      ? { kind, id, dept: 'public-works', fields }
      : name === 'record.update'
        ? { kind, id, fields }
        : { kind, id };
  const result = await writeMutation(db, name, args as never, ctx);
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

const contact = (db: HoldfastDatabase, i: number, name: string, position?: string) =>
  write(db, 'record.create', 'contact', n(i), { name, ...(position ? { position } : {}) });
const node = (
  db: HoldfastDatabase,
  i: number,
  treeId: string,
  contactId: string,
  parent?: string,
  order = 1,
) =>
  write(db, 'record.create', 'tree_node', n(i), {
    treeId,
    contactId,
    order,
    ...(parent ? { parentNodeId: parent } : {}),
  });

describe('tree queries', () => {
  it('lists trees by name with their live people counted', async () => {
    const db = await freshDatabase();
    await write(db, 'record.create', 'calldown_tree', n(1), { name: 'Water after-hours' });
    await write(db, 'record.create', 'calldown_tree', n(2), { name: 'Admin staff', escalateTo: 'parent' });
    await contact(db, 10, 'Ana Ruiz');
    await contact(db, 11, 'Bo Chen');
    await node(db, 100, n(1), n(10));
    await node(db, 101, n(1), n(11), n(100));
    await node(db, 102, n(2), n(10));
    await write(db, 'record.delete', 'tree_node', n(102));
    const trees = await listTrees(db);
    expect(trees.map((s) => [s.tree.fields.name, s.people])).toEqual([
      ['Admin staff', 0],
      ['Water after-hours', 2],
    ]);
    expect(trees[1]!.tree.fields).toMatchObject({ escalateAfterAttempts: 3, escalateAfterMinutes: 15 });
  });

  it('reads one tree through "@tree=", builds the outline, lists orphans and names the contacts', async () => {
    const db = await freshDatabase();
    await write(db, 'record.create', 'calldown_tree', n(1), { name: 'Water' });
    await write(db, 'record.create', 'calldown_tree', n(2), { name: 'Other' });
    for (const [i, name] of ['Ana', 'Bo', 'Cy', 'Di', 'Ed'].entries()) await contact(db, 10 + i, name);
    await node(db, 100, n(1), n(10));
    await node(db, 101, n(1), n(11), n(100), 2_048);
    await node(db, 102, n(1), n(12), n(100), 1_024);
    await node(db, 103, n(1), n(13), n(101));
    await write(db, 'record.update', 'tree_node', n(103), { backupContactId: n(14) });
    await node(db, 104, n(1), n(14), n(101));
    await node(db, 200, n(2), n(10)); // another tree: never read
    // Removing Bo leaves Di and Ed needing placing.
    await write(db, 'record.delete', 'tree_node', n(101));
    const read = (await readTree(db, n(1)))!;
    expect(read.tree.fields.name).toBe('Water');
    expect(read.nodes.map((x) => x.nodeId).sort()).toEqual([n(100), n(102), n(103), n(104)]);
    expect(read.built.roots.map((x) => x.nodeId)).toEqual([n(100)]);
    expect(read.built.childrenOf.get(n(100))!.map((x) => x.nodeId)).toEqual([n(102)]);
    expect(read.built.detached.map((x) => x.nodeId)).toEqual([n(103), n(104)]);
    expect(read.nodes.find((x) => x.nodeId === n(103))).toMatchObject({
      contactId: n(13),
      backupContactId: n(14),
      parentNodeId: n(101),
      pending: true,
    });
    expect([...read.contacts.keys()].sort()).toEqual([n(10), n(12), n(13), n(14)]);
    expect(read.contacts.get(n(13))!.fields.name).toBe('Di');
    // The editor reads the outline alone, then only the contacts it shows.
    const outline = (await readTree(db, n(1), { withContacts: false }))!;
    expect(outline.nodes).toEqual(read.nodes);
    expect(outline.contacts.size).toBe(0);
    const shown = await contactsById(db, [n(12), n(12), n(13), n(99), n(1)]);
    expect([...shown.keys()]).toEqual([n(12), n(13)]); // not the missing id, not the tree
    expect(await readTree(db, n(10))).toBeNull(); // a contact is not a tree
    expect(await readTree(db, n(99))).toBeNull();
  });

  it('lists successions by position with their contacts', async () => {
    const db = await freshDatabase();
    await contact(db, 10, 'Ana Ruiz');
    await contact(db, 11, 'Bo Chen');
    await write(db, 'record.create', 'succession', n(1), {
      position: 'Public Works Director',
      contactIds: [n(11), n(10)],
    });
    await write(db, 'record.create', 'succession', n(2), { position: 'City Manager', contactIds: [n(10)] });
    const read = await listSuccessions(db);
    expect(read.successions.map((s) => s.fields.position)).toEqual(['City Manager', 'Public Works Director']);
    expect(read.successions[1]!.fields.contactIds).toEqual([n(11), n(10)]);
    expect([...read.contacts.keys()].sort()).toEqual([n(10), n(11)]);
  });

  it('finds contacts by the start of every word typed, from the index', async () => {
    const db = await freshDatabase();
    await contact(db, 10, 'Ana Ruiz', 'Public Works Director');
    await contact(db, 11, 'Ana Bell');
    await contact(db, 12, 'José Ramírez');
    await contact(db, 13, 'Rui Anaya');
    await write(db, 'record.delete', 'contact', n(11));
    const names = async (text: string) => (await findContacts(db, text)).map((c) => c.fields.name);
    expect(await names('ana')).toEqual(['Ana Ruiz', 'Rui Anaya']);
    expect(await names('ana ru')).toEqual(['Ana Ruiz', 'Rui Anaya']);
    expect(await names('ru ana')).toEqual(['Ana Ruiz', 'Rui Anaya']);
    expect(await names('ana bell')).toEqual([]);
    expect(await names('jose ram')).toEqual(['José Ramírez']);
    expect(await names('public works')).toEqual(['Ana Ruiz']);
    expect(await names('  ')).toEqual([]);
  });
});
