// Reads of the Permits area, all answered from indexes so they stay fast with 100,000 permits on the device:
// the list (see PermitSelection: native counts and offset/limit on one index range wherever possible), and
// a permit's status events and fees.
import { normalizeSearchText } from '../domain/sync/search-text';
import { facetTerm } from '../domain/permits/search-terms';
import type { HoldfastDatabase } from './database';
import { termKey } from './search-index';
import { recordsWithTerm } from './search-queries';
import { toRecordView as view, type RecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';

const PERMIT = 'permit';

/** What the list is narrowed to; empty or missing parts do not narrow. */
export interface PermitFilter {
  /** A number (official or provisional), address, applicant or contractor, as typed. */
  text?: string;
  status?: string;
  /** A permit type as entered (normalised like the index). */
  type?: string;
  /** Application date range, YYYY-MM-DD, both ends included. */
  appliedFrom?: string;
  appliedTo?: string;
}

/**
 * The permits a filter selects, in one of three shapes, each read a page at a time:
 * - `all` (no filter): the live count, pages from the [kind+updatedAt] index, newest change first;
 * - `range` (one status, type or date filter): one facet range of the terms index, counted and paged
 *   natively (each live permit has one term per facet, so no duplicates), newest first;
 * - `ids` (a search, or several filters): the matching ids, at most MAX_MATCHES of them (`truncated`
 *   says there are more: the person types more or adds a filter).
 */
export type PermitSelection =
  | { mode: 'all'; count: number; tombstones: number }
  | { mode: 'range'; count: number; constraint: Constraint }
  | { mode: 'ids'; count: number; ids: string[]; truncated: boolean };

/** The most matches a search or a combination of filters lists. */
export const MAX_MATCHES = 2_000;

const terms = (db: HoldfastDatabase) => db.records.where('terms');

/** One part of a filter: an index range of terms, and the same test on a row's own terms. */
export interface Constraint {
  lower: string;
  upper: string;
  /** Whether a permit has at most one term in the range (a facet), so the range has no duplicates. */
  facet: boolean;
}

const rangeOf = (db: HoldfastDatabase, c: Constraint) => terms(db).between(c.lower, c.upper, true, true);

const rowMatches = (row: StoredRecord, c: Constraint) =>
  (row.terms ?? []).some((term) => term >= c.lower && term <= c.upper);

/** Every live permit has exactly one status facet term, so counting them counts live permits natively. */
function countLivePermits(db: HoldfastDatabase): Promise<number> {
  return terms(db)
    .startsWith(termKey(PERMIT, facetTerm('status', '')))
    .count();
}

const byUpdated = (db: HoldfastDatabase) =>
  db.records.where('[kind+updatedAt]').between([PERMIT, ''], [PERMIT, '\uffff']);

function constraintsOf(filter: PermitFilter): { text: Constraint | null; facets: Constraint[] } {
  const exact = (term: string): Constraint => {
    const key = termKey(PERMIT, term);
    return { lower: key, upper: key, facet: true };
  };
  const query = normalizeSearchText(filter.text ?? '');
  const text = query
    ? { lower: termKey(PERMIT, query), upper: `${termKey(PERMIT, query)}\uffff`, facet: false }
    : null;
  const facets: Constraint[] = [];
  if (filter.status) facets.push(exact(facetTerm('status', filter.status)));
  const type = normalizeSearchText(filter.type ?? '');
  if (type) facets.push(exact(facetTerm('type', type)));
  if (filter.appliedFrom || filter.appliedTo)
    facets.push({
      lower: termKey(PERMIT, facetTerm('applied', filter.appliedFrom ?? '')),
      upper: termKey(PERMIT, facetTerm('applied', filter.appliedTo ?? '\uffff')),
      facet: true,
    });
  return { text, facets };
}

export async function selectPermits(db: HoldfastDatabase, filter: PermitFilter): Promise<PermitSelection> {
  const { text, facets } = constraintsOf(filter);
  const all = text ? [text, ...facets] : facets;
  if (all.some((c) => c.lower > c.upper)) return { mode: 'ids', count: 0, ids: [], truncated: false };
  if (all.length === 0) {
    const [count, indexed] = await Promise.all([countLivePermits(db), byUpdated(db).count()]);
    return { mode: 'all', count, tombstones: indexed - count };
  }
  if (!text && facets.length === 1) {
    const constraint = facets[0]!;
    return { mode: 'range', count: await rangeOf(db, constraint).count(), constraint };
  }
  // Drive by the smallest range (a search usually is); test the other parts on each row's own terms.
  const counts = await Promise.all(all.map((c) => rangeOf(db, c).count()));
  const order = all.map((c, i) => ({ c, n: counts[i]! })).sort((a, b) => a.n - b.n);
  const driver = text && counts[0]! <= order[0]!.n * 4 ? text : order[0]!.c;
  const others = all.filter((c) => c !== driver);
  let ids: string[];
  let truncated: boolean;
  if (others.length === 0) {
    // A search alone: keys only. A permit may match by several terms; keep its first (term order).
    const keys = await rangeOf(db, driver)
      .limit(MAX_MATCHES * 4)
      .primaryKeys();
    ids = [...new Set(keys)];
    truncated = ids.length > MAX_MATCHES || keys.length === MAX_MATCHES * 4;
  } else {
    const seen = new Set<string>();
    const rows = await rangeOf(db, driver)
      .filter((row) => {
        if (seen.has(row.id) || !others.every((c) => rowMatches(row, c))) return false;
        seen.add(row.id);
        return true;
      })
      .limit(MAX_MATCHES + 1)
      .toArray();
    ids = rows.map((row) => row.id);
    truncated = ids.length > MAX_MATCHES;
  }
  ids = ids.slice(0, MAX_MATCHES);
  // Filters without a search list newest first (device ids are UUIDv7: id order is creation order).
  if (!text) ids.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return { mode: 'ids', count: ids.length, ids, truncated };
}

/**
 * The first `limit` rows a filter lists, read without counting anything, so the list can show its first
 * rows while the count (a walk of the whole index range: tens of milliseconds over 100,000 permits) is
 * still running. The same rows, in the same order, as readPermitPage(selectPermits(filter), 0, limit).
 * Null for a search or several filters: their order comes from the selection itself.
 */
export async function readFirstPermits(
  db: HoldfastDatabase,
  filter: PermitFilter,
  limit: number,
): Promise<RecordView[] | null> {
  const { text, facets } = constraintsOf(filter);
  if (text || facets.length > 1) return null;
  const facet = facets[0];
  if (facet) {
    if (facet.lower > facet.upper) return [];
    return (await rangeOf(db, facet).reverse().limit(limit).toArray()).map(view);
  }
  // One getAll of `limit` rows (a cursor would cost a round trip per row); if tombstones took places,
  // read again, wider, until there are `limit` live rows or no more rows.
  let want = limit;
  for (;;) {
    const rows = await byUpdated(db).reverse().limit(want).toArray();
    const live = rows.filter((row) => !row.deleted);
    if (live.length >= limit || rows.length < want) return live.slice(0, limit).map(view);
    want += Math.max(limit, want - live.length);
  }
}

/** Rows `offset` to `offset + limit` of a selection, for the rows of the list on screen. */
export async function readPermitPage(
  db: HoldfastDatabase,
  selection: PermitSelection,
  offset: number,
  limit: number,
): Promise<RecordView[]> {
  if (selection.mode === 'ids') {
    const rows = await db.records.bulkGet(selection.ids.slice(offset, offset + limit));
    return rows.filter((row): row is StoredRecord => !!row && !row.deleted).map(view);
  }
  if (selection.mode === 'range') {
    const rows = await rangeOf(db, selection.constraint).reverse().offset(offset).limit(limit).toArray();
    return rows.map(view);
  }
  // Deleted permits keep a row in the index: skip them in JS only when there are any (rarely).
  const query = byUpdated(db).reverse();
  const rows =
    selection.tombstones > 0
      ? await query
          .filter((row) => !row.deleted)
          .offset(offset)
          .limit(limit)
          .toArray()
      : await query.offset(offset).limit(limit).toArray();
  return rows.map(view);
}

/** A term naming the permit a child record belongs to (status events, fees, inspections, results). */
export const permitRefTerm = (permitId: string): string => facetTerm('permit', permitId);

/** The live records of `kind` that belong to a permit (fields.permitId), from the search index. */
export async function listPermitChildren(
  db: HoldfastDatabase,
  kind: string,
  permitId: string,
): Promise<RecordView[]> {
  const rows = await recordsWithTerm(db, kind, permitRefTerm(permitId));
  return rows
    .filter((row) => !row.deleted)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map(view);
}

/** The status events of a permit, oldest first. */
export function listStatusEvents(db: HoldfastDatabase, permitId: string): Promise<RecordView[]> {
  return listPermitChildren(db, 'permit_status_event', permitId);
}

/** The current entry of each fee of a permit: the entries no later entry supersedes, oldest fee first. */
export async function listCurrentFees(db: HoldfastDatabase, permitId: string): Promise<RecordView[]> {
  const entries = await listPermitChildren(db, 'permit_fee', permitId);
  const superseded = new Set(
    entries.map((entry) => entry.fields.supersedes).filter((id) => typeof id === 'string'),
  );
  return entries.filter((entry) => !superseded.has(entry.id));
}

/** Totals of current fees in cents: still owed, and paid. */
export function feeTotals(fees: readonly RecordView[]): { dueCents: number; paidCents: number } {
  let dueCents = 0;
  let paidCents = 0;
  for (const fee of fees) {
    const amount = typeof fee.fields.amountCents === 'number' ? fee.fields.amountCents : 0;
    if (fee.fields.status === 'due') dueCents += amount;
    else if (fee.fields.status === 'paid') paidCents += amount;
  }
  return { dueCents, paidCents };
}

/** The permit types on the device (normalised, as the type filter takes them), from the index's keys. */
export async function listPermitTypes(db: HoldfastDatabase): Promise<string[]> {
  const prefix = termKey(PERMIT, facetTerm('type', ''));
  const keys = await terms(db).startsWith(prefix).uniqueKeys();
  return keys.map((key) => String(key).slice(prefix.length));
}
