// Live facts for the sync status and the inboxes, read from Dexie so every tab shows the same numbers.
import {
  countOpenConflicts,
  countRejections,
  countUnsent,
  readLastSyncAt,
  type HoldfastDatabase,
} from '../../storage';
import { useCachedSession } from '../hooks/use-cached-session';
import { useLiveQuery } from '../hooks/use-live-query';
import { useAppStore } from '../store/use-app-store';

export interface SyncFacts {
  unsent: number;
  rejections: number;
  conflicts: number;
  lastSyncAt: string | null;
}

async function read(db: HoldfastDatabase, userId: string | null): Promise<SyncFacts> {
  return {
    unsent: userId ? await countUnsent(db, userId) : 0,
    rejections: userId ? await countRejections(db, userId) : 0,
    conflicts: await countOpenConflicts(db),
    lastSyncAt: await readLastSyncAt(db),
  };
}

export function useDatabase(): HoldfastDatabase | null {
  return useAppStore((state) => (state.storage.state === 'ready' ? state.storage.db : null));
}

export function useSyncFacts(): SyncFacts | undefined {
  const db = useDatabase();
  const userId = useCachedSession()?.user.id ?? null;
  return useLiveQuery(() => (db ? read(db, userId) : undefined), [db, userId]);
}
