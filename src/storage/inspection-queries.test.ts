// Inspections on the device: a permit's list with results, and "My inspections today" in route order.
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  compareAddresses,
  isInspector,
  listDueInspections,
  listPermitInspections,
  localDate,
  nextWorkingDay,
} from './inspection-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';
import type { HoldfastDatabase } from './database';

const DEPT = 'public-works';

async function permit(db: HoldfastDatabase, i: number, address: string, dept = DEPT) {
  const result = await writeMutation(
    db,
    'record.create',
    {
      kind: 'permit',
      id: n(i),
      dept,
      fields: {
        permitType: 'Deck',
        description: 'Attached deck',
        address,
        applicantName: 'Ana Ruiz',
        appliedDate: '2026-02-01',
        provisionalNumber: `P-${i}`,
      },
    },
    ritaCtx({ departments: [DEPT, 'fire'] }),
  );
  expect(result.ok).toBe(true);
}

async function inspection(
  db: HoldfastDatabase,
  i: number,
  permitI: number,
  fields: { scheduledDate: string; inspector?: string; address?: string },
  dept = DEPT,
) {
  const result = await writeMutation(
    db,
    'record.create',
    {
      kind: 'permit_inspection',
      id: n(i),
      dept,
      fields: { permitId: n(permitI), inspectionType: 'Framing', inspector: 'Rita Gómez', ...fields },
    },
    ritaCtx({ departments: [DEPT, 'fire'] }),
  );
  expect(result.ok).toBe(true);
}

async function result(
  db: HoldfastDatabase,
  i: number,
  inspectionI: number,
  permitI: number,
  outcome: string,
) {
  const written = await writeMutation(
    db,
    'entry.append',
    {
      kind: 'inspection_result',
      id: n(i),
      dept: DEPT,
      fields: { inspectionId: n(inspectionI), permitId: n(permitI), outcome, corrections: ['Add a guard'] },
    },
    ritaCtx(),
  );
  expect(written.ok).toBe(true);
}

describe('compareAddresses', () => {
  it('orders by street name, then house number as a number, then suffix or unit', () => {
    const addresses = [
      '12 Oak Ave',
      '1268 ABBEY CRT.',
      '2 Oak Ave',
      '12B Oak Ave',
      'Unit 4, 55 Elm St',
      '55 Elm St',
      '100 Abbey Crt',
      '7 3rd St',
      'Old Mill (no number)',
    ];
    expect([...addresses].sort(compareAddresses)).toEqual([
      '7 3rd St',
      '100 Abbey Crt',
      '1268 ABBEY CRT.',
      '55 Elm St',
      'Unit 4, 55 Elm St',
      '2 Oak Ave',
      '12 Oak Ave',
      '12B Oak Ave',
      'Old Mill (no number)',
    ]);
  });

  it('splits the house number from the street', () => {
    expect(addressKey('1268 Abbey Crt.')).toMatchObject({ street: 'abbey crt', number: 1268, suffix: '' });
    expect(addressKey('12-14 Oak Ave')).toMatchObject({ street: 'oak ave', number: 12, suffix: '-14' });
    expect(addressKey('Unit 4, 55 Elm St')).toMatchObject({ street: 'elm st', number: 55, suffix: 'unit 4' });
    expect(addressKey('Town Hall')).toMatchObject({ street: 'town hall', number: Infinity });
  });
});

describe('isInspector', () => {
  it('matches the id, username or name, ignoring case and spaces', () => {
    const rita = { id: 'u-rita', username: 'rita', displayName: 'Rita Gómez' };
    expect(isInspector(' rita gómez ', rita)).toBe(true);
    expect(isInspector('RITA', rita)).toBe(true);
    expect(isInspector('u-rita', rita)).toBe(true);
    expect(isInspector('Rita', { id: 'u-rita' })).toBe(false);
    expect(isInspector('', rita)).toBe(false);
    expect(isInspector(undefined, rita)).toBe(false);
  });
});

