// The sync engine: push, then pull every page, then push again if new changes appeared; one tab at a
// time; retries with backoff after failures; paused (never looping) after a 401 until sign-in.
import type { HoldfastDatabase } from '../storage';
import {
  clientIdOf,
  countUnsent,
  dropSettledBases,
  pendingEntries,
  readCachedSession,
  readLastSyncAt,
  StorageQuotaError,
  writeLastSyncAt,
} from '../storage';
import { uploadPendingAttachments } from './attachment-upload';
import { backoffDelay } from './backoff';
import type { FileTransport } from './file-transport';
import { createFileTransport } from './file-transport';
import { pullAll } from './pull';
import { pushAll } from './push';
import { SyncFailure } from './sync-failure';
import { createSyncHttp } from './sync-http';
import type { LockManagerLike } from './sync-lock';
import { runExclusive } from './sync-lock';
import type { SyncProblem, SyncStatus } from './sync-status';
import { StatusCell } from './sync-status';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncEngineOptions {
  db: HoldfastDatabase;
  fetch: typeof fetch;
  now?: () => Date;
  random?: () => number;
  timers?: Timers;
  locks?: LockManagerLike | null;
  isOnline?: () => boolean;
  /** A 401 arrived: the UI asks the user to sign in again. */
  onSessionExpired?: () => void;
  /** Unsent changes and no network: ask the browser to wake the app when it returns (Background Sync). */
  requestBackgroundSync?: () => void;
}

export interface SyncEngine extends FileTransport {
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Syncs now (the "Sync now" button, start-up, `online`); resolves with the resulting status. */
  syncNow(): Promise<SyncStatus>;
  /** Syncs after `delayMs` unless a sync is due sooner (after a local write, on visibility). */
  requestSync(delayMs?: number): void;
  /** After signing in again: lift the pause and send everything. */
  resume(): Promise<SyncStatus>;
  /** Signed out: stop syncing until resume(). */
  pause(): void;
  /** Re-reads the unsent count and last sync time (another tab may have changed them). */
  refresh(): Promise<void>;
  stop(): void;
}

const PROBLEM_TEXT: Record<SyncProblem['code'], string> = {
  offline: 'This device is offline. Changes are kept here and sent when it reconnects.',
  unreachable: 'The server cannot be reached. Changes are kept here and sent when it answers again.',
  session_expired: 'Your session has ended. Sign in again to send your changes; they stay on this device.',
  signed_out: 'Nobody is signed in on this device, so nothing is sent.',
  forbidden: 'The server does not allow this account to sync. Ask an administrator.',
  protocol_mismatch: 'This version of Holdfast no longer matches the server. Reload to update.',
  lost_entries:
    'Some changes the server expects are missing from this device, so later ones cannot be sent. Export the unsent changes and contact your IT team.',
  too_large: 'A change is too large for the server to accept. Contact your IT team.',
  rate_limited: 'The server asked this device to wait before syncing again.',
  server_error: 'The server had a problem with this sync. It will be tried again.',
  storage_full: 'This device has no room left to store what arrived. Free up space on the device.',
  unknown: 'Sync stopped because of an unexpected problem. It will be tried again.',
};

