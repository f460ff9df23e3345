// One tab syncs at a time (Web Locks); every tab may still write to the outbox.

export const SYNC_LOCK_NAME = 'holdfast-sync';

/** The part of navigator.locks the engine uses, so tests can pass their own. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export function browserLocks(): LockManagerLike | null {
  const locks =
    typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike }).locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/**
 * Runs `task` if no other tab holds the sync lock; returns `{ran: false}` at once otherwise (that tab's
 * sync covers this one's outbox too, since all tabs share the database). Without Web Locks (old
 * browsers) the task just runs: the server's seq checks keep a double push harmless.
 */
export async function runExclusive<T>(
  locks: LockManagerLike | null,
  task: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!locks) return { ran: true, value: await task() };
  return locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) =>
    lock ? { ran: true as const, value: await task() } : { ran: false as const },
  );
}