describe('dates', () => {
  it('gives the local date and the next working day', () => {
    expect(localDate(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02');
    expect(nextWorkingDay('2026-03-02')).toBe('2026-03-03'); // Monday → Tuesday
    expect(nextWorkingDay('2026-03-06')).toBe('2026-03-09'); // Friday → Monday
    expect(nextWorkingDay('2026-03-07')).toBe('2026-03-09'); // Saturday → Monday
  });
});

describe('listDueInspections', () => {
  it('lists today and overdue scheduled inspections by address, mine or all of my departments', async () => {
    const db = await freshDatabase();
    await permit(db, 1, '12 Oak Ave');
    await permit(db, 2, '2 Oak Ave');
    await permit(db, 3, '1268 Abbey Crt');
    await permit(db, 4, '5 Birch Rd', 'fire');
    await inspection(db, 11, 1, { scheduledDate: '2026-03-02', address: '12 Oak Ave' });
    await inspection(db, 12, 2, { scheduledDate: '2026-02-27', address: '2 Oak Ave' }); // overdue
    await inspection(db, 13, 3, { scheduledDate: '2026-03-02', address: '1268 Abbey Crt', inspector: 'Ben' });
    await inspection(db, 14, 3, { scheduledDate: '2026-03-03', address: '1268 Abbey Crt' }); // tomorrow
    await inspection(db, 15, 1, { scheduledDate: '2026-03-01', address: '12 Oak Ave' }); // completed below
    await inspection(db, 16, 4, { scheduledDate: '2026-03-02', address: '5 Birch Rd' }, 'fire');
    // No address copied: the permit's is used.
    await inspection(db, 17, 2, { scheduledDate: '2026-03-02' });
    await result(db, 21, 15, 1, 'approved');
    await writeMutation(
      db,
      'record.update',
      { kind: 'permit_inspection', id: n(17), fields: { status: 'cancelled' } },
      ritaCtx(),
    );

    const rita = { id: 'rita', username: 'rita', displayName: 'Rita Gómez' };
    const today = '2026-03-02';
    const mine = await listDueInspections(db, { today, inspector: rita, departments: [DEPT] });
    expect(mine.map((row) => [row.inspection.id, row.overdue, row.permit?.id])).toEqual([
      [n(12), true, n(2)],
      [n(11), false, n(1)],
    ]);

    const all = await listDueInspections(db, { today, departments: [DEPT] });
    expect(all.map((row) => row.inspection.id)).toEqual([n(13), n(12), n(11)]);

    const everywhere = await listDueInspections(db, { today });
    expect(everywhere.map((row) => row.inspection.id)).toEqual([n(13), n(16), n(12), n(11)]);

    // The next day, the inspection of the 3rd is due and the 2nd's are overdue.
    const tomorrow = await listDueInspections(db, { today: '2026-03-03', departments: [DEPT] });
    expect(tomorrow.map((row) => [row.inspection.id, row.overdue])).toEqual([
      [n(13), true],
      [n(14), false],
      [n(12), true],
      [n(11), true],
    ]);
  });

  it('reads the permits in one bulkGet, not one read per row', async () => {
    const db = await freshDatabase();
    for (let i = 1; i <= 5; i++) {
      await permit(db, i, `${i} Elm St`);
      await inspection(db, 10 + i, i, { scheduledDate: '2026-03-02', address: `${i} Elm St` });
    }
    let gets = 0;
    let bulkGets = 0;
    const table = db.records;
    const get = table.get.bind(table);
    const bulkGet = table.bulkGet.bind(table);
    table.get = ((...args: Parameters<typeof get>) => {
      gets += 1;
      return get(...args);
    }) as typeof get;
    table.bulkGet = ((keys: string[]) => {
      bulkGets += 1;
      return bulkGet(keys);
    }) as typeof bulkGet;
    const rows = await listDueInspections(db, { today: '2026-03-02' });
    expect(rows.map((row) => row.permit?.fields.address)).toEqual([
      '1 Elm St',
      '2 Elm St',
      '3 Elm St',
      '4 Elm St',
      '5 Elm St',
    ]);
    expect([gets, bulkGets]).toEqual([0, 1]);
  });
});

describe('listPermitInspections', () => {
  it("lists one permit's inspections by date with their results", async () => {
    const db = await freshDatabase();
    await permit(db, 1, '12 Oak Ave');
    await permit(db, 2, '2 Oak Ave');
    await inspection(db, 11, 1, { scheduledDate: '2026-03-05' });
    await inspection(db, 12, 1, { scheduledDate: '2026-03-02' });
    await inspection(db, 13, 2, { scheduledDate: '2026-03-02' });
    await result(db, 21, 12, 1, 'not_approved');

    const list = await listPermitInspections(db, n(1));
    expect(
      list.map((row) => [row.inspection.id, row.inspection.fields.status, row.result?.id ?? null]),
    ).toEqual([
      [n(12), 'completed', n(21)],
      [n(11), 'scheduled', null],
    ]);
    expect(list[0]?.inspection.fields.outcome).toBe('not_approved');
    expect(list[0]?.result?.fields.corrections).toEqual(['Add a guard']);
    expect(list[0]?.inspection.pending).toBe(true);
  });
});
