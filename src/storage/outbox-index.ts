// The outbox's "touched" index: every outbox row carries `touched`, the ids of the records its entry reads
// or writes (touchedIds in the domain: the record itself, and the parent an entry acts on, such as the
// permit a status change moves). A multi-entry index on it answers "which pending entries touch these
// records" when a push is settled or a page is pulled, without reading the whole outbox. Filled here, in
// a Dexie middleware, so no write path can forget it; toOutboxEntry() leaves it out of what is sent.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { OutboxRow } from './sync-rows';

/** conflict.resolve names only its conflict here; its record is found through the conflict (see touched-records). */
export function withTouched(row: OutboxRow): OutboxRow {
  return { ...row, touched: touchedIds(row) };
}

function indexing(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const values = (req.values as OutboxRow[]).map(withTouched);
      return table.mutate({ ...req, values } as DBCoreMutateRequest);
    },
  };
}

export const outboxIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'holdfast-outbox-index',
  create: (down) => ({
    ...down,
    table: (name) => (name === 'outbox' ? indexing(down.table(name)) : down.table(name)),
  }),
};
