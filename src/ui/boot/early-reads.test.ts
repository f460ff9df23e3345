// Early reads: only the page the app was opened on reads early, once storage is open, with the route's
// parameters as the router would give them; the result is taken once, for the same database only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoldfastDatabase } from '../../storage';
import { appStore, initialState } from '../store/app-store';
import { earlyReadsSettled, readEarly, resetEarlyReads, takeEarlyRead } from './early-reads';

const db = { name: 'db-1' } as unknown as HoldfastDatabase;
const other = { name: 'db-2' } as unknown as HoldfastDatabase;

function openAt(path: string) {
  vi.stubGlobal('location', { pathname: path });
}
function storageReady(database = db) {
  appStore.getState().set({ storage: { state: 'ready', db: database, deviceId: 'd', wiped: false } });
}

beforeEach(() => {
  resetEarlyReads();
  appStore.setState(initialState);
});
afterEach(() => vi.unstubAllGlobals());

describe('readEarly', () => {
  it('waits for storage, then reads with the route parameters; the page takes the result once', async () => {
    openAt('/incidents/inc-7');
    const read = vi.fn((_db: HoldfastDatabase, params: Record<string, string>) =>
      Promise.resolve(`incident ${params.id}`),
    );
    readEarly('/incidents/:id', 'first', read);
    expect(read).not.toHaveBeenCalled(); // storage still opening

    storageReady();
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0]![0]).toBe(db);
    await earlyReadsSettled();

    const taken = takeEarlyRead('/incidents/:id', 'first', db);
    expect(taken).toMatchObject({ settled: true, value: 'incident inc-7' });
    expect(takeEarlyRead('/incidents/:id', 'first', db)).toBeUndefined();
  });

  it('starts at once when storage is already open, and a pending read is taken with its promise', async () => {
    openAt('/permits');
    storageReady();
    let finish: (rows: string[]) => void = () => undefined;
    readEarly('/permits', 'first', () => new Promise<string[]>((resolve) => (finish = resolve)));
    const taken = takeEarlyRead('/permits', 'first', db);
    expect(taken?.settled).toBe(false);
    finish(['p-1']);
    await expect(taken?.promise).resolves.toEqual(['p-1']);
  });

  it('reads nothing for another page, including a path the router gives to a more specific route', () => {
    const read = vi.fn(() => Promise.resolve(1));
    storageReady();
    openAt('/permits/new');
    readEarly('/permits', 'first', read);
    openAt('/incidents/new'); // its own route, not /incidents/:id
    readEarly('/incidents/:id', 'first', read);
    expect(read).not.toHaveBeenCalled();
    expect(takeEarlyRead('/incidents/:id', 'first', db)).toBeUndefined();
  });

  it('gives nothing to a page on another database or at another address', async () => {
    openAt('/permits');
    storageReady();
    readEarly('/permits', 'first', () => Promise.resolve('rows'));
    readEarly('/permits', 'second', () => Promise.resolve('rows'));
    await earlyReadsSettled();
    expect(takeEarlyRead('/permits', 'first', other)).toBeUndefined();
    openAt('/permits/p-1');
    expect(takeEarlyRead('/permits', 'second', db)).toBeUndefined();
  });

  it('skips the read when the app has moved on before storage opened (a redirect to sign-in)', () => {
    openAt('/permits');
    const read = vi.fn(() => Promise.resolve(1));
    readEarly('/permits', 'first', read);
    openAt('/sign-in');
    storageReady();
    expect(read).not.toHaveBeenCalled();
  });

  it('a failed read is dropped (the page reads through its live queries) and counts as settled', async () => {
    openAt('/permits');
    storageReady();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    readEarly('/permits', 'first', () => Promise.reject(new Error('boom')));
    readEarly('/permits', 'second', () => {
      throw new Error('thrown at once');
    });
    await earlyReadsSettled();
    expect(takeEarlyRead('/permits', 'first', db)).toBeUndefined();
    expect(takeEarlyRead('/permits', 'second', db)).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
