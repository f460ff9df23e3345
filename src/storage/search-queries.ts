// Finding records by what a person types: a prefix of one of the kind's search terms, answered from the
// multi-entry index (search-index.ts) a page at a time, never by reading every record.
import { normalizeSearchText } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import { termKey } from './search-index';
import type { StoredRecord } from './sync-rows';

/**
 * Records of `kind` with a term starting with `text` (normalised as the kind normalises its terms), in
 * term order, skipping `offset`, at most `limit`. An empty text finds nothing: list the kind instead.
 */
export async function searchRecords(
  db: HoldfastDatabase,
  kind: string,
  text: string,
  { limit, offset = 0 }: { limit: number; offset?: number },
): Promise<StoredRecord[]> {
  const query = normalizeSearchText(text);
  if (!query) return [];
  return db.records
    .where('terms')
    .startsWith(termKey(kind, query))
    .distinct()
    .offset(offset)
    .limit(limit)
    .toArray();
}

/** Every record of `kind` carrying exactly this term (a facet such as "@permit=<id>"), from the index. */
export function recordsWithTerm(db: HoldfastDatabase, kind: string, term: string): Promise<StoredRecord[]> {
  return db.records.where('terms').equals(termKey(kind, term)).toArray();
}
