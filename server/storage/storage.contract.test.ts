// One contract for every storage adapter: SQLite and PostgreSQL must behave the same.
import { MIGRATIONS } from './migrations';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import type { NewUser, Storage } from './storage';

const T0 = new Date('2030-01-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function newUser(username: string, extra: Partial<NewUser> = {}): NewUser {
  return {
    id: crypto.randomUUID(),
    username,
    displayName: `Name of ${username}`,
    role: 'clerk',
    passwordHash: 'scrypt$14$8$1$x$y',
    disabled: false,
    departments: [],
    now: T0,
    ...extra,
  };
}

describe.each(await testAdapters())('storage contract: $name', ({ create }) => {
  let adapter: TestAdapter;
  let storage: Storage;

  beforeEach(async () => {
    adapter = create();
    storage = await adapter.open();
  });
  afterEach(async () => {
    await adapter.cleanup();
  });

  it('creates, reads, lists and updates users with departments', async () => {
    await storage.departments.create({ code: 'roads', name: 'Roads' }, T0);
    await storage.departments.create({ code: 'parks', name: 'Parks' }, T0);
    expect(await storage.users.count()).toBe(0);
    const bob = newUser('Bob', { departments: ['roads', 'parks'] });
    await storage.users.create(bob);
    expect(await storage.users.count()).toBe(1);

    const byName = await storage.users.getByUsername('BOB');
    expect(byName).toMatchObject({ id: bob.id, username: 'bob', role: 'clerk', disabled: false });
    expect(byName?.departments).toEqual(['parks', 'roads']);
    expect(byName?.createdAt.toISOString()).toBe(T0.toISOString());
    expect(byName?.lastLoginAt).toBeNull();
    expect(await storage.users.getById('nope')).toBeNull();

    expect(
      await storage.users.update(bob.id, { disabled: true, role: 'manager', lastLoginAt: at(5) }, at(5)),
    ).toBe(true);
    expect(await storage.users.update('missing', { disabled: true }, at(5))).toBe(false);
    await storage.users.setDepartments(bob.id, ['roads']);
    const updated = await storage.users.getById(bob.id);
    expect(updated).toMatchObject({ disabled: true, role: 'manager', departments: ['roads'] });
    expect(updated?.lastLoginAt?.toISOString()).toBe(at(5).toISOString());
    expect(updated?.updatedAt.toISOString()).toBe(at(5).toISOString());

    await storage.users.create(newUser('alice'));
    const list = await storage.users.list({ now: T0, idleCutoff: at(-60) });
    expect(list.map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(list[1]).toMatchObject({ departments: ['roads'], activeSessions: 0 });
  });

  it('rejects a duplicate username and an unknown department', async () => {
    await storage.users.create(newUser('carol'));
    await expect(storage.users.create(newUser('carol'))).rejects.toThrow();
    await expect(storage.users.create(newUser('dave', { departments: ['nowhere'] }))).rejects.toThrow();
  });

  it('creates departments once and lists them by code', async () => {
    expect(await storage.departments.create({ code: 'roads', name: 'Roads' }, T0)).toBe(true);
    expect(await storage.departments.create({ code: 'roads', name: 'Other' }, T0)).toBe(false);
    await storage.departments.create({ code: 'finance', name: 'Finance' }, T0);
    expect(await storage.departments.list()).toEqual([
      { code: 'finance', name: 'Finance' },
      { code: 'roads', name: 'Roads' },
    ]);
  });

  it('creates, touches, ends and expires sessions', async () => {
    const user = newUser('erin');
    await storage.users.create(user);
    const session = {
      id: 'a'.repeat(64),
      userId: user.id,
      createdAt: T0,
      expiresAt: at(600),
      userAgent: 'UA',
      ip: '::1',
    };
    await storage.sessions.create(session);
    await storage.sessions.create({ ...session, id: 'b'.repeat(64), userAgent: null, ip: null });
    const read = await storage.sessions.get(session.id);
    expect(read).toMatchObject({ userId: user.id, userAgent: 'UA', ip: '::1', endedAt: null });
    expect(read?.lastSeenAt.toISOString()).toBe(T0.toISOString());
    expect(read?.expiresAt.toISOString()).toBe(at(600).toISOString());

    await storage.sessions.touch(session.id, at(10));
    expect((await storage.sessions.get(session.id))?.lastSeenAt.toISOString()).toBe(at(10).toISOString());
    expect(await storage.sessions.countActive(user.id, { now: at(10), idleCutoff: at(-1) })).toBe(2);
    // Idle: the second session was last seen at T0, before the cutoff.
    expect(await storage.sessions.countActive(user.id, { now: at(10), idleCutoff: at(5) })).toBe(1);
    // Absolute: past expiresAt nothing is active.
    expect(await storage.sessions.countActive(user.id, { now: at(601), idleCutoff: at(0) })).toBe(0);

    expect(await storage.sessions.end(session.id, at(11))).toBe(true);
    expect(await storage.sessions.end(session.id, at(12))).toBe(false);
    expect((await storage.sessions.get(session.id))?.endedAt?.toISOString()).toBe(at(11).toISOString());
    expect(await storage.sessions.countActive(user.id, { now: at(11), idleCutoff: at(-1) })).toBe(1);
    const users = await storage.users.list({ now: at(11), idleCutoff: at(-1) });
    expect(users[0]?.activeSessions).toBe(1);

    await storage.sessions.create({ ...session, id: 'c'.repeat(64) });
    expect(await storage.sessions.endAllForUser(user.id, at(12), 'c'.repeat(64))).toBe(1);
    expect((await storage.sessions.get('c'.repeat(64)))?.endedAt).toBeNull();
    expect(await storage.sessions.endAllForUser(user.id, at(12))).toBe(1);

    expect(await storage.sessions.deleteStale(at(11.5))).toBe(1);
    expect(await storage.sessions.get(session.id)).toBeNull();
    expect(await storage.sessions.get('missing')).toBeNull();
  });

  it('counts login failures within a window and clears them', async () => {
    for (const minute of [0, 5, 10]) await storage.loginFailures.record('account:bob', at(minute));
    await storage.loginFailures.record('ip:192.0.2.1', at(10));
    expect(await storage.loginFailures.stats('account:bob', at(-15))).toEqual({ count: 3, oldest: at(0) });
    expect(await storage.loginFailures.stats('account:bob', at(4))).toEqual({ count: 2, oldest: at(5) });
    expect(await storage.loginFailures.stats('account:nobody', at(-15))).toEqual({ count: 0, oldest: null });
    expect(await storage.loginFailures.prune(at(1))).toBe(1);
    await storage.loginFailures.clear('account:bob');
    expect((await storage.loginFailures.stats('account:bob', at(-15))).count).toBe(0);
    expect((await storage.loginFailures.stats('ip:192.0.2.1', at(-15))).count).toBe(1);
  });

  it('setup tokens are single use, expire, and a new one replaces an unused one', async () => {
    await storage.setupTokens.replace('h1', T0, at(60));
    await storage.setupTokens.replace('h2', T0, at(60));
    expect(await storage.setupTokens.consume('h1', at(1))).toBe(false);
    expect(await storage.setupTokens.consume('h2', at(61))).toBe(false);
    expect(await storage.setupTokens.consume('h2', at(1))).toBe(true);
    expect(await storage.setupTokens.consume('h2', at(2))).toBe(false);
  });

  it('appends audit entries and lists them newest first', async () => {
    const first = await storage.audit.append({
      at: T0,
      userId: 'u1',
      action: 'login',
      detail: { ip: '::1' },
    });
    const second = await storage.audit.append({
      at: at(1),
      userId: null,
      deviceId: 'device-1',
      deviceTime: at(-3),
      action: 'user.create',
      detail: { username: 'bob', nested: { n: 1 } },
    });
    expect(second).toBeGreaterThan(first);
    const entries = await storage.audit.list();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      id: second,
      userId: null,
      deviceId: 'device-1',
      action: 'user.create',
    });
    expect(entries[0]?.detail).toEqual({ username: 'bob', nested: { n: 1 } });
    expect(entries[0]?.deviceTime?.toISOString()).toBe(at(-3).toISOString());
    expect(entries[1]).toMatchObject({
      userId: 'u1',
      deviceId: null,
      deviceTime: null,
      detail: { ip: '::1' },
    });
    expect(await storage.audit.list({ userId: 'u1', limit: 5 })).toHaveLength(1);
  });

  it('appends many audit entries in order, in or outside a transaction', async () => {
    const entry = (n: number) => ({
      at: at(n),
      userId: n % 2 ? 'u1' : null,
      deviceId: n % 3 ? 'device-1' : null,
      deviceTime: n % 4 ? at(-n) : null,
      action: `sync.${n}`,
      detail: { n, text: 'Zürich 🦆' },
    });
    // 6,000 × 6 values is more than one PostgreSQL statement binds: the rows span statements.
    const rows = Array.from({ length: 6000 }, (_, i) => entry(i));
    await storage.audit.appendMany([]);
    await storage.audit.appendMany(rows.slice(0, 3));
    await storage.transaction((tx) => tx.audit.appendMany(rows.slice(3)));
    const listed = await storage.audit.list({ limit: 10_000 });
    expect(listed.map((e) => e.action)).toEqual(rows.map((r) => r.action).reverse());
    const [last] = listed;
    expect(last).toMatchObject({ action: 'sync.5999', userId: 'u1', deviceId: 'device-1' });
    expect(last?.detail).toEqual({ n: 5999, text: 'Zürich 🦆' });
    expect(last?.deviceTime?.toISOString()).toBe(at(-5999).toISOString());
    expect(listed.at(-1)).toMatchObject({ userId: null, deviceId: null, deviceTime: null });
  });

  it('commits transactions and rolls them back on error', async () => {
    await storage.transaction(async (tx) => {
      await tx.departments.create({ code: 'roads', name: 'Roads' }, T0);
      await tx.users.create(newUser('frank', { departments: ['roads'] }));
    });
    await expect(
      storage.transaction(async (tx) => {
        await tx.users.create(newUser('grace'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.users.getByUsername('grace')).toBeNull();
    expect((await storage.users.getByUsername('frank'))?.departments).toEqual(['roads']);
  });

  it('migrations are idempotent when the database is opened again', async () => {
    await storage.users.create(newUser('henry'));
    expect(await storage.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    await storage.migrate();
    const again = await adapter.reopen();
    expect(await again.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await again.users.getByUsername('henry')).not.toBeNull();
  });

  it('two processes migrating the same empty database at once both succeed', async () => {
    const other = create();
    try {
      const first = await other.open({ migrate: false });
      const second = await other.reopen({ migrate: false });
      await Promise.all([first.migrate(), second.migrate()]);
      expect(await first.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await second.users.count()).toBe(0);
    } finally {
      await other.cleanup();
    }
  });
});
