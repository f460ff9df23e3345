// Reads for the Incidents print views and export: one activity log with its incident, period and entries
// (the ICS 214), one general message with its reply (the ICS 213), and a whole incident's periods, logs
// and entries (the records office export). Everything comes through the search index's facets.
import { facetTerm } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import { listLogEntries, listLogs, listPeriods } from './incident-queries';
import { recordsWithTerm } from './search-queries';
import { getRecord, toRecordView, type RecordView } from './sync-queries';

const live = (record: RecordView | null, kind: string): RecordView | null =>
  record && !record.deleted && record.kind === kind ? record : null;

export interface LogSheet {
  incident: RecordView | null;
  period: RecordView | null;
  log: RecordView;
  /** In chain order; pending ones (not yet confirmed by the server) last, with provisional places. */
  entries: RecordView[];
}

/** An activity log for its ICS 214; null when the log is not on this device (or not of this incident). */
export async function getLogSheet(
  db: HoldfastDatabase,
  incidentId: string,
  logId: string,
): Promise<LogSheet | null> {
  const log = live(await getRecord(db, logId), 'activity_log');
  if (!log || log.fields.incidentId !== incidentId) return null;
  const [incident, period, entries] = await Promise.all([
    getRecord(db, incidentId),
    typeof log.fields.periodId === 'string' ? getRecord(db, log.fields.periodId) : null,
    listLogEntries(db, logId),
  ]);
  return {
    incident: live(incident, 'incident'),
    period: live(period, 'operational_period'),
    log,
    entries,
  };
}

export interface MessageSheet {
  incident: RecordView | null;
  message: RecordView;
  reply: RecordView | null;
}

/** A general message and its reply (the first one, if two devices replied before either synced). */
export async function getMessageSheet(
  db: HoldfastDatabase,
  incidentId: string,
  messageId: string,
): Promise<MessageSheet | null> {
  const message = live(await getRecord(db, messageId), 'ics213_message');
  if (!message || message.fields.incidentId !== incidentId) return null;
  const [incident, replies] = await Promise.all([
    getRecord(db, incidentId),
    recordsWithTerm(db, 'ics213_reply', facetTerm('message', messageId)),
  ]);
  const views = replies.filter((row) => !row.deleted).map(toRecordView);
  const named = views.find((reply) => reply.id === message.fields.replyId);
  const reply =
    named ?? views.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
  return { incident: live(incident, 'incident'), message, reply: reply ?? null };
}

export interface IncidentRecords {
  incident: RecordView;
  periods: RecordView[];
  logs: { log: RecordView; entries: RecordView[] }[];
}

/** An incident with its periods and every log's entries in chain order, for the export. */
export async function getIncidentRecords(
  db: HoldfastDatabase,
  incidentId: string,
): Promise<IncidentRecords | null> {
  const incident = live(await getRecord(db, incidentId), 'incident');
  if (!incident) return null;
  const [periods, logs] = await Promise.all([listPeriods(db, incidentId), listLogs(db, incidentId)]);
  const withEntries = await Promise.all(
    logs.map(async (log) => ({ log, entries: await listLogEntries(db, log.id) })),
  );
  return { incident, periods, logs: withEntries };
}
