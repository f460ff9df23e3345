// The push loop: one database transaction per batch. It claims the device for its user, answers seqs
// already processed with their stored result, refuses or stops at gaps, and runs each new entry through
// the shared applyOnServer with the author's CURRENT role and departments (never what the device says).
import { createHash } from 'node:crypto';
import type { ServerContext } from '../../src/domain/sync/apply-server';
import { applyOnServer, sequenceCheck } from '../../src/domain/sync/apply-server';
import { CONFLICT_KIND } from '../../src/domain/sync/conflict-record';
import { createsOf } from '../../src/domain/sync/create-many';
import { isPlainObject } from '../../src/domain/sync/json-value';
import type { Rejection } from '../../src/domain/sync/mutation-types';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import { touchedIds } from '../../src/domain/sync/outbox-entry';
import { isRecordId } from '../../src/domain/sync/record-id';
import { RECORD_KINDS } from '../../src/domain/sync/registered-kinds';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import type { PushRequest, PushResponse, PushResult } from '../../src/protocol/sync';
import type { ServerConfig } from '../config';
import { ApiError, forbidden } from '../errors';
import type { NewAuditEntry, Storage, StorageStores, StoredPushResult, UserRecord } from '../storage/storage';
import { auditDeviceId, auditSync, deviceTime, entryAuditDetail, mutationAction } from './sync-audit';

export interface PushActor {
  /** Who sent the request. */
  signedIn: UserRecord;
  /** Whose entries these are: the signed-in user, or the file's user when an admin imports a file. */
  authorId: string;
  via: 'push' | 'import';
}

/**
 * What one batch needs while it runs. Every record the batch may touch is read in one query up front
 * (`fetched`); `records` is what applyOnServer sees: exactly the records the entries so far loaded or
 * wrote, as if each entry had read its own. Writes, results and audit rows are kept here and written with
 * a few multi-row statements at the end of the transaction.
 */
interface BatchState {
  tx: StorageStores;
  author: UserRecord;
  /** The department codes, read on first use: only an admin's creates are checked against them. */
  knownDepartments: Set<string> | null;
  /** The batch's view of the records loaded or written so far (never a copy per entry). */
  records: Map<string, SyncRecord>;
  /** Ids already loaded (or written) in this batch, found or not. */
  loaded: Set<string>;
  /** Read ahead from the database; null means "not on the server". */
  fetched: Map<string, SyncRecord | null>;
  labels: Map<string, string>;
  revision: number;
  now: Date;
  /** Records to write at the end, in the order they were written. */
  written: SyncRecord[];
  /** Numbered series (official permit numbers), read on first use, written back at the end. */
  series: Map<string, number> | null;
  seriesChanged: Map<string, number>;
}

export function deviceOwnedElsewhere(): ApiError {
  return forbidden('This device is registered to another user; sign in as that user to send its changes.');
}

