// Reads for the print views: the stamp every printed page carries (last sync, device), a permit card
// (permit, status history, fees with totals, inspections with results), one inspection's result sheet and
// a day's route sheet. A permit's own records come through the search index's permit facet.
import type { JsonObject } from '../domain/sync/json-value';
import type { HoldfastDatabase } from './database';
import { permitRefTerm } from './permit-queries';
import { recordsWithTerm } from './search-queries';
import { compareAddresses, listPermitInspections, type InspectionView } from './inspection-queries';
import { getMeta } from './meta';
import { toRecordView as view, type RecordView } from './sync-queries';
import { readLastSyncAt } from './sync-queries';
import type { StoredRecord } from './sync-rows';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const byCreated = (a: StoredRecord, b: StoredRecord) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** What every printed page says about where its data came from. */
export interface PrintStamp {
  /** Device time of the last complete sync; null when this device has never synced. */
  lastSyncAt: string | null;
  deviceId: string | null;
}

export async function readPrintStamp(db: HoldfastDatabase): Promise<PrintStamp> {
  const [lastSyncAt, deviceId, sentinel] = await Promise.all([
    readLastSyncAt(db),
    getMeta(db, 'deviceId'),
    getMeta(db, 'sentinel'),
  ]);
  return { lastSyncAt, deviceId: deviceId ?? sentinel?.deviceId ?? null };
}

/** Live records of a kind that belong to a permit, oldest first (optionally only those `keep` takes). */
async function childrenOf(
  db: HoldfastDatabase,
  kind: string,
  permitId: string,
  keep: (row: StoredRecord) => boolean = () => true,
): Promise<StoredRecord[]> {
  const rows = await recordsWithTerm(db, kind, permitRefTerm(permitId));
  return rows.filter((row) => !row.deleted && keep(row)).sort(byCreated);
}

/** A fee as it stands now: its newest entry, and the entries it replaced (oldest first). */
export interface FeeLine {
  current: RecordView;
  history: RecordView[];
}

export type FeeTotals = Record<'due' | 'paid' | 'waived' | 'refunded' | 'void', number>;

/**
 * Follows each fee's `supersedes` chain to its newest entry. An entry replaced by two later ones (two
 * devices paid the same fee offline) keeps both replacements as lines, so nothing recorded is hidden.
 */
export function feeLines(entries: readonly StoredRecord[]): FeeLine[] {
  const sorted = [...entries].sort(byCreated);
  const ids = new Set(sorted.map((row) => row.id));
  const replaced = new Set(sorted.map((row) => text(row.fields.supersedes)).filter((id) => ids.has(id)));
  const byId = new Map(sorted.map((row) => [row.id, row]));
  return sorted
    .filter((row) => !replaced.has(row.id))
    .map((row) => {
      const history: RecordView[] = [];
      const seen = new Set([row.id]);
      for (let at = byId.get(text(row.fields.supersedes)); at && !seen.has(at.id);) {
        seen.add(at.id);
        history.unshift(view(at));
        at = byId.get(text(at.fields.supersedes));
      }
      return { current: view(row), history };
    });
}

/** Sums of the current fee lines by status, in cents. */
export function feeTotals(lines: readonly FeeLine[]): FeeTotals {
  const totals: FeeTotals = { due: 0, paid: 0, waived: 0, refunded: 0, void: 0 };
  for (const { current } of lines) {
    const status = text(current.fields.status) as keyof FeeTotals;
    const amount = current.fields.amountCents;
    if (status in totals && typeof amount === 'number') totals[status] += amount;
  }
  return totals;
}

export interface PermitCard {
  permit: RecordView;
  events: RecordView[];
  fees: FeeLine[];
  totals: FeeTotals;
  inspections: InspectionView[];
}

/** Everything a permit card prints; null when the permit is not on this device (or was deleted). */
export async function getPermitCard(db: HoldfastDatabase, permitId: string): Promise<PermitCard | null> {
  const permit = await db.records.get(permitId);
  if (!permit || permit.deleted || permit.kind !== 'permit') return null;
  const [events, fees, inspections] = await Promise.all([
    childrenOf(db, 'permit_status_event', permitId),
    childrenOf(db, 'permit_fee', permitId),
    listPermitInspections(db, permitId),
  ]);
  const lines = feeLines(fees);
  return {
    permit: view(permit),
    events: events.map(view),
    fees: lines,
    totals: feeTotals(lines),
    inspections,
  };
}

export interface InspectionSheet {
  inspection: RecordView;
  result: RecordView | null;
  permit: RecordView | null;
}

/** One inspection with its result (the first recorded) and its permit; null when it is not here. */
export async function getInspectionSheet(
  db: HoldfastDatabase,
  inspectionId: string,
): Promise<InspectionSheet | null> {
  const inspection = await db.records.get(inspectionId);
  if (!inspection || inspection.deleted || inspection.kind !== 'permit_inspection') return null;
  const [results, permit] = await Promise.all([
    childrenOf(
      db,
      'inspection_result',
      text(inspection.fields.permitId),
      (row) => row.fields.inspectionId === inspectionId,
    ),
    db.records.get(text(inspection.fields.permitId)),
  ]);
  const [result] = results;
  return {
    inspection: view(inspection),
    result: result ? view(result) : null,
    permit: permit && !permit.deleted && permit.kind === 'permit' ? view(permit) : null,
  };
}

export interface RouteStop {
  inspection: RecordView;
  permit: RecordView | null;
  address: string;
}

const addressOf = (inspection: { fields: JsonObject }, permit: { fields: JsonObject } | undefined) =>
  text(inspection.fields.address) || text(permit?.fields.address);

/**
 * The inspections of one day (cancelled ones left out) in route order by address, each with its permit
 * (one bulkGet for all). `departments` keeps only those departments' inspections.
 */
export async function listRouteSheet(
  db: HoldfastDatabase,
  date: string,
  departments?: readonly string[],
): Promise<RouteStop[]> {
  const rows = await db.records
    .where('kind')
    .equals('permit_inspection')
    .filter(
      (row) =>
        !row.deleted &&
        row.fields.scheduledDate === date &&
        row.fields.status !== 'cancelled' &&
        (!departments || departments.includes(row.dept)),
    )
    .toArray();
  const permitIds = [...new Set(rows.map((row) => text(row.fields.permitId)))];
  const permits = new Map<string, StoredRecord>();
  for (const permit of await db.records.bulkGet(permitIds))
    if (permit && !permit.deleted && permit.kind === 'permit') permits.set(permit.id, permit);
  return rows
    .map((row) => {
      const permit = permits.get(text(row.fields.permitId));
      return { row, permit, address: addressOf(row, permit) };
    })
    .sort((a, b) => compareAddresses(a.address, b.address) || byCreated(a.row, b.row))
    .map(({ row, permit, address }) => ({
      inspection: view(row),
      permit: permit ? view(permit) : null,
      address,
    }));
}
