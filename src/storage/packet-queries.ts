// Reads for the outage packet (issue 7): everything it prints for the chosen departments, read from this
// device only (trees, succession, checklist templates, open permits, the week's inspections, active
// incidents with their latest log entries), and the device's packet facts in `meta`: when it was last
// printed, how many records changed since (index counts, never a scan) and the reminder interval.
import { CLOSED_STATUSES } from '../domain/permits/lifecycle';
import { RECORD_KINDS } from '../domain/sync/registered-kinds';
import type { HoldfastDatabase } from './database';
import { listLogEntries, listLogs } from './incident-queries';
import { compareAddresses, localDate } from './inspection-queries';
import type { MetaRow } from './meta';
import { readTreeSnapshot, type TreeSnapshot } from './run-queries';
import { toRecordView, type RecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';
import { contactsById } from './tree-queries';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Live records of one kind in the given departments, from the [kind+dept] index. */
async function inDepartments(
  db: HoldfastDatabase,
  kind: string,
  departments: readonly string[],
  keep: (row: StoredRecord) => boolean = () => true,
): Promise<StoredRecord[]> {
  if (departments.length === 0) return [];
  const rows = await db.records
    .where('[kind+dept]')
    .anyOf(departments.map((dept) => [kind, dept]))
    .filter((row) => !row.deleted && keep(row))
    .toArray();
  return rows;
}

const byField = (field: string) => (a: RecordView, b: RecordView) =>
  text(a.fields[field]).localeCompare(text(b.fields[field])) || a.id.localeCompare(b.id);

/** A day as YYYY-MM-DD plus `days`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface PacketPermit {
  id: string;
  number: string;
  provisional: boolean;
  address: string;
  permitType: string;
  status: string;
  applicant: string;
}

export interface PacketInspection {
  id: string;
  date: string;
  address: string;
  permitNumber: string;
  inspectionType: string;
  inspector: string;
  status: string;
}

export interface PacketLogPage {
  incident: RecordView;
  log: RecordView;
  /** The log's latest entries in chain order (at most LOG_PAGE_ROWS), and the place of the first. */
  entries: RecordView[];
  firstNumber: number;
  total: number;
}

export interface PacketData {
  trees: TreeSnapshot[];
  successions: { succession: RecordView; people: { name: string; phone: string }[] }[];
  templates: RecordView[];
  permits: PacketPermit[];
  /** Today's inspections, then the rest of the week's (the next six days), in route order by day. */
  inspections: { today: PacketInspection[]; week: PacketInspection[] };
  logPages: PacketLogPage[];
}

export type PacketStage = 'contacts' | 'checklists' | 'permits' | 'inspections' | 'incidents';

/** A printed ICS 214 page holds this many activity rows: the packet prints the log's latest page. */
export const LOG_PAGE_ROWS = 8;

/** "26-000010" after "26-000009": one collator for every comparison (localeCompare makes one each call). */
const byNumber = new Intl.Collator('en', { numeric: true });

/** Open permits: every status but the closed ones (finaled, withdrawn, cancelled…), by number. */
export async function listOpenPermits(
  db: HoldfastDatabase,
  departments: readonly string[],
): Promise<PacketPermit[]> {
  const closed = new Set<string>(CLOSED_STATUSES);
  const rows = await inDepartments(db, 'permit', departments, (row) => !closed.has(text(row.fields.status)));
  return rows
    .map((row) => {
      const f = row.fields;
      const official = text(f.number);
      return {
        id: row.id,
        number: official || text(f.provisionalNumber),
        provisional: !official,
        address: text(f.address),
        permitType: text(f.permitType),
        status: text(f.status),
        applicant: text(f.applicantName),
      };
    })
    .sort((a, b) => byNumber.compare(a.number, b.number) || a.id.localeCompare(b.id));
}

