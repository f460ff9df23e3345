// A test device: its own database, a cached signed-in user, fake timers and an engine on a fake server.
import type { MutationArgs, MutationName } from '../../domain/sync/mutation-types';
import type { Role } from '../../domain/users';
import { openDatabase, writeCachedSession, writeMutation } from '../../storage';
import { createSyncEngine } from '../sync-engine';
import type { SyncEngineOptions } from '../sync-engine';
import type { FakeSyncServer } from './fake-sync-server';

export const T = '2025-03-04T09:00:00.000Z';

export function id(i: number): string {
  return `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
}

export class FakeTimers {
  scheduled: { callback: () => void; ms: number; handle: number }[] = [];
  private next = 0;
  setTimeout = (callback: () => void, ms: number) => {
    const handle = ++this.next;
    this.scheduled.push({ callback, ms, handle });
    return handle;
  };
  clearTimeout = (handle: unknown) => {
    this.scheduled = this.scheduled.filter((t) => t.handle !== handle);
  };
  /** Fires the pending timer (there is at most one) and returns its delay. */
  fire(): number | undefined {
    const timer = this.scheduled.shift();
    timer?.callback();
    return timer?.ms;
  }
}

export async function makeDevice(
  server: FakeSyncServer,
  userId = 'rita',
  extra: Partial<SyncEngineOptions> = {},
) {
  const { db } = await openDatabase({ name: `sync-${Math.random().toString(36).slice(2)}`, mirror: null });
  const account = server.accounts[userId] ?? { role: 'clerk' as Role, departments: ['public-works'] };
  const user = { id: userId, username: userId, displayName: userId, disabled: false, ...account };
  await writeCachedSession(db, {
    user,
    session: { expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800 },
  });
  const timers = new FakeTimers();
  const engine = createSyncEngine({
    db,
    fetch: server.fetch,
    now: () => new Date(T),
    random: () => 0.5,
    timers,
    locks: null,
    isOnline: () => true,
    ...extra,
  });
  const write = <N extends MutationName>(name: N, args: MutationArgs[N]) =>
    writeMutation(db, name, args, { userId, role: user.role, departments: user.departments, now: T });
  const createNote = (i: number, title: string, dept = 'public-works') =>
    write('record.create', { kind: 'note', id: id(i), dept, fields: { title } });
  return { db, engine, timers, write, createNote, user };
}
