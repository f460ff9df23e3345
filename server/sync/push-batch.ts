// The push loop: one database transaction per batch. It claims the device for its user, answers seqs
// already processed with their stored result, refuses or stops at gaps, and runs each new entry through
// the shared applyOnServer with the author's CURRENT role and departments (never what the device says).
import { applyOnServer, sequenceCheck } from '../../src/domain/sync/apply-server';
import { CONFLICT_KIND } from '../../src/domain/sync/conflict-record';
import { isPlainObject } from '../../src/domain/sync/json-value';
import type { Rejection } from '../../src/domain/sync/mutation-types';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import { touchedIds } from '../../src/domain/sync/outbox-entry';
import { isRecordId } from '../../src/domain/sync/record-id';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import type { PushRequest, PushResponse, PushResult } from '../../src/protocol/sync';
import type { ServerConfig } from '../config';
import { ApiError, forbidden } from '../errors';
import type { Storage, StorageStores, StoredPushResult, UserRecord } from '../storage/storage';
import { auditSync, deviceTime, mutationAction } from './sync-audit';

export interface PushActor {
  /** Who sent the request. */
  signedIn: UserRecord;
  /** Whose entries these are: the signed-in user, or the file's user when an admin imports a file. */
  authorId: string;
  via: 'push' | 'import';
}

/** What one batch needs while it runs: loaded records, the rev counter and the author's rights. */
interface BatchState {
  tx: StorageStores;
  author: UserRecord;
  knownDepartments: Set<string>;
  /** Records loaded or written in this batch; null means "not on the server". */
  records: Map<string, SyncRecord | null>;
  labels: Map<string, string>;
  revision: number;
  now: Date;
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
      knownDepartments: new Set((await tx.departments.list()).map((d) => d.code)),
      records: new Map(),
      labels: new Map(),
      revision,
      now,
    };
    const firstSeq = entries[0]!.seq;
    const stored =
      firstSeq <= client.lastSeq
        ? await tx.sync.getResults(clientId, firstSeq, client.lastSeq)
        : new Map<number, StoredPushResult>();

    let lastSeq = client.lastSeq;
    const results: PushResult[] = [];
    let resumeFrom: number | undefined;
    for (const entry of entries) {
      const check = sequenceCheck(lastSeq, entry.seq);
      if (check === 'duplicate') {
        results.push({ ...stored.get(entry.seq), seq: entry.seq, status: 'duplicate' });
        continue;
      }
      if (check === 'gap') {
        // Nothing processed yet: refuse the batch (the transaction rolls back, the device stays unclaimed).
        if (results.length === 0) throw sequenceGap(lastSeq + 1);
        resumeFrom = lastSeq + 1;
        break;
      }
      const result = await applyEntry(state, entry);
      await tx.sync.saveResult(clientId, result);
      await auditSync(tx, {
        at: now,
        userId: author.id,
        clientId,
        deviceTime: deviceTime(entry.at),
        action: mutationAction(entry.name),
        detail: {
          via: actor.via,
          seq: entry.seq,
          status: result.status,
          ids: [...auditIds(entry, state), ...(result.conflictIds ?? [])],
          ...(result.reason ? { reason: result.reason } : {}),
          ...(result.rev === undefined ? {} : { rev: result.rev }),
          ...(actor.signedIn.id === author.id ? {} : { importedBy: actor.signedIn.id }),
        },
      });
      results.push(result);
      // Rejections advance lastSeq too: the device's queue never stalls on one bad entry.
      lastSeq = entry.seq;
    }
    if (state.revision !== revision) await tx.sync.setRevision(state.revision);
    if (lastSeq !== client.lastSeq) await tx.sync.setLastSeq(clientId, lastSeq, now);
    const response: PushResponse = { results, lastSeq };
    if (resumeFrom !== undefined) response.resumeFrom = resumeFrom;
    return response;
  });
  if (outcome === 'forbidden') throw deviceOwnedElsewhere();
  return outcome;
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

async function applyEntry(state: BatchState, entry: OutboxEntry): Promise<StoredPushResult> {
  const rejected = (reason: Rejection): StoredPushResult => ({ seq: entry.seq, status: 'rejected', reason });
  if (entry.userId !== state.author.id) {
    return rejected({
      code: 'forbidden',
      message: 'This change was made by another user; only they can send it.',
    });
  }
  const unknownDept = unknownDepartment(state, entry);
  if (unknownDept !== null) {
    return rejected({
      code: 'invalid',
      message: `There is no department with the code "${unknownDept}".`,
      field: 'dept',
    });
  }
  await load(state, touchedIds(entry));
  // conflict.resolve touches the conflicted record too, which only the loaded conflict names.
  await load(state, touchedIds(entry, recordState(state)));
  await loadLabels(state);

  const applied = applyOnServer(recordState(state), entry, {
    role: state.author.role,
    departments: state.author.departments,
    nextRev: () => ++state.revision,
    now: state.now.toISOString(),
    userLabel: (userId) => state.labels.get(userId) ?? userId,
  });
  if (applied.status === 'rejected')
    return rejected(applied.rejected ?? { code: 'invalid', message: 'Refused.' });
  const written = applied.changes.map((change) => change.record);
  await state.tx.sync.putRecords(written, state.now);
  for (const record of written) state.records.set(record.id, record);
  return {
    seq: entry.seq,
    status: applied.status,
    ...(applied.rev === undefined ? {} : { rev: applied.rev }),
    ...(applied.conflictIds.length > 0 ? { conflictIds: applied.conflictIds } : {}),
  };
}

/**
 * Admins may write any department, so a create could name one that does not exist; its record would then
 * fall outside every device's scope. Refuse it here, where the list of departments is known.
 */
function unknownDepartment(state: BatchState, entry: OutboxEntry): string | null {
  if (state.author.role !== 'admin') return null;
  if (entry.name !== 'record.create' && entry.name !== 'entry.append') return null;
  const dept = isPlainObject(entry.args) ? entry.args.dept : undefined;
  return typeof dept === 'string' && !state.knownDepartments.has(dept) ? dept : null;
}

function recordState(state: BatchState): { records: Map<string, SyncRecord> } {
  const records = new Map<string, SyncRecord>();
  for (const [id, record] of state.records) if (record) records.set(id, record);
  return { records };
}

async function load(state: BatchState, ids: string[]): Promise<void> {
  const missing = ids.filter((id) => isRecordId(id) && !state.records.has(id));
  if (missing.length === 0) return;
  for (const id of missing) state.records.set(id, null);
  for (const record of await state.tx.sync.getRecords(missing)) state.records.set(record.id, record);
}

/** Display names for "deleted by <name>" messages: only deleted records' last writers are ever named. */
async function loadLabels(state: BatchState): Promise<void> {
  for (const record of state.records.values()) {
    if (!record?.deleted || record.kind === CONFLICT_KIND || state.labels.has(record.updatedBy)) continue;
    const user = await state.tx.users.getById(record.updatedBy);
    state.labels.set(record.updatedBy, user?.displayName ?? record.updatedBy);
  }
}

function auditIds(entry: OutboxEntry, state: BatchState): string[] {
  return touchedIds(entry, recordState(state)).filter(isRecordId);
}
