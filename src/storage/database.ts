// The Holdfast IndexedDB database: one Dexie class that declares every schema version, oldest first.
import { Dexie, type Table } from 'dexie';
import type { MetaRow } from './meta';

export const DATABASE_NAME = 'holdfast';

/**
 * The newest schema version this build declares. IndexedDB stores it multiplied by ten (Dexie's
 * convention), so a database written by schema version 2 has a native version of 20.
 */
export const SCHEMA_VERSION = 1;

export class HoldfastDatabase extends Dexie {
  meta!: Table<MetaRow, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // GUARD: never edit a version once it has shipped; devices in the field hold data in that shape.
    // To change the schema, add `this.version(N + 1).stores({...}).upgrade(...)` below, bump
    // SCHEMA_VERSION, and test the upgrade from a real version-N database holding pending outbox entries.
    // Tables still to come (sync issue): `outbox` ('++seq' or '&seq'), record tables, `conflicts`, `rejections`.
    this.version(1).stores({
      meta: '&key',
    });
  }
}
