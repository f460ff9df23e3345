// The signed-in user cached on this device, read live from Dexie (undefined while loading, null if none).
import { readCachedSession, type CachedSession } from '../../storage';
import { useAppStore } from '../store/use-app-store';
import { useLiveQuery } from './use-live-query';

export function useCachedSession(): CachedSession | null | undefined {
  const db = useAppStore((state) => (state.storage.state === 'ready' ? state.storage.db : null));
  return useLiveQuery(() => (db ? readCachedSession(db) : null), [db]);
}