export async function pushBatch(
  storage: Storage,
  config: Pick<ServerConfig, 'now'>,
  actor: PushActor,
  request: PushRequest,
): Promise<PushResponse> {
  const now = config.now();
  const { clientId, entries } = request;
  const outcome = await storage.transaction(async (tx) => {
    // First statement: from here until commit no other push (in any process) can issue revs.
    const revision = await tx.sync.lockRevision();
    const existing = await tx.sync.getClient(clientId);
    if (existing && existing.userId !== actor.authorId) {
      await auditSync(tx, {
        at: now,
        userId: actor.signedIn.id,
        clientId,
        action: 'sync.device_forbidden',
        detail: { via: actor.via, ownerId: existing.userId, authorId: actor.authorId },
      });
      return 'forbidden' as const;
    }
    if (entries.length === 0) return { results: [], lastSeq: existing?.lastSeq ?? 0 };
    // The author's rights as they are now, read inside the transaction.
    const author = await tx.users.getById(actor.authorId);
    if (!author) throw new ApiError(400, 'bad_request', 'The changes belong to an unknown user.', 'userId');
    const client = existing ?? (await tx.sync.claimClient(clientId, author.id, now));
    const state: BatchState = {
      tx,
      author,
      knownDepartments: null,
      records: new Map(),
      loaded: new Set(),
      fetched: new Map(),
      // The author's name, as read above, is the label of records this batch deletes.
      labels: new Map([[author.id, author.displayName]]),
      revision,
      now,
      written: [],
      series: null,
      seriesChanged: new Map(),
    };
    // One context for the whole batch: its callbacks read and advance the batch's state.
    const context = serverContext(state);
    // The same device for every entry: its audit form is made once.
    const deviceId = auditDeviceId(clientId);
    const firstSeq = entries[0]!.seq;
    const stored =
      firstSeq <= client.lastSeq
        ? await tx.sync.getResults(clientId, firstSeq, client.lastSeq)
        : new Map<number, StoredPushResult>();
    await readAhead(
      state,
      entries.filter((entry) => entry.seq > client.lastSeq),
    );

    let lastSeq = client.lastSeq;
    const results: PushResult[] = [];
    const newResults: StoredPushResult[] = [];
    const auditRows: NewAuditEntry[] = [];
    let resumeFrom: number | undefined;
    let seqReused: number | undefined;
    for (const entry of entries) {
      const check = sequenceCheck(lastSeq, entry.seq);
      if (check === 'duplicate') {
        const { fingerprint, ...first } = stored.get(entry.seq) ?? { seq: entry.seq };
        if (fingerprint !== undefined && fingerprint !== entryFingerprint(entry)) {
          // Not a retry: another change under a number the server already holds. Nothing from here on is
          // processed; the device numbers these changes afresh (docs/sync-protocol.md, "Reused numbers").
          seqReused = entry.seq;
          auditRows.push({
            at: now,
            userId: actor.signedIn.id,
            deviceId,
            action: 'sync.seq_reused',
            detail: { via: actor.via, seq: entry.seq, lastSeq: client.lastSeq },
          });
          break;
        }
        results.push({ ...first, seq: entry.seq, status: 'duplicate' });
        continue;
      }
      if (check === 'gap') {
        // Nothing processed yet: refuse the batch (the transaction rolls back, the device stays unclaimed).
        if (results.length === 0) throw sequenceGap(lastSeq + 1);
        resumeFrom = lastSeq + 1;
        break;
      }
      const result = await applyEntry(state, context, entry);
      newResults.push({ ...result, fingerprint: entryFingerprint(entry) });
      auditRows.push({
        at: now,
        userId: author.id,
        deviceId,
        deviceTime: deviceTime(entry.at),
        action: mutationAction(entry.name),
        detail: entryAuditDetail({
          via: actor.via,
          seq: entry.seq,
          status: result.status,
          ids: [...auditIds(entry, state), ...(result.conflictIds ?? [])],
          ...(result.reason ? { reason: result.reason } : {}),
          ...(result.rev === undefined ? {} : { rev: result.rev }),
          ...(actor.signedIn.id === author.id ? {} : { importedBy: actor.signedIn.id }),
        }),
      });
      results.push(result);
      // Rejections advance lastSeq too: the device's queue never stalls on one bad entry.
      lastSeq = entry.seq;
    }
    await tx.sync.putRecords(state.written, now);
    if (state.seriesChanged.size > 0) await tx.sync.setSeries(state.seriesChanged);
    await tx.sync.saveResults(clientId, newResults);
    await tx.audit.appendMany(auditRows);
    if (state.revision !== revision) await tx.sync.setRevision(state.revision);
    if (lastSeq !== client.lastSeq) await tx.sync.setLastSeq(clientId, lastSeq, now);
    if (seqReused !== undefined) return { results, lastSeq: seqReused - 1, seqReused };
    const response: PushResponse = { results, lastSeq };
    if (resumeFrom !== undefined) response.resumeFrom = resumeFrom;
    return response;
  });
  if (outcome === 'forbidden') throw deviceOwnedElsewhere();
  return outcome;
}

/**
 * What identifies an entry when its seq comes again: a retry carries the same name, author, device time and
 * records; a different change under a reused seq (a device restored from an older copy) was written later,
 * so its time differs. Hashing the whole args would cost a fifth of the apply time for nothing more.
 */
export function entryFingerprint(entry: OutboxEntry): string {
  const identity = JSON.stringify([entry.name, entry.userId, entry.at, touchedIds(entry)]);
  return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}

export function sequenceGap(expectedSeq: number): ApiError {
  return new ApiError(
    409,
    'sequence_gap',
    `The server has not seen the changes before this batch; push again from seq ${expectedSeq}.`,
    'entries[0].seq',
    undefined,
    { expectedSeq },
  );
}

async function applyEntry(
  state: BatchState,
  context: ServerContext,
  entry: OutboxEntry,
): Promise<StoredPushResult> {
  const rejected = (reason: Rejection): StoredPushResult => ({ seq: entry.seq, status: 'rejected', reason });
  if (entry.userId !== state.author.id) {
    return rejected({
      code: 'forbidden',
      message: 'This change was made by another user; only they can send it.',
    });
  }
  const unknownDept = await unknownDepartment(state, entry);
  if (unknownDept !== null) {
    return rejected({
      code: 'invalid',
      message: `There is no department with the code "${unknownDept}".`,
      field: 'dept',
    });
  }
  await load(state, touchedIds(entry));
  // conflict.resolve touches the conflicted record too, which only the loaded conflict names.
  const touched = touchedIds(entry, state);
  await load(state, touched);
  await loadLabels(state, touched);
  // Series are few (one per numbered kind and year): read them all once per batch, only if needed.
  if (state.series === null && createsNumbered(entry)) state.series = await state.tx.sync.listSeries();

  const applied = applyOnServer(state, entry, context);
  if (applied.status === 'rejected')
    return rejected(applied.rejected ?? { code: 'invalid', message: 'Refused.' });
  for (const { record } of applied.changes) {
    state.records.set(record.id, record);
    state.loaded.add(record.id);
    state.written.push(record);
  }
  return {
    seq: entry.seq,
    status: applied.status,
    ...(applied.rev === undefined ? {} : { rev: applied.rev }),
    ...(applied.conflictIds.length > 0 ? { conflictIds: applied.conflictIds } : {}),
  };
}

