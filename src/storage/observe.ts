// Live queries for the UI, which may not import dexie itself: re-run a read whenever its tables change.
import { liveQuery } from 'dexie';

export interface Subscription {
  unsubscribe(): void;
}

export interface LiveObservable<T> {
  subscribe(observer: { next: (value: T) => void; error?: (error: unknown) => void }): Subscription;
}

/** Wraps Dexie's liveQuery; changes made in other tabs notify too. */
export function observe<T>(query: () => T | Promise<T>): LiveObservable<T> {
  return liveQuery(query);
}
