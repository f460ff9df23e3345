// Persistent storage and quota, for the Device page; every API here may be missing in some browsers.

export type PersistenceState = 'granted' | 'not_granted' | 'unsupported';

export interface StorageEstimateInfo {
  usage: number;
  quota: number;
}

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

export async function persistenceState(): Promise<PersistenceState> {
  const storage = storageManager();
  if (!storage || typeof storage.persisted !== 'function') return 'unsupported';
  try {
    return (await storage.persisted()) ? 'granted' : 'not_granted';
  } catch {
    return 'unsupported';
  }
}

/** Asks the browser to keep this site's data under storage pressure. Browsers may decide silently. */
export async function requestPersistence(): Promise<PersistenceState> {
  const storage = storageManager();
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    return (await storage.persist()) ? 'granted' : 'not_granted';
  } catch {
    return 'not_granted';
  }
}

export async function storageEstimate(): Promise<StorageEstimateInfo | null> {
  const storage = storageManager();
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
