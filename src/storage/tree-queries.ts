// Reads of the call-down trees and orders of succession (Contacts area, issue 6). A tree's nodes carry the
// facet "@tree=<id>" (contact-kinds.ts), so a tree is read from the search index without scanning other
// trees; the contacts it names are fetched by id in one bulk read.
import { buildTree, type Tree, type TreeNodeLike } from '../domain/contacts/calldown';
import { facetTerm, normalizeSearchText } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import { termKey } from './search-index';
import { recordsWithTerm, searchRecords } from './search-queries';
import type { RecordView } from './sync-queries';
import { listRecords, toRecordView } from './sync-queries';

export interface TreeSummary {
  tree: RecordView;
  /** People on the tree (its live nodes), counted from the index. */
  people: number;
}

const byName = (field: string) => (a: RecordView, b: RecordView) =>
  String(a.fields[field] ?? '').localeCompare(String(b.fields[field] ?? '')) || a.id.localeCompare(b.id);

/** Every call-down tree on the device, by name, with how many people are on it. */
export async function listTrees(db: HoldfastDatabase): Promise<TreeSummary[]> {
  const trees = (await listRecords(db, 'calldown_tree')).sort(byName('name'));
  return Promise.all(
    trees.map(async (tree) => ({
      tree,
      people: await db.records
        .where('terms')
        .equals(termKey('tree_node', facetTerm('tree', tree.id)))
        .count(),
    })),
  );
}

/** One person on a tree as the editor shows it: the node's fields and its record. */
export interface TreeNodeView extends TreeNodeLike {
  nodeId: string;
  parentNodeId: string | null;
  order: number;
  contactId: string;
  backupContactId: string | null;
  pending: boolean;
}

export interface TreeRead {
  tree: RecordView;
  nodes: TreeNodeView[];
  /** The outline: roots, children in order, and nodes that need placing (buildTree). */
  built: Tree<TreeNodeView>;
  /** Every contact the tree names (people and backup callers) that is on the device. */
  contacts: Map<string, RecordView>;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * A tree, its nodes (through "@tree=<id>") built into an outline, and the contacts they name. The editor
 * passes `withContacts: false` and reads only the contacts it shows (contactsById), so a 2,000-person
 * tree opens without reading 2,000 contacts.
 */
export async function readTree(
  db: HoldfastDatabase,
  treeId: string,
  { withContacts = true }: { withContacts?: boolean } = {},
): Promise<TreeRead | null> {
  const treeRow = await db.records.get(treeId);
  if (!treeRow || treeRow.deleted || treeRow.kind !== 'calldown_tree') return null;
  const rows = await recordsWithTerm(db, 'tree_node', facetTerm('tree', treeId));
  const nodes: TreeNodeView[] = [];
  for (const row of rows) {
    if (row.deleted) continue;
    const f = row.fields;
    nodes.push({
      nodeId: row.id,
      parentNodeId: str(f.parentNodeId),
      order: typeof f.order === 'number' ? f.order : 0,
      contactId: String(f.contactId),
      backupContactId: str(f.backupContactId),
      pending: 'base' in row,
    });
  }
  const contacts = withContacts
    ? await contactsById(
        db,
        nodes.flatMap((node) =>
          node.backupContactId ? [node.contactId, node.backupContactId] : [node.contactId],
        ),
      )
    : new Map<string, RecordView>();
  return { tree: toRecordView(treeRow), nodes, built: buildTree(nodes), contacts };
}

/** The live contacts with these ids that are on the device (one bulk read, repeats read once). */
export async function contactsById(
  db: HoldfastDatabase,
  ids: readonly string[],
): Promise<Map<string, RecordView>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.records.bulkGet(unique) : [];
  const contacts = new Map<string, RecordView>();
  for (const row of rows)
    if (row && !row.deleted && row.kind === 'contact') contacts.set(row.id, toRecordView(row));
  return contacts;
}

export interface SuccessionRead {
  successions: RecordView[];
  contacts: Map<string, RecordView>;
}

/** Every order of succession, by position, with the contacts they name. */
export async function listSuccessions(db: HoldfastDatabase): Promise<SuccessionRead> {
  const successions = (await listRecords(db, 'succession')).sort(byName('position'));
  const ids = successions.flatMap((s) =>
    Array.isArray(s.fields.contactIds) ? s.fields.contactIds.filter((id) => typeof id === 'string') : [],
  ) as string[];
  return { successions, contacts: await contactsById(db, ids) };
}

/**
 * Contacts whose name words (or position) start with every word typed, by name, at most `limit`. The index
 * answers the first word; the others narrow those rows, so "ana ru" finds Ana Ruiz without a scan.
 */
export async function findContacts(db: HoldfastDatabase, text: string, limit = 20): Promise<RecordView[]> {
  const words = normalizeSearchText(text).split(' ').filter(Boolean);
  const [first, ...rest] = words;
  if (!first) return [];
  const rows = await searchRecords(db, 'contact', first, { limit: 500 });
  const found: RecordView[] = [];
  for (const row of rows) {
    if (row.deleted) continue;
    const haystack = normalizeSearchText(
      `${String(row.fields.name ?? '')} ${String(row.fields.position ?? '')}`,
    ).split(' ');
    if (!rest.every((word) => haystack.some((part) => part.startsWith(word)))) continue;
    found.push(toRecordView(row));
  }
  return found.sort(byName('name')).slice(0, limit);
}
