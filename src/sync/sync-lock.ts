// One tab syncs at a time (Web Locks); every tab may still write to the outbox.

export const SYNC_LOCK_NAME = 'holdfast-sync';

/** The part of navigator.locks the engine uses, so tests can pass their own. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export function browserLocks(): LockManagerLike | null {
  const locks =
    typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike }).locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/**
 * Runs `task` holding the sync lock. When another tab holds it, waits for that tab to finish and then
 * runs `task` with `contended = true`: the caller may skip its round if that tab's sync left nothing
 * to send. Waiting rather than giving up matters: a change written in this tab after the other tab last
 * read the outbox would otherwise wait for the next trigger, and "Sync now" would silently do nothing.
 * Without Web Locks (old browsers) the task just runs: the server's seq checks keep a double push harmless.
 */
export async function runExclusive<T>(
  locks: LockManagerLike | null,
  task: (contended: boolean) => Promise<T>,
): Promise<T> {
  if (!locks) return task(false);
  const first = await locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) =>
    lock ? { value: await task(false) } : null,
  );
  if (first) return first.value;
  return locks.request(SYNC_LOCK_NAME, {}, () => task(true));
}
