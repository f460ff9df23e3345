// Sync wire format shared by the app, the service worker and the server: push, pull, limits, error codes,
// and the export file that carries the same payloads on a USB stick.
import { canonicalJson } from '../domain/sync/canonical-json';
import { isPlainObject } from '../domain/sync/json-value';
import type { Rejection } from '../domain/sync/mutation-types';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { outboxEntryProblem } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import { ERROR_CODES } from './errors';
import { PROTOCOL_VERSION } from './version';

export const SYNC_LIMITS = {
  maxEntriesPerPush: 500,
  maxPushBodyBytes: 2 * 1024 * 1024,
  maxPullPage: 1000,
} as const;

/** The API's error codes plus the named reasons a sync request cannot be served as sent. */
export const SYNC_ERROR_CODES = [
  ...ERROR_CODES,
  'protocol_mismatch', // the request's protocol is not the server's PROTOCOL_VERSION: update the app
  'sequence_gap', // the batch skips seqs the server has not seen; resume from expectedSeq
  'cursor_expired', // the cursor is older than tombstone retention; pull again without one (full resync)
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncErrorBody {
  error: { code: SyncErrorCode; message: string; field?: string; retryAfter?: number };
  /** With sequence_gap (HTTP 409): the seq the server needs next. */
  expectedSeq?: number;
  /** With protocol_mismatch (HTTP 400): the version the server speaks. */
  serverProtocol?: number;
}

/** POST /api/sync/push */
export interface PushRequest {
  protocol: typeof PROTOCOL_VERSION;
  clientId: string;
  /** In seq order; may start at or below the server's lastSeq (those are acknowledged as duplicates). */
  entries: OutboxEntry[];
}

export type PushStatus = 'applied' | 'duplicate' | 'rejected' | 'conflict';

export interface PushResult {
  seq: number;
  status: PushStatus;
  /** The highest server rev the entry wrote. */
  rev?: number;
  /**
   * Why a rejected entry was refused (also sent with a duplicate when the original was rejected). The whole
   * rejection, with `params` and `errors`, so the device can translate the message as it does local ones.
   */
  reason?: Rejection;
  /** Conflict records the entry produced. */
  conflictIds?: string[];
}

export interface PushResponse {
  results: PushResult[];
  /** The highest seq the server has processed for this client. Outbox entries up to it may be deleted. */
  lastSeq: number;
  /** Set when the batch had a gap after some entries were processed: push again from this seq. */
  resumeFrom?: number;
  /**
   * Set when the server already holds a different change under this seq (the device was restored from an
   * older copy, say): nothing from it on was processed, and lastSeq is this seq − 1. The device sends those
   * changes again under a new client id, numbered from 1 (docs/sync-protocol.md, "Reused numbers").
   */
  seqReused?: number;
}

/** GET /api/sync/pull?cursor=… */
export interface PullResponse {
  /** In server order. Without fieldRevs/fieldWriters. Deletes arrive as records with deleted: true. */
  records: SyncRecord[];
  /** Opaque; store it with the page and send it back. Issued by the server, never a device clock. */
  cursor: string;
  hasMore: boolean;
  /** Full resync: keep the outbox, drop local records this pull sequence does not send. */
  reset: boolean;
  /** Departments whose records this user receives; drop records of any other department. */
  scope: { departments: string[] };
}

/** The first problem with an untrusted push body, as `{field, message}`, or null when it is well formed. */
export function pushRequestProblem(body: unknown): { field: string; message: string } | null {
  if (!isPlainObject(body)) return { field: '', message: 'The body must be a JSON object.' };
  if (body.protocol !== PROTOCOL_VERSION)
    return { field: 'protocol', message: 'Unsupported protocol version.' };
  if (typeof body.clientId !== 'string' || body.clientId === '') {
    return { field: 'clientId', message: 'clientId is missing.' };
  }
  if (!Array.isArray(body.entries)) return { field: 'entries', message: 'entries must be a list.' };
  if (body.entries.length > SYNC_LIMITS.maxEntriesPerPush) {
    return { field: 'entries', message: `At most ${SYNC_LIMITS.maxEntriesPerPush} entries per push.` };
  }
  let previous = 0;
  for (const [i, entry] of body.entries.entries()) {
    const problem = outboxEntryProblem(entry);
    if (problem) return { field: `entries[${i}]`, message: `Entry ${i}: ${problem}.` };
    const { clientId, seq } = entry as OutboxEntry;
    if (clientId !== body.clientId)
      return { field: `entries[${i}].clientId`, message: 'Entry from another device.' };
    if (seq <= previous)
      return { field: `entries[${i}].seq`, message: 'Entries must be in increasing seq order.' };
    previous = seq;
  }
  return null;
}

// ---- Export files: "Export unsent changes" and server snapshots, carried by hand. ----

export const EXPORT_FORMAT = 'holdfast-export';
export type ExportType = 'unsent-changes' | 'snapshot';

export interface ExportPayloads {
  'unsent-changes': { entries: OutboxEntry[] };
  /** What a pull from scratch would deliver, with the cursor to continue from once a network appears. */
  snapshot: { records: SyncRecord[]; cursor: string; scope: { departments: string[] } };
}

export interface ExportFile<T extends ExportType = ExportType> {
  format: typeof EXPORT_FORMAT;
  protocol: number;
  type: T;
  createdAt: string;
  clientId: string;
  userId: string;
  username: string;
  payload: ExportPayloads[T];
  /** SHA-256 hex of canonicalJson of every other property. */
  checksum: string;
}

export type ExportContent<T extends ExportType> = Omit<ExportFile<T>, 'format' | 'protocol' | 'checksum'>;

export const EXPORT_ERROR_CODES = [
  'not_holdfast_file',
  'corrupt',
  'protocol_mismatch',
  'checksum_mismatch',
  'wrong_type',
] as const;
export type ExportErrorCode = (typeof EXPORT_ERROR_CODES)[number];

/** Why an export file was refused. `message` is plain English; the UI may translate from `code`. */
export class ExportFileError extends Error {
  override readonly name = 'ExportFileError';
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function exportChecksum(file: Omit<ExportFile, 'checksum'>): Promise<string> {
  const { checksum: _ignored, ...rest } = file as ExportFile;
  return sha256Hex(canonicalJson(rest));
}

export async function serializeExport<T extends ExportType>(content: ExportContent<T>): Promise<string> {
  const unsigned = { format: EXPORT_FORMAT, protocol: PROTOCOL_VERSION, ...content } as Omit<
    ExportFile<T>,
    'checksum'
  >;
  return `${JSON.stringify({ ...unsigned, checksum: await exportChecksum(unsigned) })}\n`;
}

const fail = (code: ExportErrorCode, message: string): never => {
  throw new ExportFileError(code, message);
};

/** Reads an export file, refusing anything not exactly what a Holdfast device or server wrote. */
export async function parseExport<T extends ExportType = ExportType>(
  text: string,
  expectedType?: T,
): Promise<ExportFile<T>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // A cut-off copy still starts like one of ours; anything else is some other file.
    if (text.includes(EXPORT_FORMAT)) {
      fail('corrupt', 'This Holdfast file is incomplete or damaged (it may not have finished copying).');
    }
    fail('not_holdfast_file', 'This is not a Holdfast export file.');
  }
  if (!isPlainObject(data) || data.format !== EXPORT_FORMAT)
    fail('not_holdfast_file', 'This is not a Holdfast export file.');
  const file = data as Record<string, unknown>;
  if (file.protocol !== PROTOCOL_VERSION) {
    const which =
      typeof file.protocol === 'number' && file.protocol > PROTOCOL_VERSION ? 'a newer' : 'an older';
    fail(
      'protocol_mismatch',
      `This file was made by ${which} version of Holdfast; update both so they match.`,
    );
  }
  if (
    typeof file.checksum !== 'string' ||
    file.checksum !== (await exportChecksum(file as Omit<ExportFile, 'checksum'>))
  ) {
    fail(
      'checksum_mismatch',
      'This file was changed or damaged after it was exported; it cannot be trusted.',
    );
  }
  if (file.type !== 'unsent-changes' && file.type !== 'snapshot')
    fail('wrong_type', 'This export holds an unknown kind of data.');
  if (expectedType && file.type !== expectedType) {
    const holds = file.type === 'snapshot' ? 'a snapshot of server records' : 'unsent changes from a device';
    fail('wrong_type', `This file holds ${holds}, which cannot be used here.`);
  }
  const problem = contentProblem(file);
  if (problem) fail('corrupt', `This Holdfast file is not laid out as expected (${problem}).`);
  return file as unknown as ExportFile<T>;
}

function contentProblem(file: Record<string, unknown>): string | null {
  for (const key of ['createdAt', 'clientId', 'userId', 'username'] as const) {
    if (typeof file[key] !== 'string') return `${key} is missing`;
  }
  const payload = file.payload;
  if (!isPlainObject(payload)) return 'payload is missing';
  if (file.type === 'snapshot') {
    if (!Array.isArray(payload.records) || typeof payload.cursor !== 'string')
      return 'records or cursor missing';
    return null;
  }
  if (!Array.isArray(payload.entries)) return 'entries missing';
  for (const entry of payload.entries) {
    const problem = outboxEntryProblem(entry);
    if (problem) return problem;
    if ((entry as OutboxEntry).clientId !== file.clientId) return 'an entry comes from another device';
  }
  return null;
}
