// Column mappings a user saved on the import page, kept in the `meta` table under one key so a city's
// monthly export can be imported again without choosing every column anew.
import type { ColumnMapping, StatusMapping } from '../domain/permits/import/targets';
import type { HoldfastDatabase } from './database';
import type { MetaRow } from './meta';

export interface SavedMapping {
  /** What the user called it ("Burlington open data"); unique, saving under a name replaces it. */
  name: string;
  /** Field → column header. */
  mapping: ColumnMapping;
  statuses: StatusMapping;
  savedAt: string;
}

const KEY = 'savedPermitMappings';

// The meta table is typed by MetaValues (meta.ts); this key is this file's own.
type Row = { key: typeof KEY; value: SavedMapping[] };

/** The saved mappings, by name. */
export async function listSavedMappings(db: HoldfastDatabase): Promise<SavedMapping[]> {
  const row = (await db.meta.get(KEY)) as unknown as Row | undefined;
  const list = Array.isArray(row?.value) ? row.value : [];
  return [...list].sort((a, b) => a.name.localeCompare(b.name));
}

/** Saves (or replaces, by name) a mapping, in one transaction so two tabs cannot lose each other's. */
export function saveMapping(db: HoldfastDatabase, saved: SavedMapping): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const others = (await listSavedMappings(db)).filter((m) => m.name !== saved.name);
    await db.meta.put({ key: KEY, value: [...others, saved] } as unknown as MetaRow);
  });
}

export function deleteSavedMapping(db: HoldfastDatabase, name: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const others = (await listSavedMappings(db)).filter((m) => m.name !== name);
    await db.meta.put({ key: KEY, value: others } as unknown as MetaRow);
  });
}
