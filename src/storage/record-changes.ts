// Which records changed since a cache last looked, from Dexie's own change notifications
// ("storagemutated": fired after every committed write, in this tab and, through a BroadcastChannel, in the
// other tabs of the app). A cache that holds thousands of records (a run's attempts) re-reads only the
// ids named here instead of its whole index range. Writes Dexie reports as a range (a bulk write of 50 or
// more records, a delete by range, a clear) are reported as "everything": the cache reads it all again.
import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { HoldfastDatabase } from './database';

export interface RecordChanges {
  /** The ids of records written since the last call, or 'everything' when they cannot be told apart. */
  take(): Set<string> | 'everything';
}

interface Tracker {
  ids: Set<string>;
  everything: boolean;
  limit: number;
}

const trackersByDatabase = new Map<string, Set<Tracker>>();
let listening = false;

/** The single keys of a range set, or null when it holds a real range (or is too large to walk). */
function pointKeys(tree: IntervalTree, limit: number): string[] | null {
  const keys: string[] = [];
  const stack: (IntervalTree | null | undefined)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !('from' in node)) continue;
    if (node.from !== node.to || typeof node.from !== 'string') return null;
    keys.push(node.from);
    if (keys.length > limit) return null;
    stack.push(node.l, node.r);
  }
  return keys;
}

function onMutated(parts: ObservabilitySet): void {
  for (const [name, trackers] of trackersByDatabase) {
    const part = parts[`idb://${name}/records/`];
    if (!part) continue;
    for (const tracker of trackers) {
      if (tracker.everything) continue;
      const keys = pointKeys(part, tracker.limit);
      if (keys === null) tracker.everything = true;
      else for (const key of keys) tracker.ids.add(key);
      if (tracker.ids.size > tracker.limit) {
        tracker.everything = true;
        tracker.ids.clear();
      }
    }
  }
}

/**
 * Starts noting the records written in `db` from now on. `limit`: past this many ids the tracker gives up
 * and reports everything (a large pull), so it never grows without bound.
 */
export function trackRecordChanges(db: HoldfastDatabase, limit = 1_000): RecordChanges {
  if (!listening) {
    Dexie.on('storagemutated', onMutated);
    listening = true;
  }
  const tracker: Tracker = { ids: new Set(), everything: false, limit };
  let trackers = trackersByDatabase.get(db.name);
  if (!trackers) trackersByDatabase.set(db.name, (trackers = new Set()));
  trackers.add(tracker);
  return {
    take() {
      const result = tracker.everything ? 'everything' : tracker.ids;
      tracker.ids = new Set();
      tracker.everything = false;
      return result;
    },
  };
}
