// Reads for the inspections of the Permits area: one permit's inspections with their results, and the
// inspections due today (and overdue) in route order. A permit's inspections come through the search
// index's permit facet; the day's list reads the `permit_inspection` kind whole and filters (inspections
// are far fewer than permits), and the permits it names are fetched in one bulkGet.
import type { JsonObject } from '../domain/sync/json-value';
import type { HoldfastDatabase } from './database';
import { permitRefTerm } from './permit-queries';
import { recordsWithTerm } from './search-queries';
import { toRecordView as view, type RecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';

const INSPECTION = 'permit_inspection';
const RESULT = 'inspection_result';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** An inspection with its result entry (completed ones), as a permit's inspection list shows it. */
export interface InspectionView {
  inspection: RecordView;
  result: RecordView | null;
}

/** A permit's inspections (deleted ones left out), by date, then as they were scheduled. */
export async function listPermitInspections(
  db: HoldfastDatabase,
  permitId: string,
): Promise<InspectionView[]> {
  // Through the search index's permit facet: only this permit's rows are read.
  const [inspections, results] = await Promise.all([
    recordsWithTerm(db, INSPECTION, permitRefTerm(permitId)),
    recordsWithTerm(db, RESULT, permitRefTerm(permitId)),
  ]);
  const resultOf = new Map<string, StoredRecord>();
  for (const row of results) {
    if (row.deleted || row.fields.permitId !== permitId) continue;
    const inspectionId = text(row.fields.inspectionId);
    const earlier = resultOf.get(inspectionId);
    // One result completes an inspection; if two ever arrive, the first recorded is the one that counted.
    if (!earlier || row.createdAt < earlier.createdAt) resultOf.set(inspectionId, row);
  }
  return inspections
    .filter((row) => !row.deleted && row.fields.permitId === permitId)
    .sort(
      (a, b) =>
        text(a.fields.scheduledDate).localeCompare(text(b.fields.scheduledDate)) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    )
    .map((row) => {
      const result = resultOf.get(row.id);
      return { inspection: view(row), result: result ? view(result) : null };
    });
}

/** The person an inspection is assigned to, as the signed-in user may be named in its `inspector` field. */
export interface InspectorIdentity {
  id: string;
  username?: string;
  displayName?: string;
}

const normalise = (value: string) => value.normalize('NFKC').trim().toLocaleLowerCase();

/** Whether `inspector` (free text: a name or a user id) names this user. */
export function isInspector(inspector: unknown, user: InspectorIdentity): boolean {
  const name = normalise(text(inspector));
  if (!name) return false;
  return [user.id, user.username, user.displayName].some((value) => !!value && normalise(value) === name);
}

/** An address split for route order: the street name, then the house number (with any suffix). */
export interface AddressKey {
  street: string;
  number: number;
  suffix: string;
  whole: string;
}

// "1268 Abbey Crt.", "12B Elm St", "12-14 Oak Ave", "Unit 4, 55 Elm St" (the unit is kept as the suffix).
// The street starts with a letter or an ordinal ("12 3rd St").
const HOUSE = /^(?:(.*?)[,\s]+)?(\d+)([a-z]?(?:\s*[-/]\s*\d+[a-z]?)?)\s+([^\d\s].*|\d+(?:st|nd|rd|th)\b.*)$/i;

export function addressKey(address: string): AddressKey {
  const whole = normalise(address).replace(/\s+/g, ' ');
  const match = HOUSE.exec(whole);
  if (!match) return { street: whole, number: Number.POSITIVE_INFINITY, suffix: '', whole };
  const [, unit = '', number = '', suffix = '', street = ''] = match;
  return {
    street: street.replace(/[.,]/g, '').trim(),
    number: Number(number),
    suffix: `${suffix.replace(/\s+/g, '')}${unit ? ` ${unit}` : ''}`.trim(),
    whole,
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Natural route order: by street name, then house number (2 before 10), then suffix or unit. */
export function compareAddresses(a: string, b: string): number {
  const x = addressKey(a);
  const y = addressKey(b);
  return (
    collator.compare(x.street, y.street) ||
    (x.number === y.number ? 0 : x.number < y.number ? -1 : 1) ||
    collator.compare(x.suffix, y.suffix) ||
    collator.compare(x.whole, y.whole)
  );
}

/** One line of "My inspections today": the inspection, its permit (when on the device), and whether it is late. */
export interface DueInspection {
  inspection: RecordView;
  permit: RecordView | null;
  overdue: boolean;
}

export interface DueInspectionsOptions {
  /** The device's local date, YYYY-MM-DD. */
  today: string;
  /** Only inspections assigned to this person; all of the departments' when absent. */
  inspector?: InspectorIdentity;
  /** Only these departments (the signed-in user's). */
  departments?: readonly string[];
}

/** The address an inspection is done at: the copy on the inspection, or its permit's. */
const addressOf = (inspection: { fields: JsonObject }, permit: { fields: JsonObject } | null): string =>
  text(inspection.fields.address) || text(permit?.fields.address);

/**
 * Inspections still scheduled for `today` or before it (overdue), ordered by address for a day's route,
 * each with its permit (one bulkGet for all of them, never one read per row).
 */
export async function listDueInspections(
  db: HoldfastDatabase,
  { today, inspector, departments }: DueInspectionsOptions,
): Promise<DueInspection[]> {
  const rows = (await db.records.where('kind').equals(INSPECTION).toArray()).filter(
    (row) =>
      !row.deleted &&
      row.fields.status === 'scheduled' &&
      text(row.fields.scheduledDate) !== '' &&
      text(row.fields.scheduledDate) <= today &&
      (!departments || departments.includes(row.dept)) &&
      (!inspector || isInspector(row.fields.inspector, inspector)),
  );
  const permitIds = [...new Set(rows.map((row) => text(row.fields.permitId)))];
  const permits = new Map<string, StoredRecord>();
  for (const permit of await db.records.bulkGet(permitIds))
    if (permit && !permit.deleted && permit.kind === 'permit') permits.set(permit.id, permit);
  return rows
    .map((row) => {
      const permit = permits.get(text(row.fields.permitId));
      return {
        inspection: view(row),
        permit: permit ? view(permit) : null,
        overdue: text(row.fields.scheduledDate) < today,
      };
    })
    .sort(
      (a, b) =>
        compareAddresses(addressOf(a.inspection, a.permit), addressOf(b.inspection, b.permit)) ||
        text(a.inspection.fields.scheduledDate).localeCompare(text(b.inspection.fields.scheduledDate)) ||
        a.inspection.id.localeCompare(b.inspection.id),
    );
}

/** A date as YYYY-MM-DD in the device's local time zone. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The next working day (Monday to Friday) after `day` (YYYY-MM-DD). */
export function nextWorkingDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  do date.setUTCDate(date.getUTCDate() + 1);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6);
  return date.toISOString().slice(0, 10);
}
