// Typed reasons the database could not be used; the UI turns each kind into a message from its catalog.

export type StorageProblemKind =
  /** The database was written by a newer version of Holdfast than this one. */
  | 'newer_version'
  /** Storage is unavailable: private mode, disabled by policy, quota, or a browser fault. */
  | 'unavailable';

export class StorageOpenError extends Error {
  override readonly name = 'StorageOpenError';

  constructor(
    readonly kind: StorageProblemKind,
    /** The browser's own error name (e.g. "InvalidStateError"), for the Device page and bug reports. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Holdfast storage could not be opened: ${kind} (${detail})`, options);
  }
}

/** True for the quota errors Dexie surfaces directly or wrapped in an AbortError. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as { inner?: unknown }).inner ?? e.cause) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

/** The disk (or the browser's share of it) is full: the write was rolled back, nothing was saved. */
export class StorageQuotaError extends Error {
  override readonly name = 'StorageQuotaError';

  constructor(options?: { cause?: unknown }) {
    super('The device has no room left for Holdfast data; nothing was saved.', options);
  }
}

/** Runs a write, turning a quota failure (however Dexie wraps it) into a StorageQuotaError. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageQuotaError({ cause: error });
    throw error;
  }
}
