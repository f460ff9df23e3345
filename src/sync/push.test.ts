// Pushing in batches: every answered batch is settled (while the next one travels), and only a batch
// whose answer is missing is marked as sent.
import { describe, expect, it } from 'vitest';
import { applyLocal } from '../domain/sync/apply-local';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { stateOf } from '../domain/sync/sync-record';
import type { PushRequest, PushResponse } from '../protocol/sync';
import { SYNC_LIMITS } from '../protocol/sync';
import { setMeta } from '../storage/meta';
import type { OutboxRow, StoredRecord } from '../storage/sync-rows';
import { freshDatabase, n, ritaCtx } from '../storage/test/test-db';
import { clientIdOf, withBase } from '../storage/write-mutation';
import { pushAll } from './push';
import { SyncFailure } from './sync-failure';
import type { SyncHttp } from './sync-http';

async function queued(count: number) {
  const db = await freshDatabase();
  const clientId = await clientIdOf(db, 'rita');
  const ctx = ritaCtx();
  const records: StoredRecord[] = [];
  const outbox: OutboxRow[] = [];
  for (let i = 1; i <= count; i += 1) {
    const args = { kind: 'note', id: n(i), dept: 'public-works', fields: { title: `Note ${i}` } };
    const applied = applyLocal(stateOf([]), 'record.create', args, ctx);
    if ('rejected' in applied) throw new Error('refused');
    records.push(...applied.changes.map((c) => withBase(c.record, undefined)));
    const entry: OutboxEntry = {
      clientId,
      seq: i,
      name: 'record.create',
      args,
      baseRevs: applied.baseRevs,
      at: ctx.now,
      userId: 'rita',
    };
    outbox.push({ ...entry, status: 'pending' });
  }
  await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    await db.records.bulkPut(records);
    await db.outbox.bulkAdd(outbox);
    await setMeta(db, 'syncClients', { rita: { clientId, nextSeq: count + 1 } });
  });
  return { db, clientId };
}

function acking(failOnCall?: number): SyncHttp & { calls: number[][] } {
  const calls: number[][] = [];
  const push = (request: Omit<PushRequest, 'protocol'>): Promise<PushResponse> => {
    calls.push(request.entries.map((e) => e.seq));
    if (calls.length === failOnCall) return Promise.reject(new SyncFailure('unreachable', 'lost'));
    const results = request.entries.map((e) => ({ seq: e.seq, status: 'applied' as const, rev: e.seq }));
    return Promise.resolve({ lastSeq: request.entries.at(-1)?.seq ?? 0, results } as PushResponse);
  };
  const unused = () => Promise.reject(new Error('not used'));
  return { calls, push, pull: unused, importFile: unused, snapshot: unused };
}

describe('pushAll', () => {
  const size = SYNC_LIMITS.maxEntriesPerPush;

  it('sends batch after batch and settles every one, with no extra writes on the way', async () => {
    const { db, clientId } = await queued(size * 2 + 3);
    const http = acking();
    const outcome = await pushAll({ db, http, clientId, now: () => 'T' });
    expect(outcome).toEqual({ sent: size * 2 + 3, rejected: 0 });
    expect(http.calls.map((c) => [c[0], c.at(-1)])).toEqual([
      [1, size],
      [size + 1, size * 2],
      [size * 2 + 1, size * 2 + 3],
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.filter((row) => 'base' in row).count()).toBe(0);
  }, 30_000);

  it('marks only the batch whose answer was lost, after settling the one before', async () => {
    const { db, clientId } = await queued(size + 2);
    const error = await pushAll({ db, http: acking(2), clientId, now: () => 'T' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFailure);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.seq, r.status])).toEqual([
      [size + 1, 'sent'],
      [size + 2, 'sent'],
    ]);
    expect(await db.records.get(n(1))).not.toHaveProperty('base');
    expect(await db.records.get(n(size + 1))).toHaveProperty('base', null);
  }, 30_000);
});
