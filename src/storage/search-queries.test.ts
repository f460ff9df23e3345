// The search index: written by every path that stores a record, read by prefix, invisible elsewhere.
import { describe, expect, it } from 'vitest';
import { recordsWithTerm, searchRecords } from './search-queries';
import { stripLocal } from './sync-rows';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const permit = (i: number, address: string, applicantName: string) => ({
  kind: 'permit',
  id: n(i),
  dept: 'public-works',
  fields: {
    permitType: 'Deck',
    description: 'Attached deck',
    address,
    applicantName,
    appliedDate: '2026-03-01',
    provisionalNumber: `P-TEST-${i}`,
  },
});

describe('searchRecords', () => {
  it('finds permits by address prefix, street, applicant and number, each once', async () => {
    const db = await freshDatabase();
    await writeMutation(db, 'record.create', permit(1, '1268 ABBEY CRT.', 'Ana Ruiz'), ritaCtx());
    await writeMutation(db, 'record.create', permit(2, '12 Abbey Road', 'Ben Abbey'), ritaCtx());
    await writeMutation(db, 'record.create', permit(3, '400 Main St', 'Cy Lee'), ritaCtx());
    const ids = async (text: string) =>
      (await searchRecords(db, 'permit', text, { limit: 10 })).map((r) => r.id).sort();
    expect(await ids('1268 abb')).toEqual([n(1)]);
    expect(await ids('abbey')).toEqual([n(1), n(2)]);
    expect(await ids('RUÍZ')).toEqual([n(1)]);
    expect(await ids('p-test-3')).toEqual([n(3)]);
    expect(await ids('12')).toEqual([n(1), n(2)]);
    expect(await ids('')).toEqual([]);
    expect(await searchRecords(db, 'note', 'abbey', { limit: 10 })).toEqual([]);
  });

  it("finds a permit's own records by the permit's id", async () => {
    const db = await freshDatabase();
    await writeMutation(db, 'record.create', permit(1, '5 Elm St', 'Ana Ruiz'), ritaCtx());
    await writeMutation(db, 'record.create', permit(2, '6 Elm St', 'Bo Ruiz'), ritaCtx());
    const fee = (i: number, permitId: string) => ({
      kind: 'permit_fee',
      id: n(i),
      dept: 'public-works',
      fields: { permitId, code: 'BLD', description: 'Fee', amountCents: 100, status: 'due' },
    });
    expect((await writeMutation(db, 'entry.append', fee(10, n(1)), ritaCtx())).ok).toBe(true);
    await writeMutation(db, 'entry.append', fee(11, n(2)), ritaCtx());
    const fees = await recordsWithTerm(db, 'permit_fee', `@permit=${n(1)}`);
    expect(fees.map((r) => r.id)).toEqual([n(10)]);
  });

  it('follows edits and deletes, and keeps the terms out of the record the rest of the app sees', async () => {
    const db = await freshDatabase();
    await writeMutation(db, 'record.create', permit(1, '5 Elm St', 'Ana Ruiz'), ritaCtx());
    await writeMutation(
      db,
      'record.update',
      { kind: 'permit', id: n(1), fields: { address: '7 Oak Ave' } },
      ritaCtx(),
    );
    expect(await searchRecords(db, 'permit', 'elm', { limit: 10 })).toEqual([]);
    const [found] = await searchRecords(db, 'permit', 'oak', { limit: 10 });
    expect(found?.terms).toContain('permit:oak ave');
    expect(stripLocal(found!)).not.toHaveProperty('terms');
    await db.records.put({ ...found!, deleted: true });
    expect(await searchRecords(db, 'permit', 'oak', { limit: 10 })).toEqual([]);
  });
});
