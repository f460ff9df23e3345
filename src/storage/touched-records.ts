// Loading the rows a set of outbox entries reads or writes, including a conflict's target record.
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { HoldfastDatabase } from './database';
import type { StoredRecord } from './sync-rows';

type EntryLike = Pick<OutboxEntry, 'name' | 'args'>;

/**
 * The stored rows the entries touch, by id. conflict.resolve names only the conflict; its record id is
 * inside the conflict, so that is read first (from `extra`, e.g. freshly pulled rows, or the table).
 */
export async function loadTouched(
  db: HoldfastDatabase,
  entries: readonly EntryLike[],
  extra: ReadonlyMap<string, StoredRecord> = new Map(),
): Promise<Map<string, StoredRecord>> {
  const rows = new Map<string, StoredRecord>();
  const fetch = async (ids: Iterable<string>) => {
    const wanted = [...new Set(ids)].filter((id) => !rows.has(id) && !extra.has(id));
    const found = await db.records.bulkGet(wanted);
    found.forEach((row) => row && rows.set(row.id, row));
  };
  await fetch(entries.flatMap((entry) => touchedIds(entry)));
  const all = () => ({ records: new Map([...rows, ...extra]) });
  await fetch(entries.flatMap((entry) => touchedIds(entry, all())));
  return rows;
}

/** Every id the entries touch, conflict targets included, given rows that hold the conflicts. */
export function touchedIdSet(
  entries: readonly EntryLike[],
  rows: ReadonlyMap<string, StoredRecord>,
): Set<string> {
  const state = { records: rows };
  return new Set(entries.flatMap((entry) => touchedIds(entry, state)));
}
