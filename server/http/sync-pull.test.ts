// GET /api/sync/pull and /api/sync/snapshot: paging, department scopes, resets, tombstone retention.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseExport } from '../../src/protocol/sync';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import {
  createNote,
  entry,
  errorOf,
  pull,
  pullAll,
  pullRaw,
  push,
  rid,
  syncUser,
  type SyncUser,
} from '../test-support/sync-client';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { purgeTombstones } from '../sync/tombstones';

describe.each(await testAdapters())('sync pull: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let rita: SyncUser;
  let paula: SyncUser;
  beforeEach(async () => {
    adapter = create();
    t = await createTestApp(adapter);
    rita = await syncUser(t, 'rita', 'clerk', ['roads']);
    paula = await syncUser(t, 'paula', 'clerk', ['parks']);
    await push(
      t,
      rita,
      [1, 2, 3].map((n) => createNote(rita, n, n)),
    );
    await push(t, paula, [createNote(paula, 1, 10, {}, 'parks')]);
  });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  it('pages in rev order with cursors; a pull sequence from scratch is a reset until its last page', async () => {
    const first = await pull(t, rita, { limit: 2 });
    expect(first).toMatchObject({ hasMore: true, reset: true, scope: { departments: ['roads'] } });
    expect(first.records.map((r) => [r.id, r.rev])).toEqual([
      [rid(1), 1],
      [rid(2), 2],
    ]);
    const second = await pull(t, rita, { limit: 2, cursor: first.cursor });
    expect(second).toMatchObject({ hasMore: false, reset: true });
    expect(second.records.map((r) => r.id)).toEqual([rid(3)]);

    const idle = await pull(t, rita, { cursor: second.cursor });
    expect(idle).toMatchObject({ records: [], hasMore: false, reset: false });
    await push(t, rita, [
      entry(rita, 4, 'record.update', { kind: 'note', id: rid(2), fields: { body: 'b' } }),
    ]);
    const next = await pull(t, rita, { cursor: idle.cursor });
    expect(next.reset).toBe(false);
    expect(next.records).toEqual([
      expect.objectContaining({
        id: rid(2),
        rev: 5,
        fields: expect.objectContaining({ body: 'b' }) as unknown,
      }),
    ]);
  });

  it('sends each user only their departments; admins get every department', async () => {
    const admin = await syncUser(t, 'ada', 'admin', []);
    expect((await pull(t, paula)).records.map((r) => r.id)).toEqual([rid(10)]);
    const all = await pull(t, admin);
    expect(all.records.map((r) => r.id)).toEqual([rid(1), rid(2), rid(3), rid(10)]);
    expect(all.scope.departments).toEqual(['parks', 'roads']);
    const filtered = await pull(t, admin, { departments: 'parks' });
    expect(filtered.records.map((r) => r.id)).toEqual([rid(10)]);
    expect(filtered.scope.departments).toEqual(['parks']);
  });

  it('a change of departments resets the cursor and no longer sends the lost department', async () => {
    const before = (await pullAll(t, rita)).at(-1)!;
    await t.storage.users.setDepartments(rita.user.id, ['parks']);
    const after = await pull(t, rita, { cursor: before.cursor });
    expect(after.reset).toBe(true);
    expect(after.scope.departments).toEqual(['parks']);
    expect(after.records.map((r) => r.id)).toEqual([rid(10)]);
  });

  it('refuses a department filter outside the user’s scope with 403 and an audit entry', async () => {
    const refused = await pullRaw(t, rita.cookie, { departments: 'roads,parks' });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused)).toMatchObject({ code: 'forbidden', field: 'departments' });
    expect(refused.body).not.toContain(rid(10));
    const [logged] = await t.storage.audit.list({ userId: rita.user.id, limit: 1 });
    expect(logged).toMatchObject({ action: 'sync.pull_forbidden', detail: { departments: ['parks'] } });
  });

  it('answers bad cursors, limits and parameters with 400 naming the field, and no session with 401', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ cursor: 'not a cursor' }, 'cursor'],
      [{ cursor: Buffer.from('{"rev":-1,"scope":"0123456789abcdef"}').toString('base64url') }, 'cursor'],
      [{ cursor: 'eyJyZXYiOjF9' }, 'cursor'],
      [{ limit: '0' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ departments: 'Roads!' }, 'departments'],
      [{ since: '1' }, 'since'],
    ];
    for (const [query, field] of cases) {
      const response = await pullRaw(t, rita.cookie, query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(errorOf(response).field).toBe(field);
    }
    expect((await pull(t, rita, { limit: 5000 })).records).toHaveLength(3);
    expect((await pullRaw(t, '', {})).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/sync/snapshot' })).statusCode).toBe(401);
  });

  it('purges old tombstones and resets cursors from before the horizon', async () => {
    const seen = (await pullAll(t, rita)).at(-1)!.cursor;
    await push(t, rita, [entry(rita, 4, 'record.delete', { kind: 'note', id: rid(1) })]);
    const config = { now: t.clock.now, tombstoneRetentionDays: 90 };
    expect(await purgeTombstones(t.storage, config)).toEqual({ removed: 0, horizon: 0 });
    const kept = await pull(t, rita, { cursor: seen });
    expect(kept.records).toEqual([expect.objectContaining({ id: rid(1), deleted: true })]);

    // The purge runs as if 91 days had passed (moving the app clock would end the session).
    const later = () => new Date(t.clock.now().getTime() + 91 * 24 * 3_600_000);
    expect(await purgeTombstones(t.storage, { ...config, now: later })).toEqual({ removed: 1, horizon: 5 });
    const reset = await pull(t, rita, { cursor: seen });
    expect(reset.reset).toBe(true);
    expect(reset.records.map((r) => r.id)).toEqual([rid(2), rid(3)]);
    // A device that already had the tombstone keeps pulling normally.
    expect((await pull(t, rita, { cursor: kept.cursor })).reset).toBe(false);
  });

  it('downloads a snapshot file holding what a pull from scratch gives, with a cursor to continue', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/sync/snapshot',
      headers: { cookie: rita.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="holdfast-snapshot-rita-/);
    const file = await parseExport(response.body, 'snapshot');
    expect(file).toMatchObject({
      userId: rita.user.id,
      username: 'rita',
      payload: { scope: { departments: ['roads'] } },
    });
    const pulled = (await pullAll(t, rita)).flatMap((page) => page.records);
    expect(file.payload.records).toEqual(pulled);

    expect(await pull(t, rita, { cursor: file.payload.cursor })).toMatchObject({ records: [], reset: false });
    await push(t, rita, [createNote(rita, 4, 4)]);
    const next = await pull(t, rita, { cursor: file.payload.cursor });
    expect(next.records.map((r) => r.id)).toEqual([rid(4)]);
  });
});
