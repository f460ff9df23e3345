// The Holdfast IndexedDB database: one Dexie class that declares every schema version, oldest first.
import { Dexie, type Table } from 'dexie';
import type { AttachmentRow } from './attachments';
import type { MetaRow } from './meta';
import { RECORD_KINDS } from '../domain/sync/registered-kinds';
import { outboxIndexMiddleware, withTouched } from './outbox-index';
import { searchIndexMiddleware, withTerms } from './search-index';
import type { OutboxRow, RejectionRow, StoredRecord } from './sync-rows';

export const DATABASE_NAME = 'holdfast';

/**
 * The newest schema version this build declares. IndexedDB stores it multiplied by ten (Dexie's
 * convention), so a database written by schema version 2 has a native version of 20.
 */
export const SCHEMA_VERSION = 5;

export class HoldfastDatabase extends Dexie {
  meta!: Table<MetaRow, string>;
  records!: Table<StoredRecord, string>;
  outbox!: Table<OutboxRow, [string, number]>;
  rejections!: Table<RejectionRow, [string, number]>;
  attachments!: Table<AttachmentRow, string>;

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
    // Version 3: two indexes derived from each row by middleware, so that no write path can forget them.
    // - outbox `*touched`: the records each entry reads or writes (touchedIds: the record, and the parent
    //   an entry acts on), so settling a push or replaying over pulled records finds the pending entries
    //   on those records without reading the whole outbox; `args.conflictId` lists conflict resolutions,
    //   whose target record is inside their conflict (outbox-index.ts, touched-records.ts).
    // - records `*terms`: the words a record is found by (search-index.ts, search-queries.ts).
    // The upgrade fills both on the rows a version-2 database already holds.
    // - attachments: photos and other files records refer to by id (attachments.ts).
    this.version(3)
      .stores({
        outbox: '&[clientId+seq], clientId, userId, *touched, args.conflictId',
        records: '&id, kind, dept, rev, [kind+updatedAt], [kind+dept], *terms',
        attachments: '&id, state, createdAt',
      })
      .upgrade(async (tx) => {
        await tx
          .table('outbox')
          .toCollection()
          .modify((row: OutboxRow) => {
            row.touched = withTouched(row).touched;
          });
        const indexed = RECORD_KINDS.names().filter((kind) => RECORD_KINDS.get(kind)?.searchTerms);
        await tx
          .table('records')
          .where('kind')
          .anyOf(indexed)
          .modify((row: StoredRecord) => {
            const terms = withTerms(row).terms;
            if (terms) row.terms = terms;
          });
      });
    // Version 4: records drop two indexes no query needs, so every record write keeps two fewer index
    // entries up to date. Nothing reads by `rev`; `where('kind')` is served by Dexie's virtual index on
    // the first part of `[kind+updatedAt]` (every record has a kind and an updatedAt, so none is left out).
    // Dropping an index keeps the rows as they are: no upgrade function.
    this.version(4).stores({
      records: '&id, dept, [kind+updatedAt], [kind+dept], *terms',
    });
    // Version 5: the same stores. Rows with unconfirmed changes now carry a `stamp`, and a push's settled
    // rows may keep a `base` that meta `settledSeqs` marks as stale (sync-rows.ts settledView). A tab still
    // running a build from before would take that stale `base` for the server's version, so the version
    // moves on: such tabs get `versionchange`, close the database and ask to be reloaded. Rows from
    // version 4 have no stamp and are settled as before (rewritten): no upgrade function.
    this.version(5).stores({});
    this.use(searchIndexMiddleware);
    this.use(outboxIndexMiddleware);
  }
}
