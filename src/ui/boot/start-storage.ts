// Opens the database at start-up and keeps the store's storage status in step with it.
import { DEVICE_ID_MIRROR_KEY, openDatabase, StorageOpenError, type KeyValueMirror } from '../../storage';
import { appStore } from '../store/app-store';

// localStorage itself can throw on access (storage disabled); the mirror is optional.
function localStorageMirror(): KeyValueMirror | null {
  try {
    localStorage.getItem(DEVICE_ID_MIRROR_KEY);
    return localStorage;
  } catch {
    return null;
  }
}

export async function startStorage(): Promise<void> {
  const { set } = appStore.getState();
  set({ storage: { state: 'opening' } });
  try {
    const opened = await openDatabase({
      mirror: localStorageMirror(),
      onBlocked: () => set({ storage: { state: 'blocked' } }),
      onVersionChange: () => set({ storage: { state: 'closed' } }),
    });
    set({ storage: { state: 'ready', ...opened } });
  } catch (error) {
    const problem =
      error instanceof StorageOpenError
        ? error
        : new StorageOpenError('unavailable', String(error), { cause: error });
    console.error('Holdfast storage failed to open', error);
    set({ storage: { state: 'failed', kind: problem.kind, detail: problem.detail } });
  }
}