/** The author's rights and the batch's counters, as applyOnServer sees them; made once per batch. */
function serverContext(state: BatchState): ServerContext {
  return {
    role: state.author.role,
    departments: state.author.departments,
    nextRev: () => ++state.revision,
    nextInSeries: (name) => {
      const series = state.series;
      if (!series) throw new Error('push-batch: a series was used without being read');
      const next = (series.get(name) ?? 0) + 1;
      series.set(name, next);
      state.seriesChanged.set(name, next);
      return next;
    },
    now: state.now.toISOString(),
    userLabel: (userId) => state.labels.get(userId) ?? userId,
  };
}

/** Whether an entry creates a record of a kind the server numbers (see RecordKind.onServerCreate). */
function createsNumbered(entry: OutboxEntry): boolean {
  return createdBy(entry).some((args) => {
    const kind = (args as { kind?: unknown }).kind;
    return typeof kind === 'string' && RECORD_KINDS.get(kind)?.onServerCreate !== undefined;
  });
}

/** The args of each record an entry creates (untrusted: only looked at, the mutator checks them). */
function createdBy(entry: OutboxEntry): unknown[] {
  if (entry.name === 'record.create' || entry.name === 'entry.append') return [entry.args];
  if (entry.name !== 'record.createMany') return [];
  const creates = createsOf(entry.args);
  return typeof creates === 'string' ? [] : creates;
}

/**
 * Admins may write any department, so a create could name one that does not exist; its record would then
 * fall outside every device's scope. Refuse it here, where the list of departments is known.
 */
async function unknownDepartment(state: BatchState, entry: OutboxEntry): Promise<string | null> {
  if (state.author.role !== 'admin') return null;
  const depts = createdBy(entry).flatMap((args) =>
    isPlainObject(args) && typeof args.dept === 'string' ? [args.dept] : [],
  );
  if (depts.length === 0) return null;
  state.knownDepartments ??= new Set((await state.tx.departments.list()).map((d) => d.code));
  const known = state.knownDepartments;
  return depts.find((dept) => !known.has(dept)) ?? null;
}

/**
 * Reads every record the new entries name in one query (plus one for the records of conflicts being
 * resolved), instead of a query per entry. Reading ahead changes nothing the entries see: `load` moves a
 * record into the batch's view only when an entry asks for it, and records written earlier in the batch
 * always win over what was read.
 */
async function readAhead(state: BatchState, entries: readonly OutboxEntry[]): Promise<void> {
  await fetchMissing(
    state,
    entries.flatMap((entry) => touchedIds(entry)),
  );
  const view = { records: new Map<string, SyncRecord>() };
  for (const [id, record] of state.fetched) if (record) view.records.set(id, record);
  const resolving = entries.filter((entry) => entry.name === 'conflict.resolve');
  await fetchMissing(
    state,
    resolving.flatMap((entry) => touchedIds(entry, view)),
  );
}

async function fetchMissing(state: BatchState, ids: readonly string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => isRecordId(id) && !state.fetched.has(id));
  if (missing.length === 0) return;
  for (const id of missing) state.fetched.set(id, null);
  for (const record of await state.tx.sync.getRecords(missing)) state.fetched.set(record.id, record);
}

async function load(state: BatchState, ids: string[]): Promise<void> {
  const wanted = ids.filter((id) => isRecordId(id) && !state.loaded.has(id));
  if (wanted.length === 0) return;
  // Only an id the read-ahead could not know (a conflict made earlier in this batch names it) costs a query.
  await fetchMissing(state, wanted);
  for (const id of wanted) {
    state.loaded.add(id);
    const record = state.fetched.get(id);
    if (record) state.records.set(id, record);
  }
}

/** Display names for "deleted by <name>" messages: only deleted records' last writers are ever named. */
async function loadLabels(state: BatchState, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const record = state.records.get(id);
    if (!record?.deleted || record.kind === CONFLICT_KIND || state.labels.has(record.updatedBy)) continue;
    const user = await state.tx.users.getById(record.updatedBy);
    state.labels.set(record.updatedBy, user?.displayName ?? record.updatedBy);
  }
}

function auditIds(entry: OutboxEntry, state: BatchState): string[] {
  return touchedIds(entry, state).filter(isRecordId);
}
