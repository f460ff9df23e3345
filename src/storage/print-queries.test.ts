// The print views' reads: a permit card gathers its children, fees follow their chains, a route sheet
// keeps one day in address order, and the stamp names the device and its last sync.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/sync/json-value';
import { writeLastSyncAt } from './sync-queries';
import { getInspectionSheet, getPermitCard, listRouteSheet, readPrintStamp } from './print-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';
import type { HoldfastDatabase } from './database';

const DEPT = 'public-works';
let clock = 0;
const ctx = () => ritaCtx({ now: new Date(Date.UTC(2026, 2, 1, 9, 0, clock++)).toISOString() });

const create = (db: HoldfastDatabase, kind: string, id: string, fields: JsonObject, dept = DEPT) =>
  writeMutation(db, 'record.create', { kind, id, dept, fields }, ctx());
const append = (db: HoldfastDatabase, kind: string, id: string, fields: JsonObject) =>
  writeMutation(db, 'entry.append', { kind, id, dept: DEPT, fields }, ctx());

async function permit(db: HoldfastDatabase, i: number, address: string) {
  await create(db, 'permit', n(i), {
    permitType: 'Deck',
    description: 'Attached deck',
    address,
    applicantName: 'Ana Ruiz',
    appliedDate: '2026-02-01',
    provisionalNumber: `P-${i}`,
    status: 'submitted',
  });
}

async function inspection(db: HoldfastDatabase, i: number, permitId: string, date: string, address = '') {
  await create(db, 'permit_inspection', n(i), {
    permitId,
    inspectionType: 'Footings',
    scheduledDate: date,
    status: 'scheduled',
    ...(address ? { address } : {}),
  });
}

describe('print queries', () => {
  it('a permit card holds its own status events, current fees with totals and inspections', async () => {
    const db = await freshDatabase();
    await permit(db, 1, '12 Elm St');
    await permit(db, 2, '14 Elm St');
    await append(db, 'permit_status_event', n(10), { permitId: n(1), from: 'submitted', to: 'fees_due' });
    await append(db, 'permit_fee', n(20), {
      permitId: n(1),
      code: 'BLD',
      description: 'Building',
      amountCents: 15000,
      status: 'due',
    });
    await append(db, 'permit_fee', n(21), {
      permitId: n(1),
      code: 'PLN',
      description: 'Plan review',
      amountCents: 5000,
      status: 'due',
    });
    // The building fee is paid: a new entry replaces the owed one.
    await append(db, 'permit_fee', n(22), {
      permitId: n(1),
      code: 'BLD',
      description: 'Building',
      amountCents: 15000,
      status: 'paid',
      receipt: 'R-1',
      supersedes: n(20),
    });
    await append(db, 'permit_fee', n(23), {
      permitId: n(2),
      code: 'BLD',
      description: 'Other permit',
      amountCents: 999,
      status: 'due',
    });
    await inspection(db, 30, n(1), '2026-03-02');
    await append(db, 'inspection_result', n(31), {
      inspectionId: n(30),
      permitId: n(1),
      outcome: 'not_approved',
      corrections: ['Add hold-downs'],
    });

    const card = await getPermitCard(db, n(1));
    expect(card?.permit.fields.status).toBe('fees_due');
    expect(card?.events.map((e) => e.id)).toEqual([n(10)]);
    expect(card?.fees.map((f) => [f.current.id, f.history.map((h) => h.id)])).toEqual([
      [n(21), []],
      [n(22), [n(20)]],
    ]);
    expect(card?.totals).toEqual({ due: 5000, paid: 15000, waived: 0, refunded: 0, void: 0 });
    expect(card?.inspections.map((i) => [i.inspection.id, i.result?.id])).toEqual([[n(30), n(31)]]);
    expect(await getPermitCard(db, n(99))).toBeNull();
    expect(await getPermitCard(db, n(30))).toBeNull();

    const sheet = await getInspectionSheet(db, n(30));
    expect(sheet?.result?.fields.corrections).toEqual(['Add hold-downs']);
    expect(sheet?.permit?.id).toBe(n(1));
    expect(await getInspectionSheet(db, n(1))).toBeNull();
  });

  it('a route sheet lists one day in street and house-number order, leaving out cancelled ones', async () => {
    const db = await freshDatabase();
    await permit(db, 1, '10 Oak Ave');
    await permit(db, 2, '2 Oak Ave');
    await permit(db, 3, '5 Birch Rd');
    await inspection(db, 11, n(1), '2026-03-02');
    await inspection(db, 12, n(2), '2026-03-02');
    await inspection(db, 13, n(3), '2026-03-02');
    await inspection(db, 14, n(3), '2026-03-03');
    await inspection(db, 15, n(1), '2026-03-02', '10 Oak Ave, rear shed');
    await writeMutation(
      db,
      'record.update',
      { kind: 'permit_inspection', id: n(15), fields: { status: 'cancelled' } },
      ctx(),
    );
    const stops = await listRouteSheet(db, '2026-03-02');
    expect(stops.map((s) => s.address)).toEqual(['5 Birch Rd', '2 Oak Ave', '10 Oak Ave']);
    expect(stops[0]?.permit?.id).toBe(n(3));
    expect(await listRouteSheet(db, '2026-03-02', ['other-dept'])).toEqual([]);
  });

  it('the stamp names the device and the last complete sync', async () => {
    const db = await freshDatabase();
    const empty = await readPrintStamp(db);
    expect(empty.lastSyncAt).toBeNull();
    expect(empty.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    await writeLastSyncAt(db, '2026-03-02T09:00:00.000Z');
    expect((await readPrintStamp(db)).lastSyncAt).toBe('2026-03-02T09:00:00.000Z');
  });
});
