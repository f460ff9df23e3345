// Reads of the Incidents area. An incident's periods, logs, entries and messages carry the facet
// "@incident=<id>", a log's entries "@log=<id>" and "@at=<incident>|<eventAt>" (incident-kinds.ts), so
// every read here goes through the search index and never scans the records of other incidents.
import { incidentFacet, logFacet, timelineTerm } from '../domain/incidents/incident-kinds';
import { facetTerm } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import { recordsWithTerm } from './search-queries';
import { termKey } from './search-index';
import type { RecordView } from './sync-queries';
import { listRecords, toRecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';

const live = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((row) => !row.deleted);

/** Every incident on the device (real and exercise), most recently changed first. */
export function listIncidents(db: HoldfastDatabase): Promise<RecordView[]> {
  return listRecords(db, 'incident');
}

/** Records of one kind that belong to an incident (periods, logs, entries, messages, replies). */
export async function listIncidentRecords(
  db: HoldfastDatabase,
  kind: string,
  incidentId: string,
): Promise<RecordView[]> {
  const rows = await recordsWithTerm(db, kind, incidentFacet(incidentId));
  return live(rows).map(toRecordView);
}

/** An incident's operational periods, by number. */
export async function listPeriods(db: HoldfastDatabase, incidentId: string): Promise<RecordView[]> {
  const periods = await listIncidentRecords(db, 'operational_period', incidentId);
  return periods.sort((a, b) => Number(a.fields.number) - Number(b.fields.number));
}

/** An incident's activity logs, by name. */
export async function listLogs(db: HoldfastDatabase, incidentId: string): Promise<RecordView[]> {
  const logs = await listIncidentRecords(db, 'activity_log', incidentId);
  return logs.sort((a, b) => String(a.fields.name).localeCompare(String(b.fields.name)));
}

/**
 * A log's entries in chain order. Entries this device has not yet sent carry a provisional place after
 * the entries it knows; the server gives every entry its final place (see docs/incidents.md).
 */
export async function listLogEntries(db: HoldfastDatabase, logId: string): Promise<RecordView[]> {
  const rows = await recordsWithTerm(db, 'log_entry', logFacet(logId));
  return live(rows).map(toRecordView).sort(byChainOrder);
}

export function byChainOrder(a: RecordView, b: RecordView): number {
  const seq = Number(a.fields.seq ?? 0) - Number(b.fields.seq ?? 0);
  return (
    seq || String(a.fields.recordedAt).localeCompare(String(b.fields.recordedAt)) || a.id.localeCompare(b.id)
  );
}

/** How many entries an incident has on the device, counted from the index. */
export function countIncidentEntries(db: HoldfastDatabase, incidentId: string): Promise<number> {
  return db.records
    .where('terms')
    .equals(termKey('log_entry', incidentFacet(incidentId)))
    .count();
}

/** Where the timeline's last page ended: the event time and id of the last entry it examined. */
export interface TimelineCursor {
  eventAt: string;
  id: string;
}

export interface TimelinePage {
  entries: RecordView[];
  /** Where to go on from; null when every entry of the incident has been examined. */
  next: TimelineCursor | null;
}

/**
 * A page of an incident's timeline, newest event first, keeping only entries that pass `match` (all when
 * omitted). It walks the "@at=" index in batches from `after` until it has `limit` entries or reaches the
 * oldest. Entries with the same event time are ordered by id, so none is skipped or repeated between pages.
 */
export async function readTimelinePage(
  db: HoldfastDatabase,
  incidentId: string,
  {
    limit,
    after,
    match,
    batch = Math.max(limit, 100),
  }: {
    limit: number;
    after?: TimelineCursor | null;
    match?: (entry: RecordView) => boolean;
    batch?: number;
  },
): Promise<TimelinePage> {
  const low = termKey('log_entry', timelineTerm(incidentId, ''));
  const at = (eventAt: string) => termKey('log_entry', timelineTerm(incidentId, eventAt));
  const entries: RecordView[] = [];
  let cursor: TimelineCursor | null = after ?? null;
  /** Examines rows in order; true once the page is full. */
  const take = (rows: StoredRecord[]): boolean => {
    for (const row of rows) {
      cursor = { eventAt: String(row.fields.eventAt), id: row.id };
      if (row.deleted) continue;
      const view = toRecordView(row);
      if (match && !match(view)) continue;
      entries.push(view);
      if (entries.length >= limit) return true;
    }
    return false;
  };
  for (;;) {
    const from: TimelineCursor | null = cursor;
    if (from) {
      // First the rest of the entries that share the cursor's event time: those with a smaller id.
      const same = await db.records.where('terms').equals(at(from.eventAt)).toArray();
      const rest = same.filter((row) => row.id < from.id).sort((a, b) => (a.id < b.id ? 1 : -1));
      if (take(rest)) return { entries, next: cursor };
    }
    const high = from ? at(from.eventAt) : `${low}\uffff`;
    const rows = await db.records
      .where('terms')
      .between(low, high, true, false)
      .reverse()
      .limit(batch)
      .toArray();
    if (take(rows)) return { entries, next: cursor };
    if (rows.length < batch) return { entries, next: null };
  }
}

/** An incident's ICS 213 general messages, newest first. */
export async function listMessages(db: HoldfastDatabase, incidentId: string): Promise<RecordView[]> {
  const messages = await listIncidentRecords(db, 'ics213_message', incidentId);
  return messages.sort(
    (a, b) => String(b.fields.sentAt).localeCompare(String(a.fields.sentAt)) || a.id.localeCompare(b.id),
  );
}

/** The replies to one general message (one at most once the server has spoken; oldest first). */
export async function listReplies(db: HoldfastDatabase, messageId: string): Promise<RecordView[]> {
  const rows = await recordsWithTerm(db, 'ics213_reply', facetTerm('message', messageId));
  return live(rows)
    .map(toRecordView)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export interface UnsentCounts {
  /** Changes not yet confirmed by the server, by incident (the incident, its periods, logs, entries, messages). */
  byIncident: Map<string, number>;
  /** The same for each activity log: its own header changes and its entries. */
  byLog: Map<string, number>;
}

/**
 * How many of the device's unsent changes (the outbox: entries the server has not yet confirmed) belong to
 * each incident and each activity log. The outbox holds only what is unsent, so this never reads an
 * incident's synced entries.
 */
export async function unsentCounts(db: HoldfastDatabase): Promise<UnsentCounts> {
  const rows = await db.outbox.toArray();
  const byIncident = new Map<string, number>();
  const byLog = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const unresolved: string[] = [];
  const owners: { incidentId: string | null; logId: string | null; lookUp?: string }[] = [];
  for (const row of rows) {
    const args = row.args as { kind?: unknown; id?: unknown; fields?: Record<string, unknown> };
    const kind = typeof args.kind === 'string' ? args.kind : '';
    const id = typeof args.id === 'string' ? args.id : '';
    if (!INCIDENT_KIND_NAMES.has(kind)) continue;
    const fields = args.fields ?? {};
    const incidentId =
      kind === 'incident' ? id : typeof fields.incidentId === 'string' ? fields.incidentId : null;
    const logId =
      kind === 'activity_log'
        ? id
        : kind === 'log_entry' && typeof fields.logId === 'string'
          ? fields.logId
          : null;
    if (!incidentId && id) {
      // An update or delete names only the record: its incident is in the stored record.
      unresolved.push(id);
      owners.push({ incidentId, logId, lookUp: id });
    } else owners.push({ incidentId, logId });
  }
  const stored = unresolved.length ? await db.records.bulkGet(unresolved) : [];
  const incidentOf = new Map<string, string>();
  stored.forEach((row) => {
    if (row && typeof row.fields.incidentId === 'string') incidentOf.set(row.id, row.fields.incidentId);
  });
  for (const owner of owners) {
    const incidentId = owner.incidentId ?? (owner.lookUp ? incidentOf.get(owner.lookUp) : undefined);
    if (incidentId) add(byIncident, incidentId);
    if (owner.logId) add(byLog, owner.logId);
  }
  return { byIncident, byLog };
}

const INCIDENT_KIND_NAMES = new Set([
  'incident',
  'operational_period',
  'activity_log',
  'log_entry',
  'ics213_message',
  'ics213_reply',
]);

export interface BoardIncident {
  incident: RecordView;
  /** The newest entries by event time (open incidents only). */
  latest: RecordView[];
  unsent: number;
}

/**
 * The incident board: open incidents (active, then monitoring) with their latest entries and unsent
 * count, and closed incidents below, each newest start first.
 */
export async function readIncidentBoard(
  db: HoldfastDatabase,
  latestCount = 3,
): Promise<{ open: BoardIncident[]; closed: BoardIncident[] }> {
  const [incidents, counts] = await Promise.all([listIncidents(db), unsentCounts(db)]);
  const byStart = (a: RecordView, b: RecordView) =>
    String(b.fields.startedAt ?? '').localeCompare(String(a.fields.startedAt ?? '')) ||
    a.id.localeCompare(b.id);
  const rank = (r: RecordView) => (r.fields.status === 'active' ? 0 : 1);
  const open = incidents
    .filter((r) => r.fields.status !== 'closed')
    .sort((a, b) => rank(a) - rank(b) || byStart(a, b));
  const closed = incidents.filter((r) => r.fields.status === 'closed').sort(byStart);
  const unsent = (id: string) => counts.byIncident.get(id) ?? 0;
  return {
    open: await Promise.all(
      open.map(async (incident) => ({
        incident,
        latest: (await readTimelinePage(db, incident.id, { limit: latestCount })).entries,
        unsent: unsent(incident.id),
      })),
    ),
    closed: closed.map((incident) => ({ incident, latest: [], unsent: unsent(incident.id) })),
  };
}
