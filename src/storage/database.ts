// The Holdfast IndexedDB database: one Dexie class that declares every schema version, oldest first.
import { Dexie, type Table } from 'dexie';
import type { MetaRow } from './meta';
import type { OutboxRow, RejectionRow, StoredRecord } from './sync-rows';

export const DATABASE_NAME = 'holdfast';

/**
 * The newest schema version this build declares. IndexedDB stores it multiplied by ten (Dexie's
 * convention), so a database written by schema version 2 has a native version of 20.
 */
export const SCHEMA_VERSION = 2;

export class HoldfastDatabase extends Dexie {
  meta!: Table<MetaRow, string>;
  records!: Table<StoredRecord, string>;
  outbox!: Table<OutboxRow, [string, number]>;
  rejections!: Table<RejectionRow, [string, number]>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: a write is reported done only once it is on disk, so a power cut right after
    // "Saved" cannot lose the change or its outbox entry (Chromium defaults to relaxed).
    super(name, { chromeTransactionDurability: 'strict' });
    // GUARD: never edit a version once it has shipped; devices in the field hold data in that shape.
    // To change the schema, add `this.version(N + 1).stores({...}).upgrade(...)` below, bump
    // SCHEMA_VERSION, and test the upgrade from a real version-N database holding pending outbox entries.
    this.version(1).stores({
      meta: '&key',
    });
    // Version 2: synced records, the outbox and the "Needs attention" inbox. Outbox and rejections are
    // keyed by [clientId+seq]: each user on a device has their own gap-free sequence (see outbox.ts).
    this.version(2).stores({
      records: '&id, kind, dept, rev, [kind+updatedAt], [kind+dept]',
      outbox: '&[clientId+seq], clientId, userId',
      rejections: '&[clientId+seq], userId, rejectedAt',
    });
  }
}
