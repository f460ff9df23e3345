// Reads of the Incidents area. An incident's periods, logs, entries and messages carry the facet
// "@incident=<id>", a log's entries "@log=<id>" and "@at=<incident>|<eventAt>" (incident-kinds.ts), so
// every read here goes through the search index and never scans the records of other incidents.
import { incidentFacet, logFacet, timelineTerm } from '../domain/incidents/incident-kinds';
import type { HoldfastDatabase } from './database';
import { recordsWithTerm } from './search-queries';
import { termKey } from './search-index';
import type { RecordView } from './sync-queries';
import { listRecords, toRecordView } from './sync-queries';

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

/**
 * The newest entries of an incident by event time, across all its logs (the timeline and the board), read
 * from the index a page at a time: `before` is the eventAt of the last entry of the previous page.
 */
export async function readTimeline(
  db: HoldfastDatabase,
  incidentId: string,
  { limit, before }: { limit: number; before?: string },
): Promise<RecordView[]> {
  const low = termKey('log_entry', timelineTerm(incidentId, ''));
  const high = before ? termKey('log_entry', timelineTerm(incidentId, before)) : `${low}\uffff`;
  const rows = await db.records
    .where('terms')
    .between(low, high, true, false)
    .reverse()
    .limit(limit)
    .toArray();
  return live(rows).map(toRecordView);
}

/** How many entries an incident has on the device, counted from the index. */
export function countIncidentEntries(db: HoldfastDatabase, incidentId: string): Promise<number> {
  return db.records
    .where('terms')
    .equals(termKey('log_entry', incidentFacet(incidentId)))
    .count();
}