/** Inspections scheduled from `today` through six days on (cancelled ones left out), by day then address. */
export async function listWeekInspections(
  db: HoldfastDatabase,
  departments: readonly string[],
  today: string,
): Promise<{ today: PacketInspection[]; week: PacketInspection[] }> {
  const last = addDays(today, 6);
  const rows = await inDepartments(db, 'permit_inspection', departments, (row) => {
    const day = text(row.fields.scheduledDate);
    return day >= today && day <= last && row.fields.status !== 'cancelled';
  });
  const permitIds = [...new Set(rows.map((row) => text(row.fields.permitId)))];
  const permits = new Map<string, StoredRecord>();
  for (const permit of permitIds.length ? await db.records.bulkGet(permitIds) : [])
    if (permit && !permit.deleted && permit.kind === 'permit') permits.set(permit.id, permit);
  const list = rows
    .map((row): PacketInspection => {
      const permit = permits.get(text(row.fields.permitId));
      return {
        id: row.id,
        date: text(row.fields.scheduledDate),
        address: text(row.fields.address) || text(permit?.fields.address),
        permitNumber: text(permit?.fields.number) || text(permit?.fields.provisionalNumber),
        inspectionType: text(row.fields.inspectionType),
        inspector: text(row.fields.inspector),
        status: text(row.fields.status),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || compareAddresses(a.address, b.address));
  return { today: list.filter((i) => i.date === today), week: list.filter((i) => i.date !== today) };
}

/** Each active real incident's logs, each with its latest page of entries (exercises stay out of the packet). */
export async function listActiveLogPages(
  db: HoldfastDatabase,
  departments: readonly string[],
): Promise<PacketLogPage[]> {
  const incidents = (
    await inDepartments(
      db,
      'incident',
      departments,
      (r) => r.fields.status === 'active' && r.fields.exercise !== true,
    )
  )
    .map(toRecordView)
    .sort(byField('name'));
  const pages: PacketLogPage[] = [];
  for (const incident of incidents) {
    for (const log of await listLogs(db, incident.id)) {
      const entries = await listLogEntries(db, log.id);
      const from = Math.max(0, entries.length - LOG_PAGE_ROWS);
      pages.push({
        incident,
        log,
        entries: entries.slice(from),
        firstNumber: from + 1,
        total: entries.length,
      });
    }
  }
  return pages;
}

/** Everything the packet prints for these departments; `onStage` is told as each part is read. */
export async function readPacketData(
  db: HoldfastDatabase,
  departments: readonly string[],
  today: string = localDate(new Date()),
  onStage: (stage: PacketStage) => void = () => {},
): Promise<PacketData> {
  onStage('contacts');
  const treeRows = (await inDepartments(db, 'calldown_tree', departments))
    .map(toRecordView)
    .sort(byField('name'));
  const trees: TreeSnapshot[] = [];
  for (const tree of treeRows) {
    const snapshot = await readTreeSnapshot(db, tree.id);
    if (snapshot) trees.push(snapshot);
  }
  const successionRows = (await inDepartments(db, 'succession', departments))
    .map(toRecordView)
    .sort(byField('position'));
  const lineOf = (s: RecordView) =>
    Array.isArray(s.fields.contactIds)
      ? s.fields.contactIds.filter((id): id is string => typeof id === 'string')
      : [];
  const people = await contactsById(db, successionRows.flatMap(lineOf));
  const successions = successionRows.map((succession) => ({
    succession,
    people: lineOf(succession).map((id) => {
      const contact = people.get(id);
      const phones = Array.isArray(contact?.fields.phones)
        ? (contact.fields.phones as { number?: string; primary?: boolean }[])
        : [];
      return {
        name: text(contact?.fields.name),
        phone: text((phones.find((p) => p.primary) ?? phones[0])?.number),
      };
    }),
  }));
  onStage('checklists');
  const templates = (
    await inDepartments(db, 'checklist_template', departments, (r) => r.fields.archived !== true)
  )
    .map(toRecordView)
    .sort(byField('title'));
  onStage('permits');
  const permits = await listOpenPermits(db, departments);
  onStage('inspections');
  const inspections = await listWeekInspections(db, departments, today);
  onStage('incidents');
  const logPages = await listActiveLogPages(db, departments);
  return { trees, successions, templates, permits, inspections, logPages };
}

// ---- The device's packet facts (meta keys of this file's own, like contact-queries' stale days) ----

const PRINTED_KEY = 'packetPrinted';
const DAYS_KEY = 'packetReminderDays';
const ORG_KEY = 'packetOrganization';

/** When the packet was last printed on this device, its code, and how many records the device held. */
export interface PacketPrinted {
  at: string;
  code: string;
  records: number;
}

type OwnRow = { key: string; value: unknown };
const readOwn = async (db: HoldfastDatabase, key: string): Promise<unknown> =>
  ((await db.meta.get(key as MetaRow['key'])) as unknown as OwnRow | undefined)?.value;
const writeOwn = (db: HoldfastDatabase, key: string, value: unknown) =>
  db.meta.put({ key, value } as unknown as MetaRow);

export async function readPacketPrinted(db: HoldfastDatabase): Promise<PacketPrinted | null> {
  const value = (await readOwn(db, PRINTED_KEY)) as Partial<PacketPrinted> | undefined;
  return value && typeof value.at === 'string'
    ? { at: value.at, code: String(value.code ?? ''), records: Number(value.records ?? 0) }
    : null;
}

/** Notes the packet as printed now, with the device's record count (an index count) for the change rule. */
export async function recordPacketPrinted(
  db: HoldfastDatabase,
  code: string,
  at = new Date(),
): Promise<void> {
  const printed: PacketPrinted = { at: at.toISOString(), code, records: await db.records.count() };
  await writeOwn(db, PRINTED_KEY, printed);
}

/** The reminder's interval in days when nobody has set one. */
export const DEFAULT_REMINDER_DAYS = 7;

export async function readPacketReminderDays(db: HoldfastDatabase): Promise<number> {
  const value = await readOwn(db, DAYS_KEY);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_REMINDER_DAYS;
}

export async function writePacketReminderDays(db: HoldfastDatabase, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new RangeError('Days out of range');
  await writeOwn(db, DAYS_KEY, days);
}

/** The organization's name for the cover page, as set on this device (empty when never set). */
export async function readPacketOrganization(db: HoldfastDatabase): Promise<string> {
  const value = await readOwn(db, ORG_KEY);
  return typeof value === 'string' ? value : '';
}

export async function writePacketOrganization(db: HoldfastDatabase, name: string): Promise<void> {
  await writeOwn(db, ORG_KEY, name.trim().slice(0, 200));
}

/**
 * Records changed (created, edited, deleted) since the packet was printed: one [kind+updatedAt] index range
 * count per registered kind, so it costs the number of changed keys, never a read of every record. A
 * record's `updatedAt` is when its writer changed it, so records written before the print but received
 * after it (a laptop that synced late, a resync) are not in that count: the change in how many records the
 * device holds since the print (`recordsThen`) catches those; the larger of the two is the answer.
 */
export async function countChangedSince(
  db: HoldfastDatabase,
  at: string,
  recordsThen?: number,
): Promise<number> {
  const counts = await Promise.all(
    RECORD_KINDS.names().map((kind) =>
      db.records.where('[kind+updatedAt]').between([kind, at], [kind, '\uffff'], true, true).count(),
    ),
  );
  const edited = counts.reduce((sum, n) => sum + n, 0);
  if (recordsThen === undefined) return edited;
  return Math.max(edited, Math.abs((await db.records.count()) - recordsThen));
}

// ---- The reminder rule ----

export interface ReminderFacts {
  printed: PacketPrinted | null;
  days: number;
  /** Records changed since it was printed (countChangedSince). */
  changed: number;
  now: Date;
}

export type PacketReminder =
  | { due: false }
  | { due: true; reason: 'never' }
  | { due: true; reason: 'old'; daysAgo: number }
  | { due: true; reason: 'changed'; changed: number };

/** Many changes: 500 records, or a fifth of what the device held when it printed (at least 20 records). */
export const CHANGE_LIMIT = { records: 500, share: 0.2, least: 20 } as const;

/** Whether the Device page should remind the user to print the packet, and why. */
export function packetReminder({ printed, days, changed, now }: ReminderFacts): PacketReminder {
  if (!printed) return { due: true, reason: 'never' };
  const daysAgo = Math.floor((now.getTime() - Date.parse(printed.at)) / 86_400_000);
  if (daysAgo > days) return { due: true, reason: 'old', daysAgo };
  const share = Math.max(CHANGE_LIMIT.least, Math.ceil(printed.records * CHANGE_LIMIT.share));
  if (changed >= CHANGE_LIMIT.records || changed > share) return { due: true, reason: 'changed', changed };
  return { due: false };
}
