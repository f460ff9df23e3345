// An incident's activity logs for the records office: CSV (one row per entry, with its hashes and its photo
// ids) and JSON (the incident, its periods, each log's ICS 214 header blocks, its entries with their hashes
// and attachmentIds, and the result of verifying its chain on the exporting device). Pure: the caller reads the records and passes
// them in; verifyLogChain() runs the chain check with the mutators' own SHA-256, so it needs no WebCrypto.
// An exercise incident's files say EXERCISE in their name and in their contents.
import Papa from 'papaparse';
import type { JsonObject, JsonValue } from '../sync/json-value';
import { sha256Hex } from '../sync/sha256';
import { verifyChain, type ChainReport } from './chain';

/** What the export needs of a stored record. */
export interface ExportRecord {
  id: string;
  dept: string;
  fields: JsonObject;
  /** Not yet confirmed by the server: its place in the chain (seq, hashes) is provisional. */
  pending?: boolean;
}

export interface ExportLog {
  log: ExportRecord;
  /** The log's entries in chain order. */
  entries: readonly ExportRecord[];
  verification: ChainReport;
}

export interface IncidentExport {
  incident: ExportRecord;
  periods: readonly ExportRecord[];
  logs: readonly ExportLog[];
  /** When the file was made (ISO time), and on which device. */
  exportedAt: string;
  deviceId?: string | null;
}

export const EXERCISE_LABEL = 'EXERCISE';
export const EXPORT_FORMAT = 'holdfast-incident-logs';
export const EXPORT_VERSION = 1;

export const isExercise = (incident: ExportRecord): boolean => incident.fields.exercise === true;

const text = (value: JsonValue | undefined): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Verifies one log's entries (in chain order) with the synchronous SHA-256 of the mutators. */
export function verifyLogChain(entries: readonly ExportRecord[]): Promise<ChainReport> {
  return verifyChain(entries, sha256Hex);
}

/** The CSV columns, in order: one row per entry. */
export const CSV_COLUMNS = [
  'exercise',
  'incident',
  'incident_number',
  'log',
  'log_id',
  'seq',
  'entry_id',
  'event_time',
  'recorded_time',
  'author',
  'text',
  'priority',
  'corrects',
  'corrects_entry_id',
  'correction_reason',
  'transcribed',
  'attachment_ids',
  'provisional',
  'content_hash',
  'prev_hash',
  'hash',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * One CSV row per entry, keyed by column. `corrects` is the corrected entry's seq in the same log;
 * `attachment_ids` lists the entry's photo ids separated by spaces (GET /api/attachments/:id fetches one).
 */
export function csvRecords(data: IncidentExport): Record<CsvColumn, string>[] {
  const exercise = isExercise(data.incident) ? EXERCISE_LABEL : '';
  const rows: Record<CsvColumn, string>[] = [];
  for (const { log, entries } of data.logs) {
    const seqOf = new Map(entries.map((entry) => [entry.id, text(entry.fields.seq)]));
    for (const entry of entries) {
      const f = entry.fields;
      const corrects = text(f.corrects);
      rows.push({
        exercise,
        incident: text(data.incident.fields.name),
        incident_number: text(data.incident.fields.number),
        log: text(log.fields.name),
        log_id: log.id,
        seq: text(f.seq),
        entry_id: entry.id,
        event_time: text(f.eventAt),
        recorded_time: text(f.recordedAt),
        author: text(f.authorName),
        text: text(f.text),
        priority: text(f.priority),
        corrects: corrects ? (seqOf.get(corrects) ?? '') : '',
        corrects_entry_id: corrects,
        correction_reason: text(f.correctionReason),
        transcribed: f.transcribed === true ? 'yes' : '',
        attachment_ids: Array.isArray(f.attachmentIds)
          ? f.attachmentIds.filter((value) => typeof value === 'string').join(' ')
          : '',
        provisional: entry.pending ? 'yes' : '',
        content_hash: text(f.contentHash),
        prev_hash: text(f.prevHash),
        hash: text(f.hash),
      });
    }
  }
  return rows;
}

/**
 * The entries as CSV (RFC 4180, CRLF line ends, a byte order mark so spreadsheets read UTF-8). A cell
 * starting with = + - @ is written as text, never run as a spreadsheet formula.
 */
export function incidentLogsCsv(data: IncidentExport): string {
  const rows = csvRecords(data).map((row) => CSV_COLUMNS.map((column) => row[column]));
  return `\uFEFF${Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', quotes: false, escapeFormulae: true },
  )}\r\n`;
}

const pick = (fields: JsonObject, keys: readonly string[]): JsonObject => {
  const out: JsonObject = {};
  for (const key of keys) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
};

/** The whole incident as one JSON document. */
export function incidentLogsJsonValue(data: IncidentExport): JsonObject {
  const exercise = isExercise(data.incident);
  const logs: JsonValue[] = data.logs.map(({ log, entries, verification }) => {
    const report: JsonObject = {
      ok: verification.ok,
      checked: verification.checked,
      finalHash: verification.headHash,
    };
    if (verification.broken) report.firstBroken = { ...verification.broken };
    return {
      id: log.id,
      dept: log.dept,
      periodId: text(log.fields.periodId),
      header: pick(log.fields, ['name', 'icsPosition', 'homeAgency', 'resources']),
      entryCount: entries.length,
      finalHash: verification.headHash,
      verification: report,
      entries: entries.map((entry) => ({
        id: entry.id,
        ...pick(entry.fields, [
          'seq',
          'eventAt',
          'recordedAt',
          'authorName',
          'text',
          'priority',
          'corrects',
          'correctionReason',
          'transcribed',
          'attachmentIds',
          'contentHash',
          'prevHash',
          'hash',
        ]),
        provisional: entry.pending === true,
      })),
    };
  });
  const document: JsonObject = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exercise,
  };
  if (exercise) document.label = `${EXERCISE_LABEL} ${EXERCISE_LABEL} ${EXERCISE_LABEL}`;
  return {
    ...document,
    exportedAt: data.exportedAt,
    exportedFromDevice: data.deviceId ?? null,
    hashAlgorithm: 'SHA-256',
    incident: { id: data.incident.id, dept: data.incident.dept, ...data.incident.fields },
    periods: data.periods.map((period) => ({
      id: period.id,
      ...pick(period.fields, ['number', 'startsAt', 'endsAt']),
    })),
    logs,
  };
}

export function incidentLogsJson(data: IncidentExport): string {
  return `${JSON.stringify(incidentLogsJsonValue(data), null, 2)}\n`;
}

/** A file-name-safe word from the incident's number or name ("ice-storm-2026"). */
function slug(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'incident'
  );
}

/** e.g. "incident-ice-storm-logs-2026-03-02.csv", "EXERCISE-incident-drill-logs-2026-03-02.json". */
export function exportFileName(incident: ExportRecord, format: 'csv' | 'json', day: string): string {
  const name = slug(text(incident.fields.number) || text(incident.fields.name));
  return `${isExercise(incident) ? `${EXERCISE_LABEL}-` : ''}incident-${name}-logs-${day}.${format}`;
}
