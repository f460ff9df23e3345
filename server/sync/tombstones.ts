// Tombstone retention: deleted records are kept so every device learns of the delete, then purged after
// TOMBSTONE_RETENTION_DAYS. Purging raises the horizon; a device whose cursor is older gets a full resync.
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/storage';

const DAY_MS = 24 * 3_600_000;

export async function purgeTombstones(
  storage: Storage,
  config: Pick<ServerConfig, 'now' | 'tombstoneRetentionDays'>,
): Promise<{ removed: number; horizon: number }> {
  const before = new Date(config.now().getTime() - config.tombstoneRetentionDays * DAY_MS);
  return storage.transaction((tx) => tx.sync.purgeTombstones(before));
}
