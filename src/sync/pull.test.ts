// Pulling: pages applied with their cursor, local edits replayed on top, full resync and scope.
import { describe, expect, it } from 'vitest';
import { readCursor } from '../storage';
import { pullAll } from './pull';
import { createSyncHttp } from './sync-http';
import { FakeSyncServer } from './test/fake-sync-server';
import { id, makeDevice } from './test/device';

const accounts = {
  rita: { role: 'clerk' as const, departments: ['public-works', 'parks'] },
  sam: { role: 'field' as const, departments: ['public-works', 'parks'] },
};

async function setup() {
  const server = new FakeSyncServer(structuredClone(accounts));
  const sam = await makeDevice(server, 'sam');
  const rita = await makeDevice(server, 'rita');
  const http = createSyncHttp({ fetch: server.fetch, isOnline: () => true });
  const pull = () => pullAll({ db: rita.db, http, userId: 'rita' });
  return { server, sam, rita, pull };
}

describe('pullAll', () => {
  it('applies every page with its cursor, and a failed page leaves the earlier ones whole', async () => {
    const { server, sam, rita, pull } = await setup();
    for (let i = 1; i <= 5; i++) await sam.createNote(i, `N${i}`);
    await sam.engine.syncNow();
    server.pageSize = 2;
    server.failPullNumber = server.calls.filter((c) => c.includes('pull')).length + 2;
    await expect(pull()).rejects.toThrow();
    expect(await rita.db.records.count()).toBe(2);
    expect(await readCursor(rita.db, 'rita')).toBe('2');
    const outcome = await pull();
    expect(outcome.pages).toBe(2);
    expect(await rita.db.records.count()).toBe(5);
    expect(await readCursor(rita.db, 'rita')).toBe('5');
  });

  it('keeps a pending local edit visible over a newer server version', async () => {
    const { sam, rita, pull } = await setup();
    await sam.createNote(1, 'Culvert');
    await sam.engine.syncNow();
    await pull();
    await rita.write('record.update', { kind: 'note', id: id(1), fields: { status: 'closed' } });
    await sam.write('record.update', { kind: 'note', id: id(1), fields: { title: 'Culvert cleared' } });
    await sam.engine.syncNow();
    await pull();
    const row = await rita.db.records.get(id(1));
    expect(row?.fields).toEqual({ title: 'Culvert cleared', status: 'closed' });
    expect(await rita.db.outbox.count()).toBe(1);
  });

  it('on a full resync drops records the server no longer sends, keeping unsent local ones', async () => {
    const { server, sam, rita, pull } = await setup();
    await sam.createNote(1, 'Kept');
    await sam.createNote(2, 'Purged');
    await sam.engine.syncNow();
    await pull();
    server.server.records.delete(id(2)); // gone past tombstone retention
    server.expiredBelow = 100;
    await rita.createNote(3, 'Mine, unsent');
    await pull();
    const ids = (await rita.db.records.toArray()).map((r) => r.id).sort();
    expect(ids).toEqual([id(1), id(3)]);
  });

  it('drops records of a department the user no longer belongs to', async () => {
    const { server, sam, rita, pull } = await setup();
    await sam.createNote(1, 'Works');
    await sam.createNote(2, 'Parks', 'parks');
    await sam.engine.syncNow();
    await pull();
    expect(await rita.db.records.count()).toBe(2);
    server.accounts.rita = { role: 'clerk', departments: ['public-works'] };
    await pull();
    expect((await rita.db.records.toArray()).map((r) => r.dept)).toEqual(['public-works']);
  });

  it('asks for the next page while storing one, and a page that cannot be stored is asked for again', async () => {
    const { server, sam, rita, pull } = await setup();
    for (let i = 1; i <= 5; i++) await sam.createNote(i, `N${i}`);
    await sam.engine.syncNow();
    server.pageSize = 2;
    let stores = 0;
    let pullsWhileStoring = 0;
    const pulls = () => server.calls.filter((c) => c.includes('pull')).length;
    rita.db.records.hook('creating', () => {
      stores += 1;
      // The second page cannot be stored (a full disk): the third was already on its way.
      if (stores === 3) throw new DOMException('full', 'QuotaExceededError');
      pullsWhileStoring = Math.max(pullsWhileStoring, pulls());
    });
    const before = pulls();
    await expect(pull()).rejects.toThrow(/no room/);
    expect(pullsWhileStoring - before).toBe(2); // page 2 was requested while page 1 was stored
    expect(await readCursor(rita.db, 'rita')).toBe('2');
    expect(await rita.db.records.count()).toBe(2);
    const outcome = await pull();
    expect(outcome).toEqual({ pages: 2, records: 3 });
    expect(await rita.db.records.count()).toBe(5);
    expect(await readCursor(rita.db, 'rita')).toBe('5');
  });
});
