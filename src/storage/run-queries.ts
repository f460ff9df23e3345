// Reads of call-down runs (issue 6). A run carries "@tree=<id>", its attempts and reports "@run=<id>"
// (contact-kinds.ts), so each read here is an index range and never scans the records of other runs.
// Starting a run needs the tree as it is now: its nodes ("@tree=") and their contacts, in tree order.
import { buildTree, type TreeNodeLike } from '../domain/contacts/calldown';
import { PLAN_KEYS } from '../domain/contacts/contact-kinds';
import type { JsonObject } from '../domain/sync/json-value';
import { facetTerm } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import { trackRecordChanges, type RecordChanges } from './record-changes';
import { termKey } from './search-index';
import { recordsWithTerm } from './search-queries';
import type { RecordView } from './sync-queries';
import { getRecord, listRecords, toRecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';
import { contactsById } from './tree-queries';

const live = (rows: StoredRecord[]): RecordView[] => rows.filter((row) => !row.deleted).map(toRecordView);

const byStartDesc = (a: RecordView, b: RecordView) =>
  String(b.fields.startedAt ?? '').localeCompare(String(a.fields.startedAt ?? '')) ||
  a.id.localeCompare(b.id);

/** Code-unit order, not localeCompare: ISO times and ids sort the same way and 6,000 of them in ~1 ms. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byAt = (a: RecordView, b: RecordView) =>
  compare(String(a.fields.at ?? ''), String(b.fields.at ?? '')) || compare(a.id, b.id);

/** One person of a run's plan, as the run keeps it (every value a string; absent keys are omitted). */
export interface PlanRow extends TreeNodeLike {
  nodeId: string;
  contactId: string;
  parentNodeId?: string;
  backupContactId?: string;
  name: string;
  phone?: string;
  /** The row's place in the plan (tree order), for buildTree; not stored. */
  order: number;
}

/** Every run on the device, newest start first. */
export async function listRuns(db: HoldfastDatabase): Promise<RecordView[]> {
  return (await listRecords(db, 'calldown_run')).sort(byStartDesc);
}

/** The runs of one tree, newest start first. */
export async function listTreeRuns(db: HoldfastDatabase, treeId: string): Promise<RecordView[]> {
  return live(await recordsWithTerm(db, 'calldown_run', facetTerm('tree', treeId))).sort(byStartDesc);
}

export interface RunActivity {
  run: RecordView;
  /** The plan as stored, each row with its place (`order`). */
  plan: PlanRow[];
  /** Every attempt recorded on any device, oldest first. */
  attempts: RecordView[];
  /** Every report (branch closed, escalated), oldest first. */
  reports: RecordView[];
}

/** The plan rows of a run record, each given its place in the plan as `order`. */
export function planOf(run: { fields: JsonObject }): PlanRow[] {
  const rows = Array.isArray(run.fields.plan) ? (run.fields.plan as Record<string, string>[]) : [];
  return rows.map((row, order) => ({ ...row, order }) as PlanRow);
}

/** A run with its plan, attempts and reports; null when the run is not on this device. */
export async function readRunActivity(db: HoldfastDatabase, runId: string): Promise<RunActivity | null> {
  const run = await readRun(db, runId);
  if (!run) return null;
  const [attempts, reports] = await Promise.all([readAttempts(db, runId), readReports(db, runId)]);
  return { run, plan: planOf(run), attempts, reports };
}

/**
 * The run record alone; null when it is not on this device. The run page reads the run, its attempts and
 * its reports as three live queries, so an attempt re-reads neither the run (whose plan holds every
 * person) nor its reports.
 */
export async function readRun(db: HoldfastDatabase, runId: string): Promise<RecordView | null> {
  const run = await getRecord(db, runId);
  return run && !run.deleted && run.kind === 'calldown_run' ? run : null;
}

/** A run's reports (branch closed, escalated), oldest first. */
export async function readReports(db: HoldfastDatabase, runId: string): Promise<RecordView[]> {
  return live(await recordsWithTerm(db, 'calldown_report', facetTerm('run', runId))).sort(byAt);
}

interface AttemptCache {
  byId: Map<string, RecordView>;
  sorted: RecordView[];
  /** Attempts in the index range that are deleted (a tombstone): counted, never shown. */
  deleted: Set<string>;
  /** Records written since the cache last read (record-changes.ts). */
  changes: RecordChanges;
  primed: boolean;
  /** Reads are numbered; a row is applied only by a read at least as recent as the one that last set it. */
  reads: number;
  appliedBy: Map<string, number>;
  /** Ids an unfinished read is loading, so a read that overtakes it loads them too. */
  loading: Map<string, number>;
}

/** Per database and run, the attempts read so far (a run's page re-reads after every attempt). */
const attemptCaches = new WeakMap<HoldfastDatabase, Map<string, AttemptCache>>();

function applyRow(
  cache: AttemptCache,
  runId: string,
  id: string,
  row: StoredRecord | undefined,
  read: number,
) {
  if ((cache.appliedBy.get(id) ?? 0) > read) return;
  cache.appliedBy.set(id, read);
  const mine = row?.kind === 'calldown_attempt' && row.fields.runId === runId;
  if (mine && row.deleted) cache.deleted.add(id);
  else cache.deleted.delete(id);
  if (mine && !row.deleted) cache.byId.set(id, toRecordView(row));
  else cache.byId.delete(id);
}

/**
 * A run's attempts, oldest first. Attempts are append-only: after the first read, only the records written
 * since (Dexie names them: record-changes.ts) are read, so recording one attempt during a 6,000-attempt run
 * reads one record, not 6,000 nor their 6,000 keys. The count of the run's index range is read each time:
 * it makes a live query re-run when an attempt is added, and a count that does not match the cache (a
 * change the notifications did not name) sends the read back to the whole range. A live query may start a
 * new read before the last one finished (each write wakes it): the new one loads what the old one was
 * loading, and rows are applied newest read last, so neither misses nor undoes the other.
 */
export async function readAttempts(db: HoldfastDatabase, runId: string): Promise<RecordView[]> {
  let caches = attemptCaches.get(db);
  if (!caches) attemptCaches.set(db, (caches = new Map()));
  let cache = caches.get(runId);
  if (!cache) {
    cache = {
      byId: new Map(),
      sorted: [],
      deleted: new Set(),
      changes: trackRecordChanges(db),
      primed: false,
      reads: 0,
      appliedBy: new Map(),
      loading: new Map(),
    };
    caches.set(runId, cache);
  }
  const range = db.records.where('terms').equals(termKey('calldown_attempt', facetTerm('run', runId)));
  // Awaited first: the change notification of the write that woke this read has then been delivered.
  const count = await range.count();
  const changed = cache.changes.take();
  const read = ++cache.reads;
  let full = !cache.primed || changed === 'everything';
  if (!full) {
    const ids = [...new Set([...(changed as Set<string>), ...cache.loading.keys()])];
    if (ids.length > 0) {
      for (const id of ids) cache.loading.set(id, read);
      const rows = await db.records.bulkGet(ids);
      ids.forEach((id, i) => {
        applyRow(cache, runId, id, rows[i], read);
        if (cache.loading.get(id) === read) cache.loading.delete(id);
      });
    }
    full = cache.byId.size + cache.deleted.size !== count;
  }
  if (full) {
    const rows = await range.toArray();
    const present = new Set(rows.map((row) => row.id));
    for (const row of rows) applyRow(cache, runId, row.id, row, read);
    for (const id of [...cache.byId.keys(), ...cache.deleted])
      if (!present.has(id)) applyRow(cache, runId, id, undefined, read);
    cache.primed = true;
  }
  cache.sorted = [...cache.byId.values()].sort(byAt);
  return [...cache.sorted];
}

/** A contact's phones as stored ([{label, number, primary}]). */
export interface PhoneRow {
  label: string;
  number: string;
  primary?: boolean;
}

export const phonesOf = (contact: { fields: JsonObject } | null | undefined): PhoneRow[] =>
  Array.isArray(contact?.fields.phones) ? (contact.fields.phones as unknown as PhoneRow[]) : [];

export const primaryPhoneOf = (contact: { fields: JsonObject } | null | undefined): string | undefined => {
  const phones = phonesOf(contact);
  return (phones.find((phone) => phone.primary) ?? phones[0])?.number;
};

export interface TreeNodeRow extends TreeNodeLike {
  nodeId: string;
  contactId: string;
  parentNodeId?: string;
  backupContactId?: string;
  order: number;
}

export interface TreeSnapshot {
  tree: RecordView;
  /** Every person on the tree in tree order (depth first; detached branches last), with their depth. */
  people: { node: TreeNodeRow; depth: number; contact: RecordView | null }[];
  contacts: Map<string, RecordView>;
}

/** A tree as it is now: its nodes in order with their contacts; null when the tree is not on this device. */
export async function readTreeSnapshot(db: HoldfastDatabase, treeId: string): Promise<TreeSnapshot | null> {
  const tree = await getRecord(db, treeId);
  if (!tree || tree.deleted || tree.kind !== 'calldown_tree') return null;
  const nodes = live(await recordsWithTerm(db, 'tree_node', facetTerm('tree', treeId))).map(
    (row): TreeNodeRow => ({
      nodeId: row.id,
      contactId: String(row.fields.contactId),
      ...(typeof row.fields.parentNodeId === 'string' && row.fields.parentNodeId
        ? { parentNodeId: row.fields.parentNodeId }
        : {}),
      ...(typeof row.fields.backupContactId === 'string' && row.fields.backupContactId
        ? { backupContactId: row.fields.backupContactId }
        : {}),
      order: Number(row.fields.order ?? 0),
    }),
  );
  const contacts = await contactsById(db, [
    ...nodes.map((node) => node.contactId),
    ...nodes.flatMap((node) => (node.backupContactId ? [node.backupContactId] : [])),
  ]);
  const built = buildTree(nodes);
  const people: TreeSnapshot['people'] = [];
  const seen = new Set<string>();
  const walk = (node: TreeNodeRow, depth: number) => {
    if (seen.has(node.nodeId)) return;
    seen.add(node.nodeId);
    people.push({ node, depth, contact: contacts.get(node.contactId) ?? null });
    for (const child of built.childrenOf.get(node.nodeId) ?? []) walk(child, depth + 1);
  };
  for (const root of built.roots) walk(root, 0);
  // A detached node is called as a branch of its own (as runProgress does): it starts at the top.
  for (const node of built.detached) walk(node, 0);
  return { tree, people, contacts };
}

/**
 * The plan a run keeps: one row per person in tree order, with the name and primary phone as they are
 * now. A detached node (its caller gone, or a loop made on two devices) loses its caller link, so the
 * run calls it as a branch of its own.
 */
export function planFromSnapshot(snapshot: TreeSnapshot): Record<string, string>[] {
  return snapshot.people.map(({ node, contact, depth }) => {
    const row: Record<string, string> = {
      nodeId: node.nodeId,
      contactId: node.contactId,
      name: String(contact?.fields.name ?? ''),
    };
    if (node.parentNodeId && depth > 0) row.parentNodeId = node.parentNodeId;
    if (node.backupContactId) row.backupContactId = node.backupContactId;
    const phone = primaryPhoneOf(contact);
    if (phone) row.phone = phone;
    for (const key of Object.keys(row)) if (!(PLAN_KEYS as readonly string[]).includes(key)) delete row[key];
    return row;
  });
}
