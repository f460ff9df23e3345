// POST /api/sync/push: idempotent retries, gaps, rejections that never stall the queue, field merges,
// conflicts, delete wins, rights from the server's users table, device ownership, limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import {
  createNote,
  entry,
  errorOf,
  pull,
  pullAll,
  push,
  pushRaw,
  rid,
  syncUser,
  type SyncUser,
} from '../test-support/sync-client';
import { createTestApp, type TestApp } from '../test-support/test-app';

describe.each(await testAdapters())('sync push: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let rita: SyncUser;
  beforeEach(async () => {
    adapter = create();
    t = await createTestApp(adapter);
    rita = await syncUser(t, 'rita');
  });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  it('applies new entries, and a retry after a lost response gets the same results as duplicates', async () => {
    const entries = [
      createNote(rita, 1, 1),
      entry(rita, 2, 'record.update', { kind: 'note', id: rid(1), fields: { title: '' } }),
      entry(rita, 3, 'record.update', { kind: 'note', id: rid(1), fields: { body: 'b' } }),
    ];
    const first = await push(t, rita, entries);
    expect(first.lastSeq).toBe(3);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(first.results[0]).toEqual({ seq: 1, status: 'applied', rev: 1 });
    expect(first.results[1]?.reason).toMatchObject({ code: 'invalid', field: 'title' });
    const before = await t.storage.sync.counts();

    const again = await push(t, rita, entries);
    expect(again.lastSeq).toBe(3);
    expect(again.results).toEqual(first.results.map((r) => ({ ...r, status: 'duplicate' })));
    expect(await t.storage.sync.counts()).toEqual(before);
    // A batch that starts with acknowledged seqs and goes on applies only the new ones.
    const more = await push(t, rita, [...entries.slice(2), createNote(rita, 4, 2)]);
    expect(more.results.map((r) => r.status)).toEqual(['duplicate', 'applied']);
  });

  it('refuses a batch that starts with a gap (409, nothing stored) and stops at a later gap', async () => {
    const gap = await pushRaw(t, rita.cookie, {
      protocol: PROTOCOL_VERSION,
      clientId: rita.clientId,
      entries: [createNote(rita, 2, 1)],
    });
    expect(gap.statusCode).toBe(409);
    expect(gap.json()).toMatchObject({ error: { code: 'sequence_gap' }, expectedSeq: 1 });
    expect((await t.storage.sync.counts()).clients).toBe(0);

    const partial = await push(t, rita, [
      createNote(rita, 1, 1),
      createNote(rita, 2, 2),
      createNote(rita, 4, 4),
    ]);
    expect(partial).toMatchObject({ lastSeq: 2, resumeFrom: 3 });
    expect(partial.results.map((r) => r.seq)).toEqual([1, 2]);
    const resumed = await push(t, rita, [createNote(rita, 3, 3), createNote(rita, 4, 4)]);
    expect(resumed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('a rejection advances lastSeq so later entries apply; the retry returns the original reason', async () => {
    const bad = entry(rita, 1, 'record.update', { kind: 'note', id: rid(9), fields: { title: 'x' } });
    const first = await push(t, rita, [bad, createNote(rita, 2, 1)]);
    expect(first.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(first.results[0]?.reason?.code).toBe('not_found');
    const retry = await push(t, rita, [bad]);
    expect(retry.results[0]).toMatchObject({ status: 'duplicate', reason: { code: 'not_found' } });
  });

  it('two devices editing different fields both survive; the same field makes exactly one conflict', async () => {
    const sam = await syncUser(t, 'sam');
    await push(t, rita, [createNote(rita, 1, 1, { body: 'start' })]);
    const base = { [rid(1)]: 1 };
    await push(t, rita, [
      entry(rita, 2, 'record.update', { kind: 'note', id: rid(1), fields: { title: 'R' } }, base),
    ]);
    const samResult = await push(t, sam, [
      entry(sam, 1, 'record.update', { kind: 'note', id: rid(1), fields: { body: 'S' } }, base),
      entry(sam, 2, 'record.update', { kind: 'note', id: rid(1), fields: { title: 'S title' } }, base),
    ]);
    expect(samResult.results.map((r) => r.status)).toEqual(['applied', 'conflict']);
    const conflictIds = samResult.results[1]?.conflictIds ?? [];
    expect(conflictIds).toHaveLength(1);

    const ritaView = (await pull(t, rita)).records;
    const samView = (await pull(t, sam)).records;
    expect(samView).toEqual(ritaView);
    const note = ritaView.find((r) => r.id === rid(1));
    expect(note?.fields).toEqual({ title: 'R', body: 'S', status: 'open' });
    expect(note).not.toHaveProperty('fieldRevs');
    expect(note).not.toHaveProperty('fieldWriters');
    const conflicts = ritaView.filter((r) => r.kind === 'conflict');
    expect(conflicts.map((c) => c.id)).toEqual(conflictIds);
    expect(conflicts[0]?.fields).toMatchObject({ field: 'title', serverValue: 'R', clientValue: 'S title' });
    // Retrying the conflicting entry makes no second conflict record.
    await push(t, sam, [
      entry(sam, 2, 'record.update', { kind: 'note', id: rid(1), fields: { title: 'S title' } }, base),
    ]);
    expect(
      (await pullAll(t, rita)).flatMap((p) => p.records).filter((r) => r.kind === 'conflict'),
    ).toHaveLength(1);
  });

  it('delete wins: a later update of a deleted note is rejected and the tombstone is pulled', async () => {
    const sam = await syncUser(t, 'sam');
    await push(t, rita, [createNote(rita, 1, 1)]);
    await push(t, rita, [entry(rita, 2, 'record.delete', { kind: 'note', id: rid(1) }, { [rid(1)]: 1 })]);
    const late = await push(t, sam, [
      entry(
        sam,
        1,
        'record.update',
        { kind: 'note', id: rid(1), fields: { title: 'mine' } },
        { [rid(1)]: 1 },
      ),
    ]);
    expect(late.results[0]?.reason).toMatchObject({
      code: 'deleted',
      params: { deletedBy: rita.user.id },
      message: expect.stringContaining('User rita') as unknown,
    });
    const [tombstone] = (await pull(t, sam)).records;
    expect(tombstone).toMatchObject({ id: rid(1), deleted: true, fields: { title: 'Note 1' } });
  });

  it('uses the current role and departments from the server, and audits every entry', async () => {
    const viewer = await syncUser(t, 'vera', 'viewer', ['roads']);
    const refused = await push(t, viewer, [createNote(viewer, 1, 1)]);
    expect(refused.results[0]?.reason?.code).toBe('forbidden');
    await t.storage.users.update(viewer.user.id, { role: 'clerk' }, t.clock.now());
    expect((await push(t, viewer, [createNote(viewer, 2, 1)])).results[0]?.status).toBe('applied');

    // Not the user's department, and an entry signed by someone else: rejected, nothing written.
    await t.storage.departments.create({ code: 'parks', name: 'Parks' }, t.clock.now());
    const before = (await t.storage.sync.counts()).records;
    const other = await push(t, rita, [
      createNote(rita, 1, 2, {}, 'parks'),
      { ...createNote(rita, 2, 3), userId: viewer.user.id },
    ]);
    expect(other.results.map((r) => r.reason?.code)).toEqual(['forbidden', 'forbidden']);
    expect((await t.storage.sync.counts()).records).toBe(before);

    const audit = await t.storage.audit.list({ userId: rita.user.id, limit: 5 });
    const [second, first] = audit;
    expect(first).toMatchObject({ action: 'record.create', deviceId: rita.clientId });
    expect(first?.deviceTime?.toISOString()).toBe('2030-06-01T08:00:00.000Z');
    expect(first?.detail).toMatchObject({
      seq: 1,
      status: 'rejected',
      ids: [rid(2)],
      reason: { code: 'forbidden' },
    });
    expect(second?.detail).toMatchObject({ seq: 2, status: 'rejected' });
  });

  it('refuses a device registered to another user with 403, changing nothing, and audits it', async () => {
    const sam = await syncUser(t, 'sam');
    await push(t, rita, [createNote(rita, 1, 1)]);
    const before = await t.storage.sync.counts();
    const stolen = await pushRaw(t, sam.cookie, {
      protocol: PROTOCOL_VERSION,
      clientId: rita.clientId,
      entries: [{ ...createNote(sam, 2, 2), clientId: rita.clientId }],
    });
    expect(stolen.statusCode).toBe(403);
    expect(errorOf(stolen).code).toBe('forbidden');
    expect(await t.storage.sync.counts()).toEqual(before);
    const [logged] = await t.storage.audit.list({ userId: sam.user.id, limit: 1 });
    expect(logged).toMatchObject({ action: 'sync.device_forbidden', deviceId: rita.clientId });
  });

  it('answers protocol mismatch, bad bodies, no session, oversized bodies and floods with 4xx', async () => {
    const old = await pushRaw(t, rita.cookie, { protocol: 99, clientId: rita.clientId, entries: [] });
    expect(old.statusCode).toBe(400);
    expect(old.json()).toMatchObject({
      error: { code: 'protocol_mismatch' },
      serverProtocol: PROTOCOL_VERSION,
    });

    const bad = await pushRaw(t, rita.cookie, {
      protocol: 1,
      clientId: rita.clientId,
      entries: [{ seq: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'bad_request', field: 'entries[0]' });

    const anonymous = await pushRaw(t, '', { protocol: 1, clientId: 'x', entries: [] });
    expect(anonymous.statusCode).toBe(401);

    const huge = await pushRaw(t, rita.cookie, JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }), {
      'content-type': 'application/json',
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' }, limitBytes: 2 * 1024 * 1024 });
    expect(errorOf(huge).message).toContain('2097152 bytes');

    const empty = await push(t, rita, []);
    expect(empty).toEqual({ results: [], lastSeq: 0 });
  });
});

describe.each(await testAdapters())('sync rate limit: $name', ({ create }) => {
  it('limits each user on /api/sync/* and answers 429 with Retry-After', async () => {
    const adapter = create();
    const t = await createTestApp(adapter, { env: { SYNC_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const rita = await syncUser(t, 'rita');
      const sam = await syncUser(t, 'sam');
      for (let i = 0; i < 3; i++) expect((await pull(t, rita)).hasMore).toBe(false);
      const limited = await pushRaw(t, rita.cookie, { protocol: 1, clientId: rita.clientId, entries: [] });
      expect(limited.statusCode).toBe(429);
      expect(errorOf(limited).code).toBe('rate_limited');
      expect(limited.headers['retry-after']).toBeDefined();
      expect((await pull(t, sam)).hasMore).toBe(false);
    } finally {
      await t.app.close();
      await adapter.cleanup();
    }
  });
});
