// A page's first data, read as soon as storage is open: beside the signed-in shell's own reads instead of
// after the shell and the page have rendered and their live queries have started. Only the page the app was
// opened on reads early (its chunk registers its reads when the route preload evaluates it); the page's
// first render takes the result once, and its live queries take over from there.
import type { HoldfastDatabase } from '../../storage';
import { appStore } from '../store/app-store';
import { routeFor } from './preload-route';
import { exec } from 'preact-iso/router';
import { useEffect, useState } from 'preact/hooks';

export type EarlyRead<T> = (db: HoldfastDatabase, params: Record<string, string>) => Promise<T>;

interface Started {
  db: HoldfastDatabase;
  path: string;
  promise: Promise<unknown>;
  settled: boolean;
  value?: unknown;
}

const started = new Map<string, Started>();
/** Every early read's promise, taken or not (what the session check and sync wait for). */
const reading: Promise<unknown>[] = [];

function databaseWhenReady(then: (db: HoldfastDatabase) => void): void {
  const ready = () => {
    const storage = appStore.getState().storage;
    return storage.state === 'ready' ? storage.db : null;
  };
  const now = ready();
  if (now) return then(now);
  const unsubscribe = appStore.subscribe(() => {
    const db = ready();
    if (!db) return;
    unsubscribe();
    then(db);
  });
}

/**
 * Starts `read` once storage is open, if the app was opened on `route` (a path of the route table, matched
 * as the router matches it). `name` tells two reads of one page apart. Never throws: a failed early read
 * only means the page waits for its live queries as it would anyway.
 */
export function readEarly<T>(route: string, name: string, read: EarlyRead<T>): void {
  if (typeof location === 'undefined') return;
  const path = location.pathname;
  const key = `${route} ${name}`;
  if (started.has(key) || routeFor(path)?.path !== route) return;
  const params = (exec(path, route)?.params ?? {}) as Record<string, string>;
  databaseWhenReady((db) => {
    // Another page may have been opened meanwhile (a redirect to sign-in): read only for this one.
    if (location.pathname !== path) return;
    const entry: Started = { db, path, settled: false, promise: Promise.resolve() };
    // Started at once; a read that throws at once counts as failed like one that rejects.
    entry.promise = new Promise<T>((resolve) => resolve(read(db, params))).then(
      (value) => {
        entry.settled = true;
        entry.value = value;
        return value;
      },
      (error: unknown) => {
        started.delete(key);
        console.warn('Holdfast could not read the page early', error);
        return undefined;
      },
    );
    started.set(key, entry);
    reading.push(entry.promise);
  });
}

/** Settles once every early read started so far has (a failed one counts as settled). */
export function earlyReadsSettled(): Promise<void> {
  return Promise.all(reading).then(() => undefined);
}

/**
 * The early read `name` of `route` for this page and database, or undefined: none was started (the app was
 * opened on another page), it failed, or it was taken before (a later visit reads through live queries).
 */
export function takeEarlyRead(
  route: string,
  name: string,
  db: HoldfastDatabase | null,
): Pick<Started, 'settled' | 'value' | 'promise'> | undefined {
  const key = `${route} ${name}`;
  const entry = started.get(key);
  if (!entry) return undefined;
  started.delete(key);
  return entry.db === db && entry.path === location.pathname ? entry : undefined;
}

/**
 * The result of the early read `name` of `route`, for a page's first render: undefined if there is none, or
 * while it is still reading (the component renders again when it arrives). The page prefers its live
 * queries' answers as soon as they have one.
 */
export function useEarlyRead<T>(route: string, name: string, db: HoldfastDatabase | null): T | undefined {
  const [entry] = useState(() => takeEarlyRead(route, name, db));
  const [value, setValue] = useState<T | undefined>(() => (entry?.settled ? (entry.value as T) : undefined));
  useEffect(() => {
    if (!entry || entry.settled) return;
    let current = true;
    void entry.promise.then((result) => current && setValue(() => result as T));
    return () => {
      current = false;
    };
  }, [entry]);
  return value;
}

/** For tests: forgets every early read. */
export function resetEarlyReads(): void {
  started.clear();
  reading.length = 0;
}
