// The key-value `meta` table: device identity, the wipe sentinel and the cached session.
import type { UserProfile } from '../domain/users';
import type { HoldfastDatabase } from './database';

/**
 * The signed-in user's session as the server last described it. It has the same shape as
 * `SessionInfo` in src/protocol/api.ts; it is restated here because src/storage may not import protocol.
 */
export interface CachedSession {
  user: UserProfile;
  session: { expiresAt: string; idleTimeoutSeconds: number };
}

/** Written once when this device's database is created; its absence later means the data was wiped. */
export interface Sentinel {
  deviceId: string;
  createdAt: string;
}

/** The outbox sequence of each user on this device: their client id and the next seq to hand out. */
export type SyncClients = Record<string, { clientId: string; nextSeq: number }>;

/** The server's opaque pull cursor, for the user whose view of the records it describes. */
export interface SyncCursor {
  userId: string;
  cursor: string;
}

/** A full resync in progress: rows it delivers get `epoch`; at its end, rows from older epochs go. */
export interface ResyncState {
  epoch: number;
  active: boolean;
}

export interface MetaValues {
  deviceId: string;
  sentinel: Sentinel;
  currentUser: CachedSession;
  syncClients: SyncClients;
  syncCursor: SyncCursor;
  /** Device time of the last sync that pushed and pulled everything. */
  lastSyncAt: string;
  resync: ResyncState;
  /** Per client id, the highest seq whose push answer was settled (see StoredRecord.stamp in sync-rows). */
  settledSeqs: Record<string, number>;
}

export type MetaKey = keyof MetaValues;

export type MetaRow = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

export async function getMeta<K extends MetaKey>(
  db: HoldfastDatabase,
  key: K,
): Promise<MetaValues[K] | null> {
  const row = await db.meta.get(key);
  return row ? (row.value as MetaValues[K]) : null;
}

export async function setMeta<K extends MetaKey>(
  db: HoldfastDatabase,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value } as MetaRow);
}
