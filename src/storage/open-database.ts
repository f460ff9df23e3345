// Opens the database for this tab: typed failures, versionchange handling, device id and wipe detection.
import { v7 as uuidv7 } from 'uuid';
import { HoldfastDatabase, SCHEMA_VERSION } from './database';
import { getMeta, setMeta } from './meta';
import { StorageOpenError } from './storage-errors';

/** Where the device id is mirrored outside IndexedDB, so a wiped database can be told from a new device. */
export interface KeyValueMirror {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const DEVICE_ID_MIRROR_KEY = 'holdfast.deviceId';

export interface OpenDatabaseOptions {
  name?: string;
  mirror?: KeyValueMirror | null;
  /** Another tab is holding an older version open; the open waits until it closes. */
  onBlocked?: () => void;
  /** Another tab upgraded or deleted the database; this connection has been closed for good. */
  onVersionChange?: () => void;
}

export interface OpenedDatabase {
  db: HoldfastDatabase;
  deviceId: string;
  /** The database had been cleared (by the browser or a user) since this device last used it. */
  wiped: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const db = new HoldfastDatabase(options.name);
  // Look before Dexie opens: Dexie 4 opens a higher-version database instead of failing, and may even
  // patch its schema to match ours, which would damage data a newer Holdfast wrote.
  const existing = await installedVersion(db.name);
  if (Math.floor(existing / 10) > SCHEMA_VERSION) {
    throw new StorageOpenError('newer_version', `native version ${existing}`);
  }
  db.on('blocked', () => options.onBlocked?.());
  db.on('versionchange', () => {
    // Dexie's default listener closes with auto-open still enabled, so a later query would reopen at a
    // version this build does not understand. Close for good, ask for a reload, and return false: it
    // stops Dexie's default listener (its listeners run newest first).
    db.close({ disableAutoOpen: true });
    options.onVersionChange?.();
    return false;
  });

  try {
    await db.open();
  } catch (error) {
    db.close({ disableAutoOpen: true });
    throw toOpenError(error);
  }

  // A newer tab may have upgraded between the look and the open.
  const nativeVersion = db.backendDB().version;
  if (Math.floor(nativeVersion / 10) > SCHEMA_VERSION) {
    db.close({ disableAutoOpen: true });
    throw new StorageOpenError('newer_version', `native version ${nativeVersion}`);
  }

  try {
    const { deviceId, wiped } = await ensureSentinel(db, options.mirror ?? null);
    return { db, deviceId, wiped };
  } catch (error) {
    db.close({ disableAutoOpen: true });
    throw toOpenError(error);
  }
}

/**
 * The database's native version without creating or changing it: 0 when it does not exist (the
 * creating upgrade is aborted, which leaves no database behind) or when IndexedDB cannot be asked
 * (Dexie's own open then reports the real failure).
 */
function installedVersion(name: string): Promise<number> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = globalThis.indexedDB.open(name);
    } catch {
      return resolve(0);
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(0);
    };
    request.onblocked = () => resolve(0);
  });
}

async function ensureSentinel(db: HoldfastDatabase, mirror: KeyValueMirror | null) {
  const result = await db.transaction('rw', db.meta, async () => {
    const sentinel = await getMeta(db, 'sentinel');
    if (sentinel) return { deviceId: sentinel.deviceId, wiped: false };
    // A wiped database gets a new device id: its outbox restarts at seq 1, and the server would treat
    // the old id's low sequence numbers as already applied.
    const deviceId = uuidv7();
    await setMeta(db, 'sentinel', { deviceId, createdAt: new Date().toISOString() });
    await setMeta(db, 'deviceId', deviceId);
    return { deviceId, wiped: readMirror(mirror) !== null };
  });
  if (readMirror(mirror) !== result.deviceId) writeMirror(mirror, result.deviceId);
  return result;
}

// localStorage can throw (SecurityError when storage is blocked); the mirror is a hint, never required.
function readMirror(mirror: KeyValueMirror | null): string | null {
  try {
    return mirror?.getItem(DEVICE_ID_MIRROR_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeMirror(mirror: KeyValueMirror | null, deviceId: string): void {
  try {
    mirror?.setItem(DEVICE_ID_MIRROR_KEY, deviceId);
  } catch {
    // Without the mirror a later wipe looks like a new device; that is the only cost.
  }
}

function toOpenError(error: unknown): StorageOpenError {
  if (error instanceof StorageOpenError) return error;
  const names = errorNames(error);
  const detail = names[names.length - 1] ?? 'UnknownError';
  if (names.includes('VersionError')) return new StorageOpenError('newer_version', detail, { cause: error });
  return new StorageOpenError('unavailable', detail, { cause: error });
}

// Dexie wraps the browser's error (OpenFailedError -> inner); collect the chain's names.
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e: unknown = error; e instanceof Error && names.length < 5; e = (e as { inner?: unknown }).inner) {
    names.push(e.name);
  }
  return names;
}
