// The device's search index: every record row written to the records table carries `terms`, the words its
// kind is found by (RecordKind.searchTerms), each prefixed with the kind ("permit:1268 abbey crt"). A
// multi-entry index on them answers "records of this kind with a term starting with what was typed"
// without reading any other row. Computed here, in a Dexie middleware, so no write path can forget it.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { KindRegistry } from '../domain/sync/record-kinds';
import { RECORD_KINDS } from '../domain/sync/registered-kinds';
import type { StoredRecord } from './sync-rows';

/** The index key of one term of a kind. Search with the same prefix. */
export const termKey = (kind: string, term: string): string => `${kind}:${term}`;

/** The row as stored: with its terms when its kind has any and it is not deleted, without otherwise. */
export function withTerms(row: StoredRecord, kinds: KindRegistry = RECORD_KINDS): StoredRecord {
  const kind = kinds.get(row.kind);
  const terms = !row.deleted && kind?.searchTerms ? kind.searchTerms(row.fields) : [];
  if (terms.length === 0) {
    if (!('terms' in row)) return row;
    const { terms: _terms, ...rest } = row;
    return rest;
  }
  return { ...row, terms: terms.map((term) => termKey(row.kind, term)) };
}

function indexing(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const values = (req.values as StoredRecord[]).map((row) => withTerms(row));
      return table.mutate({ ...req, values } as DBCoreMutateRequest);
    },
  };
}

export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'holdfast-search-index',
  create: (down) => ({
    ...down,
    table: (name) => (name === 'records' ? indexing(down.table(name)) : down.table(name)),
  }),
};
