// Reads of the Contacts area, answered from the search index (search-index.ts) so they stay fast with
// thousands of contacts: the list in name order ("@name=" terms), a search by name words, position or
// phone, contacts not verified since a date (a key range over "@verified="), and the possible duplicates
// of a contact being entered (the same "@name=" key or the same "@phone=").
import { nameKey, nameTerm, phoneTerm, verifiedTerm } from '../domain/contacts/contact-kinds';
import { facetTerm, normalizeSearchText } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import type { MetaRow } from './meta';
import { termKey } from './search-index';
import { toRecordView as view, type RecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';

const CONTACT = 'contact';

/** The most matches a search lists (the person types more to narrow it). */
export const MAX_CONTACT_MATCHES = 2_000;

const terms = (db: HoldfastDatabase) => db.records.where('terms');

export interface ContactFilter {
  /** Name words, a position, or a phone number's digits, as typed. */
  text?: string;
  /** Only contacts last verified before this day (YYYY-MM-DD), never verified included. */
  verifiedBefore?: string;
  /**
   * Calling codes tried for digits typed without "+" ("802 555" finds "+1802555…" when this holds "1").
   * The screens pass the deployment's; without it only "+<digits>" is tried.
   */
  callingCodes?: readonly string[];
}

/** The ids a filter selects, in list order, and whether there were more than MAX_CONTACT_MATCHES. */
export interface ContactSelection {
  ids: string[];
  truncated: boolean;
}

/** The digits of a typed phone number, when the text is one ("(802) 555-01", "+1 802"); else null. */
export function phoneDigits(text: string): string | null {
  if (!/^[\d\s()+.\-/]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}

const prefixRange = (db: HoldfastDatabase, term: string) =>
  terms(db).between(termKey(CONTACT, term), `${termKey(CONTACT, term)}\uffff`, true, true);

/** Contacts verified before `day` (or never), oldest verification first: one key range. */
const staleRange = (db: HoldfastDatabase, day: string) =>
  terms(db).between(termKey(CONTACT, verifiedTerm('')), termKey(CONTACT, verifiedTerm(day)), true, false);

const hasStaleTerm = (row: StoredRecord, day: string) => {
  const lower = termKey(CONTACT, verifiedTerm(''));
  const upper = termKey(CONTACT, verifiedTerm(day));
  return (row.terms ?? []).some((term) => term >= lower && term < upper);
};

const byName = (a: StoredRecord, b: StoredRecord) =>
  nameKey(a.fields.name).localeCompare(nameKey(b.fields.name)) || a.id.localeCompare(b.id);

/**
 * The contacts a filter selects. No filter: every live contact in name order (each has one "@name="
 * term, so the range's keys are the list). "Needs checking" alone: the "@verified=" range, oldest first.
 * A search: the matching terms' rows (name words, position, or "@phone=" prefixes), in name order.
 */
export async function selectContacts(db: HoldfastDatabase, filter: ContactFilter): Promise<ContactSelection> {
  const typed = (filter.text ?? '').trim();
  const stale = filter.verifiedBefore || '';
  if (!typed) {
    const range = stale ? staleRange(db, stale) : prefixRange(db, facetTerm('name', ''));
    const ids = await range.primaryKeys();
    return { ids: ids.slice(0, MAX_CONTACT_MATCHES), truncated: ids.length > MAX_CONTACT_MATCHES };
  }
  const digits = phoneDigits(typed);
  const ranges = digits
    ? [
        ...new Set([
          `+${digits}`,
          ...(typed.startsWith('+') ? [] : (filter.callingCodes ?? []).map((code) => `+${code}${digits}`)),
        ]),
      ].map((number) => prefixRange(db, phoneTerm(number)))
    : [normalizeSearchText(typed)].filter(Boolean).map((query) => prefixRange(db, query));
  const seen = new Map<string, StoredRecord>();
  for (const range of ranges) {
    const rows = await range
      .filter((row) => !seen.has(row.id) && (!stale || hasStaleTerm(row, stale)))
      .limit(MAX_CONTACT_MATCHES + 1)
      .toArray();
    for (const row of rows) seen.set(row.id, row);
  }
  const rows = [...seen.values()].sort(byName);
  return {
    ids: rows.slice(0, MAX_CONTACT_MATCHES).map((row) => row.id),
    truncated: rows.length > MAX_CONTACT_MATCHES,
  };
}

/** The live contacts of ids[offset .. offset + limit], in that order (rows for the list on screen). */
export async function readContacts(
  db: HoldfastDatabase,
  ids: readonly string[],
  offset = 0,
  limit = ids.length,
): Promise<RecordView[]> {
  const rows = await db.records.bulkGet(ids.slice(offset, offset + limit));
  return rows.filter((row): row is StoredRecord => !!row && !row.deleted && row.kind === CONTACT).map(view);
}

/** How many live contacts the device holds (one "@name=" term each). */
export function countContacts(db: HoldfastDatabase): Promise<number> {
  return prefixRange(db, facetTerm('name', '')).count();
}

/** Contacts not verified on or after `day` (never verified first, then oldest), at most `limit`. */
export async function listStaleContacts(
  db: HoldfastDatabase,
  day: string,
  limit = MAX_CONTACT_MATCHES,
): Promise<RecordView[]> {
  return (await staleRange(db, day).limit(limit).toArray()).map(view);
}

/** A possible duplicate of a contact being entered, and why: the same name, or the same number. */
export interface PossibleDuplicate {
  contact: RecordView;
  reason: 'name' | 'phone';
  /** The shared number (E.164) when the reason is a phone. */
  phone?: string;
}

/**
 * Contacts that may be the one being entered: the same name (as nameKey normalises it) or any of the
 * same phone numbers (E.164). `excludeId` leaves out the contact being edited. One entry per contact,
 * a name match first.
 */
export async function findPossibleDuplicates(
  db: HoldfastDatabase,
  candidate: { name?: string; phones?: readonly string[]; excludeId?: string },
): Promise<PossibleDuplicate[]> {
  const found = new Map<string, PossibleDuplicate>();
  const key = nameKey(candidate.name ?? '');
  if (key) {
    const rows = await terms(db)
      .equals(termKey(CONTACT, nameTerm(candidate.name)))
      .toArray();
    for (const row of rows)
      if (row.id !== candidate.excludeId) found.set(row.id, { contact: view(row), reason: 'name' });
  }
  const phones = [...new Set(candidate.phones ?? [])].filter(Boolean);
  if (phones.length > 0) {
    const rows = await terms(db)
      .anyOf(phones.map((phone) => termKey(CONTACT, phoneTerm(phone))))
      .toArray();
    for (const row of rows) {
      if (row.id === candidate.excludeId || found.has(row.id)) continue;
      const own = Array.isArray(row.fields.phones) ? row.fields.phones : [];
      const shared = own
        .map((p) => (p && typeof p === 'object' && !Array.isArray(p) ? p.number : null))
        .find((number): number is string => typeof number === 'string' && phones.includes(number));
      found.set(row.id, { contact: view(row), reason: 'phone', ...(shared ? { phone: shared } : {}) });
    }
  }
  return [...found.values()];
}

/** The "needs checking" threshold in days when nobody has set one. */
export const DEFAULT_STALE_DAYS = 180;
const STALE_DAYS_KEY = 'contactsStaleDays';
// The meta table is typed by MetaValues (meta.ts); this key is this file's own (like saved-mappings.ts).
type StaleDaysRow = { key: typeof STALE_DAYS_KEY; value: number };

/** The device's "needs checking" threshold: contacts not verified in this many days are listed. */
export async function readStaleDays(db: HoldfastDatabase): Promise<number> {
  const row = (await db.meta.get(STALE_DAYS_KEY)) as unknown as StaleDaysRow | undefined;
  const value = row?.value;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_STALE_DAYS;
}

export async function writeStaleDays(db: HoldfastDatabase, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 1 || days > 3_650) throw new RangeError('Days out of range');
  const row: StaleDaysRow = { key: STALE_DAYS_KEY, value: days };
  await db.meta.put(row as unknown as MetaRow);
}

/**
 * The earliest verification day (YYYY-MM-DD) that is still fresh on `today`: a contact verified `days` or
 * more days ago needs checking (as calldown.ts isStale says), so pass this as `verifiedBefore`.
 */
export function staleCutoff(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - days + 1));
  return date.toISOString().slice(0, 10);
}
