// Permit list queries: search by number, address and applicant, filters through facet terms, paging.
import { describe, expect, it } from 'vitest';
import {
  feeTotals,
  listPermitTypes,
  listCurrentFees,
  listStatusEvents,
  readFirstPermits,
  readPermitPage,
  selectPermits,
  type PermitFilter,
} from './permit-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';
import type { HoldfastDatabase } from './database';

interface P {
  address: string;
  applicantName: string;
  permitType?: string;
  appliedDate?: string;
  status?: string;
}

async function addPermit(db: HoldfastDatabase, i: number, p: P) {
  const result = await writeMutation(
    db,
    'record.create',
    {
      kind: 'permit',
      id: n(i),
      dept: 'public-works',
      fields: {
        permitType: p.permitType ?? 'Deck',
        description: 'Work',
        address: p.address,
        applicantName: p.applicantName,
        appliedDate: p.appliedDate ?? '2026-03-01',
        provisionalNumber: `P-TEST-${i}`,
        status: p.status ?? 'submitted',
      },
    },
    ritaCtx({ now: `2026-03-01T09:00:${String(i).padStart(2, '0')}.000Z` }),
  );
  expect(result.ok).toBe(true);
}

async function ids(db: HoldfastDatabase, filter: PermitFilter, offset = 0, limit = 50) {
  const selection = await selectPermits(db, filter);
  return {
    count: selection.count,
    ids: (await readPermitPage(db, selection, offset, limit)).map((r) => r.id),
  };
}

async function sample() {
  const db = await freshDatabase();
  await addPermit(db, 1, {
    address: '1268 ABBEY CRT.',
    applicantName: 'Ana Ruiz',
    appliedDate: '2026-01-10',
  });
  await addPermit(db, 2, { address: '12 Abbey Road', applicantName: 'Ben Abbey', permitType: 'Pool' });
  await addPermit(db, 3, {
    address: '400 Main St',
    applicantName: 'Cy Lee',
    status: 'draft',
    appliedDate: '2026-02-15',
  });
  await addPermit(db, 4, {
    address: '5 Elm St',
    applicantName: 'Dee Ruiz',
    permitType: 'Pool',
    status: 'draft',
  });
  return db;
}

describe('permit list queries', () => {
  it('lists every live permit newest change first, a page at a time, with the count', async () => {
    const db = await sample();
    expect(await ids(db, {})).toEqual({ count: 4, ids: [n(4), n(3), n(2), n(1)] });
    expect(await ids(db, {}, 1, 2)).toEqual({ count: 4, ids: [n(3), n(2)] });
    // A deleted permit leaves the list and the count, and pages stay exact.
    await writeMutation(db, 'record.delete', { kind: 'permit', id: n(3) }, ritaCtx());
    expect(await ids(db, {})).toEqual({ count: 3, ids: [n(4), n(2), n(1)] });
    expect(await ids(db, {}, 1, 1)).toEqual({ count: 3, ids: [n(2)] });
  });

  it('reads the first rows of a filter without its selection: the same rows as the selection first page', async () => {
    const db = await sample();
    await writeMutation(db, 'record.delete', { kind: 'permit', id: n(4) }, ritaCtx());
    const filters: PermitFilter[] = [
      {},
      { status: 'draft' },
      { type: 'pool' },
      { appliedFrom: '2026-02-01' },
      { appliedFrom: '2026-03-01', appliedTo: '2026-01-01' },
    ];
    for (const filter of filters) {
      for (const limit of [1, 2, 50]) {
        const first = (await readFirstPermits(db, filter, limit))?.map((r) => r.id);
        expect(first, JSON.stringify(filter)).toEqual((await ids(db, filter, 0, limit)).ids);
      }
    }
    expect((await readFirstPermits(db, {}, 50))?.map((r) => r.id)).toEqual([n(3), n(2), n(1)]);
    // A search, or several filters, need their selection.
    expect(await readFirstPermits(db, { text: 'abbey' }, 50)).toBeNull();
    expect(await readFirstPermits(db, { status: 'draft', type: 'pool' }, 50)).toBeNull();
  });

  it('finds by number (provisional), address, street and applicant, each permit once', async () => {
    const db = await sample();
    expect((await ids(db, { text: 'p-test-3' })).ids).toEqual([n(3)]);
    expect((await ids(db, { text: 'abbey' })).ids.sort()).toEqual([n(1), n(2)]);
    expect(await ids(db, { text: '1268 abb' })).toEqual({ count: 1, ids: [n(1)] });
    expect((await ids(db, { text: 'ruiz' })).ids.sort()).toEqual([n(1), n(4)]);
    expect(await ids(db, { text: 'nowhere' })).toEqual({ count: 0, ids: [] });
  });

  it('filters by status, type and applied-date range, combined with a search', async () => {
    const db = await sample();
    expect(await listPermitTypes(db)).toEqual(['deck', 'pool']);
    expect(await ids(db, { status: 'draft' })).toEqual({ count: 2, ids: [n(4), n(3)] });
    expect(await ids(db, { type: 'POOL' })).toEqual({ count: 2, ids: [n(4), n(2)] });
    expect(await ids(db, { status: 'draft', type: 'pool' })).toEqual({ count: 1, ids: [n(4)] });
    expect(await ids(db, { appliedFrom: '2026-01-01', appliedTo: '2026-02-28' })).toEqual({
      count: 2,
      ids: [n(3), n(1)],
    });
    // A date range lists the latest application first.
    expect((await ids(db, { appliedFrom: '2026-02-01' })).ids).toEqual([n(4), n(2), n(3)]);
    expect((await ids(db, { appliedTo: '2026-01-31' })).ids).toEqual([n(1)]);
    expect(await ids(db, { text: 'ruiz', status: 'draft' })).toEqual({ count: 1, ids: [n(4)] });
    expect(await ids(db, { appliedFrom: '2026-03-01', appliedTo: '2026-01-01' })).toEqual({
      count: 0,
      ids: [],
    });
    expect(await ids(db, { status: 'draft' }, 1, 5)).toEqual({ count: 2, ids: [n(3)] });
  });

  it('follows status changes through their events', async () => {
    const db = await sample();
    await writeMutation(
      db,
      'entry.append',
      {
        kind: 'permit_status_event',
        id: n(50),
        dept: 'public-works',
        fields: { permitId: n(3), from: 'draft', to: 'submitted' },
      },
      ritaCtx(),
    );
    expect((await ids(db, { status: 'draft' })).ids).toEqual([n(4)]);
    const events = await listStatusEvents(db, n(3));
    expect(events.map((e) => e.fields.to)).toEqual(['submitted']);
  });

  it('gives the current entry of each fee and the totals owed and paid', async () => {
    const db = await sample();
    const fee = (i: number, fields: Record<string, string | number>) =>
      writeMutation(
        db,
        'entry.append',
        {
          kind: 'permit_fee',
          id: n(i),
          dept: 'public-works',
          fields: {
            permitId: n(1),
            code: 'BLD',
            description: 'Building',
            amountCents: 12_500,
            status: 'due',
            ...fields,
          },
        },
        ritaCtx(),
      );
    await fee(60, {});
    await fee(61, { code: 'PLN', amountCents: 4_000 });
    await fee(62, { status: 'paid', receipt: 'R-1', supersedes: n(60) });
    const fees = await listCurrentFees(db, n(1));
    expect(fees.map((f) => f.id)).toEqual([n(61), n(62)]);
    expect(feeTotals(fees)).toEqual({ dueCents: 4_000, paidCents: 12_500 });
    expect(await listCurrentFees(db, n(2))).toEqual([]);
  });
});