/** Failures that need a person; retrying by timer would only repeat them. */
const NO_RETRY = new Set<SyncProblem['code']>(['protocol_mismatch', 'lost_entries', 'too_large']);

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const http = createSyncHttp({ fetch: options.fetch, isOnline });
  const cell = new StatusCell();
  const files = createFileTransport({ db, http, now: () => now().toISOString() });

  let paused = false;
  let attempt = 0;
  let timer: { handle: unknown; at: number } | null = null;
  let running: Promise<SyncStatus> | null = null;
  let again = false;
  let queued: Promise<SyncStatus> | null = null;
  let stopped = false;

  const currentUser = async () => (await readCachedSession(db))?.user ?? null;

  async function refresh(): Promise<void> {
    const user = await currentUser();
    cell.set({
      unsent: user ? await countUnsent(db, user.id) : 0,
      lastSyncAt: await readLastSyncAt(db),
    });
  }

  function clearTimer(): void {
    if (timer) timers.clearTimeout(timer.handle);
    timer = null;
  }

  function schedule(delayMs: number): void {
    if (stopped || paused) return;
    const at = now().getTime() + delayMs;
    if (timer && timer.at <= at) return;
    clearTimer();
    timer = { at, handle: timers.setTimeout(() => ((timer = null), void run()), delayMs) };
  }

  function problem(code: SyncProblem['code'], retryInMs?: number): SyncProblem {
    const retryAt = retryInMs === undefined ? undefined : new Date(now().getTime() + retryInMs).toISOString();
    return { code, message: PROBLEM_TEXT[code], ...(retryAt ? { retryAt } : {}) };
  }

  async function round(userId: string): Promise<void> {
    const clientId = await clientIdOf(db, userId);
    // Rows the push confirms without rewriting them (see pushAll); the pull takes out those it rewrites.
    const lingering = new Set<string>();
    const ctx = { db, http, clientId, userId, now: () => now().toISOString(), lingering };
    const attachments = { db, fetch: options.fetch, isOnline, now: ctx.now };
    try {
      const pushed = await pushAll(ctx);
      // Photos after the records that refer to them, one at a time; a network failure ends the round. A
      // server error on a photo still lets the pull run (one bad photo must not stop the device
      // receiving), then fails the round so it is retried with backoff.
      const photoFailure = await uploadPendingAttachments(attachments, userId).then(
        () => null,
        (error: unknown) => {
          if (error instanceof SyncFailure && error.kind === 'server_error') return error;
          throw error;
        },
      );
      cell.set({ unsent: await countUnsent(db, userId) });
      await pullAll({ db, http, userId, lingering });
      // Changes written while pulling (this tab or another) go out in the same round.
      if ((await pendingEntries(db, pushed.clientId, 1)).length > 0) {
        await pushAll({ ...ctx, clientId: pushed.clientId });
        await uploadPendingAttachments(attachments, userId);
      }
      if (photoFailure) throw photoFailure;
      await writeLastSyncAt(db, now().toISOString());
    } finally {
      // Confirmed rows no pull rewrote (a failed pull or push, records it did not send) stop showing as
      // unsent. A failure here leaves them marked until a pull rewrites them; it must not hide the round's.
      await dropSettledBases(db, [...lingering]).catch(() => undefined);
    }
  }

  function fail(error: unknown): void {
    const kind =
      error instanceof SyncFailure
        ? error.kind
        : error instanceof StorageQuotaError
          ? 'storage_full'
          : 'unknown';
    if (!(error instanceof SyncFailure)) console.error('Sync failed', error);
    if (kind === 'session_expired') {
      // Never retried by a timer: only a sign-in (resume) lifts it, so a 401 cannot become a loop.
      paused = true;
      clearTimer();
      cell.set({ state: 'paused-signed-out', problem: problem('session_expired') });
      options.onSessionExpired?.();
      return;
    }
    if (kind === 'offline') {
      cell.set({ state: 'offline', problem: problem('offline') });
      if (cell.get().unsent > 0) options.requestBackgroundSync?.();
      return; // the `online` event starts the next sync
    }
    const code: SyncProblem['code'] =
      kind === 'cursor_expired' || kind === 'sequence_gap' ? 'server_error' : kind;
    if (NO_RETRY.has(code)) {
      cell.set({ state: 'error', problem: problem(code) });
      return;
    }
    let delay = backoffDelay(attempt++, random);
    if (error instanceof SyncFailure && error.details.retryAfterMs)
      delay = Math.max(delay, error.details.retryAfterMs);
    if (code === 'unreachable' && cell.get().unsent > 0) options.requestBackgroundSync?.();
    cell.set({ state: 'error', problem: problem(code, delay) });
    schedule(delay);
  }

  async function runOnce(explicit: boolean): Promise<SyncStatus> {
    const user = await currentUser();
    if (!user) {
      cell.set({ state: 'paused-signed-out', problem: problem('signed_out'), unsent: 0 });
      return cell.get();
    }
    if (paused) return cell.get();
    await refresh();
    if (!isOnline()) {
      fail(new SyncFailure('offline', 'offline'));
      return cell.get();
    }
    cell.set({ state: 'syncing' });
    try {
      await runExclusive(options.locks ?? null, async (contended) => {
        if (contended) {
          // The wait may have been long: the user may have signed out (or another signed in) meanwhile.
          const still = await currentUser();
          if (paused || stopped || still?.id !== user.id) return;
          // Another tab has just synced the same database: unless the user asked, or something was
          // written since that tab last read the outbox, this tab has nothing to add.
          if (!explicit && (await countUnsent(db, user.id)) === 0) return;
        }
        await round(user.id);
        attempt = 0;
      });
      // A sign-out while waiting has already said so (pause); "idle" would hide it.
      if (!paused) cell.set({ state: 'idle', problem: null });
    } catch (error) {
      fail(error);
    }
    await refresh().catch(() => undefined);
    return cell.get();
  }

  function run(explicit = false): Promise<SyncStatus> {
    if (stopped) return Promise.resolve(cell.get());
    if (running) {
      if (!explicit) {
        again = true;
        return running;
      }
      // "Sync now" during this tab's own run: that run may have read the outbox before the latest
      // change, so a full run follows it, and the caller gets that run's outcome.
      queued ??= running.catch(() => undefined).then(() => ((queued = null), run(true)));
      return queued;
    }
    clearTimer();
    running = runOnce(explicit).finally(() => {
      running = null;
      if (again && !paused) {
        again = false;
        schedule(0);
      }
    });
    return running;
  }

  return {
    ...files,
    status: () => cell.get(),
    subscribe: (listener) => cell.subscribe(listener),
    syncNow: () => {
      attempt = 0;
      return run(true);
    },
    requestSync: (delayMs = 0) => schedule(delayMs),
    resume: () => {
      paused = false;
      attempt = 0;
      cell.set({ state: 'idle', problem: null });
      return run(true);
    },
    pause: () => {
      paused = true;
      clearTimer();
      cell.set({ state: 'paused-signed-out', problem: problem('signed_out') });
    },
    refresh,
    stop: () => {
      stopped = true;
      clearTimer();
    },
  };
}
