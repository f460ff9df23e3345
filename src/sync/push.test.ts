// Pushing in batches: every answered batch is settled (while the next one travels), and only a batch
// whose answer is missing is marked as sent.
import { describe, expect, it } from 'vitest';
import { applyLocal } from '../domain/sync/apply-local';
import type { JsonObject } from '../domain/sync/json-value';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { stateOf } from '../domain/sync/sync-record';
import type { PushRequest, PushResponse } from '../protocol/sync';
import { SYNC_LIMITS } from '../protocol/sync';
import { getMeta, setMeta } from '../storage/meta';
import { dropSettledBases } from '../storage/outbox';
import type { OutboxRow, StoredRecord } from '../storage/sync-rows';
import { settledView } from '../storage/sync-rows';
import { freshDatabase, n, ritaCtx } from '../storage/test/test-db';
import { clientIdOf, withBase, writeMutation } from '../storage/write-mutation';
import { pushAll } from './push';
import { SyncFailure } from './sync-failure';
import type { SyncHttp } from './sync-http';

async function queued(count: number, body = '') {
  const db = await freshDatabase();
  const clientId = await clientIdOf(db, 'rita');
  const ctx = ritaCtx();
  const records: StoredRecord[] = [];
  const outbox: OutboxRow[] = [];
  for (let i = 1; i <= count; i += 1) {
    const fields: JsonObject = body ? { title: `Note ${i}`, body } : { title: `Note ${i}` };
    const args = { kind: 'note', id: n(i), dept: 'public-works', fields };
    const applied = applyLocal(stateOf([]), 'record.create', args, ctx);
    if ('rejected' in applied) throw new Error('refused');
    records.push(...applied.changes.map((c) => withBase(c.record, undefined, [clientId, i])));
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

/** A row as everything that reasons about local changes sees it (settledView). */
async function shown(db: Awaited<ReturnType<typeof freshDatabase>>, id: string) {
  const row = await db.records.get(id);
  return row && settledView(row, (await getMeta(db, 'settledSeqs')) ?? {});
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
    const outcome = await pushAll({ db, http, clientId, userId: 'rita', now: () => 'T' });
    const ids = Array.from({ length: size * 2 + 3 }, (_, i) => n(i + 1));
    expect(outcome).toEqual({ sent: size * 2 + 3, rejected: 0, clientId, lingering: new Set(ids) });
    expect(http.calls.map((c) => [c[0], c.at(-1)])).toEqual([
      [1, size],
      [size + 1, size * 2],
      [size * 2 + 1, size * 2 + 3],
    ]);
    expect(await db.outbox.count()).toBe(0);
    // No record was rewritten to drop its base: the settled seq says they are all confirmed.
    expect(await getMeta(db, 'settledSeqs')).toEqual({ [clientId]: size * 2 + 3 });
    const settled = (await getMeta(db, 'settledSeqs')) ?? {};
    const rows = await db.records.toArray();
    expect(rows.filter((row) => 'base' in row)).toHaveLength(size * 2 + 3);
    expect(rows.filter((row) => 'base' in settledView(row, settled))).toHaveLength(0);
    // What no pull rewrote, dropSettledBases does.
    expect(await dropSettledBases(db, ids)).toBe(size * 2 + 3);
    expect(await db.records.filter((row) => 'base' in row || 'stamp' in row).count()).toBe(0);
    expect(await dropSettledBases(db, ids)).toBe(0);
  }, 30_000);

  it('splits a batch whose body would pass the size limit, counting UTF-8 bytes', async () => {
    // Each entry's JSON is ~2,000 characters of 3-byte text, ~6 kB: 500 of them would be ~3 MB.
    const { db, clientId } = await queued(size, '\u20ac'.repeat(2000));
    const http = acking();
    const sent: OutboxEntry[][] = [];
    const push = http.push;
    http.push = (request) => {
      sent.push(request.entries);
      return push(request);
    };
    const outcome = await pushAll({ db, http, clientId, userId: 'rita', now: () => 'T' });
    expect(outcome).toMatchObject({ sent: size, rejected: 0, clientId });
    expect(sent.length).toBeGreaterThan(1);
    const encoder = new TextEncoder();
    const bytes = (entries: OutboxEntry[]) =>
      entries.reduce((sum, entry) => sum + encoder.encode(JSON.stringify(entry)).length + 1, 0);
    const budget = SYNC_LIMITS.maxPushBodyBytes - 4 * 1024;
    for (const [i, entries] of sent.entries()) {
      expect(bytes(entries)).toBeLessThanOrEqual(budget);
      // Full: the next entry would not have fitted (a 3-bytes-per-character guess would split sooner).
      const next = sent[i + 1]?.[0];
      if (next) expect(bytes([...entries, next])).toBeGreaterThan(budget);
    }
  }, 30_000);

  it('marks only the batch whose answer was lost, after settling the one before', async () => {
    const { db, clientId } = await queued(size + 2);
    const error = await pushAll({ db, http: acking(2), clientId, userId: 'rita', now: () => 'T' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncFailure);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.seq, r.status])).toEqual([
      [size + 1, 'sent'],
      [size + 2, 'sent'],
    ]);
    expect(await shown(db, n(1))).not.toHaveProperty('base');
    expect(await shown(db, n(size + 1))).toHaveProperty('base', null);
  }, 30_000);

  it('sends changes under seqs the server already holds for other changes again under a new client id', async () => {
    // A device restored from an older copy: the server holds seqs 1-3 of this client, and only seq 1 is
    // the same change. Seqs 2-5 here are new changes and must all arrive, none taken for a retry.
    const { db, clientId } = await queued(5);
    const requests: { clientId: string; seqs: number[]; ids: unknown[] }[] = [];
    const http = acking();
    http.push = (request) => {
      const ids = request.entries.map((e) => (e.args as { id: string }).id);
      requests.push({ clientId: request.clientId, seqs: request.entries.map((e) => e.seq), ids });
      if (request.clientId === clientId) {
        return Promise.resolve({
          results: [{ seq: 1, status: 'duplicate', rev: 1 }],
          lastSeq: 1,
          seqReused: 2,
        });
      }
      const results = request.entries.map((e) => ({
        seq: e.seq,
        status: 'applied' as const,
        rev: 10 + e.seq,
      }));
      return Promise.resolve({ results, lastSeq: request.entries.at(-1)!.seq });
    };
    const outcome = await pushAll({ db, http, clientId, userId: 'rita', now: () => 'T' });

    const renamed = outcome.clientId;
    expect(renamed).not.toBe(clientId);
    expect(requests).toEqual([
      { clientId, seqs: [1, 2, 3, 4, 5], ids: [n(1), n(2), n(3), n(4), n(5)] },
      { clientId: renamed, seqs: [1, 2, 3, 4], ids: [n(2), n(3), n(4), n(5)] },
    ]);
    expect(outcome.sent).toBe(5);
    expect(await db.outbox.count()).toBe(0);
    // The rows written before the renumbering carry the new client's seqs: confirmed, they show no base.
    const settled = (await getMeta(db, 'settledSeqs')) ?? {};
    const rows = await db.records.toArray();
    expect(rows.filter((row) => 'base' in settledView(row, settled))).toEqual([]);
    // None needed rewriting: renumbering moved their stamps to the new client id with their entries.
    expect(outcome.lingering).toEqual(new Set([n(1), n(2), n(3), n(4), n(5)]));
    // The user's next change goes under the new client id, after the renumbered ones.
    expect(await getMeta(db, 'syncClients')).toEqual({ rita: { clientId: renamed, nextSeq: 5 } });
    expect(await clientIdOf(db, 'rita')).toBe(renamed);
    const next = await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(1), fields: { title: 'Later' } },
      ritaCtx(),
    );
    expect(next).toMatchObject({ ok: true, entry: { clientId: renamed, seq: 5 } });
  }, 30_000);
});
