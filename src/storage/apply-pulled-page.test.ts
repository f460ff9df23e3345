// Pulled pages: records and cursor in one transaction, local edits replayed on top, scope and resync.
import { describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import { applyPulledPage, readCursor } from './apply-pulled-page';
import { getMeta } from './meta';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const note = (i: number, rev: number, title: string, dept = 'public-works'): SyncRecord => ({
  id: n(i),
  kind: 'note',
  dept,
  rev,
  createdAt: '2025-03-04T08:00:00.000Z',
  updatedAt: '2025-03-04T08:00:00.000Z',
  createdBy: 'sam',
  updatedBy: 'sam',
  deleted: false,
  fields: { title, status: 'open' },
});

const page = (records: SyncRecord[], cursor: string, more = {}) => ({
  records,
  cursor,
  hasMore: false,
  scope: { departments: ['public-works'] },
  ...more,
});

describe('applyPulledPage', () => {
  it('stores the records and the cursor, for this user only', async () => {
    const db = await freshDatabase();
    await applyPulledPage(db, page([note(1, 3, 'A')], '3'), { userId: 'rita', startResync: false });
    expect((await db.records.get(n(1)))?.rev).toBe(3);
    expect(await readCursor(db, 'rita')).toBe('3');
    expect(await readCursor(db, 'sam')).toBeNull();
  });

  it('keeps a pending local edit visible over the pulled version', async () => {
    const db = await freshDatabase();
    await applyPulledPage(db, page([note(1, 3, 'Server')], '3'), { userId: 'rita', startResync: false });
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(1), fields: { status: 'closed' } },
      ritaCtx(),
    );
    await applyPulledPage(db, page([note(1, 9, 'Renamed')], '9'), { userId: 'rita', startResync: false });
    const row = await db.records.get(n(1));
    expect(row?.fields).toEqual({ title: 'Renamed', status: 'closed' });
    expect(row?.rev).toBe(9);
    expect(row?.base?.fields.status).toBe('open');
  });

  it('drops records of departments that left the scope', async () => {
    const db = await freshDatabase();
    const both = { scope: { departments: ['public-works', 'parks'] } };
    await applyPulledPage(db, page([note(1, 1, 'A'), note(2, 2, 'B', 'parks')], '2', both), {
      userId: 'rita',
      startResync: false,
    });
    const result = await applyPulledPage(db, page([note(3, 3, 'C', 'parks')], '3'), {
      userId: 'rita',
      startResync: false,
    });
    expect(result.dropped).toBe(1);
    expect((await db.records.toArray()).map((r) => r.id)).toEqual([n(1)]);
  });

  it('keeps every department in the scope and drops those around and between them', async () => {
    const db = await freshDatabase();
    const depts = ['aa', 'bb', 'cc', 'dd', 'ee'];
    const all = { scope: { departments: depts } };
    const records = depts.map((dept, i) => note(i + 1, i + 1, dept, dept));
    await applyPulledPage(db, page(records, '5', all), { userId: 'rita', startResync: false });
    const narrowed = { scope: { departments: ['dd', 'bb'] } };
    const result = await applyPulledPage(db, page([], '6', narrowed), { userId: 'rita', startResync: false });
    expect(result.dropped).toBe(3);
    expect((await db.records.toArray()).map((r) => r.dept).sort()).toEqual(['bb', 'dd']);
  });

  it('at the end of a full resync drops what it did not send, but keeps unsent local records', async () => {
    const db = await freshDatabase();
    await applyPulledPage(db, page([note(1, 1, 'A'), note(2, 2, 'B')], '2'), {
      userId: 'rita',
      startResync: true,
    });
    await writeMutation(
      db,
      'record.create',
      { kind: 'note', id: n(5), dept: 'public-works', fields: { title: 'Mine' } },
      ritaCtx(),
    );
    await applyPulledPage(db, page([note(1, 4, 'A2')], '4', { hasMore: true }), {
      userId: 'rita',
      startResync: true,
    });
    expect(await db.records.count()).toBe(3); // nothing dropped before the last page
    await applyPulledPage(db, page([], '4'), { userId: 'rita', startResync: false });
    expect((await db.records.toArray()).map((r) => r.id).sort()).toEqual([n(1), n(5)]);
    expect((await getMeta(db, 'resync'))?.active).toBe(false);
  });

  it('writes nothing, cursor included, when the page cannot be stored', async () => {
    const db = await freshDatabase();
    await applyPulledPage(db, page([note(1, 1, 'A')], '1'), { userId: 'rita', startResync: false });
    db.records.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(
      applyPulledPage(db, page([note(2, 2, 'B')], '2'), { userId: 'rita', startResync: false }),
    ).rejects.toThrow(/no room/);
    expect(await readCursor(db, 'rita')).toBe('1');
    expect(await db.records.count()).toBe(1);
  });

  it('a resync that started on an empty table keeps local records written during it', async () => {
    const db = await freshDatabase();
    await applyPulledPage(db, page([note(1, 1, 'A')], '1', { hasMore: true }), {
      userId: 'rita',
      startResync: true,
    });
    await writeMutation(
      db,
      'record.create',
      { kind: 'note', id: n(5), dept: 'public-works', fields: { title: 'Mine' } },
      ritaCtx(),
    );
    const result = await applyPulledPage(db, page([note(2, 2, 'B')], '2'), {
      userId: 'rita',
      startResync: false,
    });
    expect(result.dropped).toBe(0);
    expect((await db.records.toArray()).map((r) => r.id).sort()).toEqual([n(1), n(2), n(5)]);
    expect(await getMeta(db, 'resync')).toEqual({ epoch: 1, active: false });
  });

  it('a resync that started on an empty table does not read every record back at its end', async () => {
    const db = await freshDatabase();
    const records = Array.from({ length: 50 }, (_, i) => note(i + 1, i + 1, `N${i}`));
    await applyPulledPage(db, page(records, '50', { hasMore: true }), { userId: 'rita', startResync: true });
    // The end of a resync reads rows back through filter() or limit(); neither may run here.
    const walks = [vi.spyOn(db.records, 'filter'), vi.spyOn(db.records, 'limit')];
    await applyPulledPage(db, page([note(51, 51, 'Last')], '51'), { userId: 'rita', startResync: false });
    for (const walk of walks) expect(walk).not.toHaveBeenCalled();
    expect(await db.records.count()).toBe(51);
  });

  it('a resync over stored records drops every row it did not send, chunk after chunk', async () => {
    const db = await freshDatabase();
    const many = Array.from({ length: 2100 }, (_, i) => note(i + 1, i + 1, `N${i}`));
    await applyPulledPage(db, page(many, '2100'), { userId: 'rita', startResync: false });
    const kept = [note(7, 2101, 'K1'), note(2001, 2102, 'K2'), note(2099, 2103, 'K3')];
    const result = await applyPulledPage(db, page(kept, '2103', { reset: true }), {
      userId: 'rita',
      startResync: false,
    });
    expect(result.dropped).toBe(2097);
    expect((await db.records.toArray()).map((r) => r.id)).toEqual([n(7), n(2001), n(2099)]);
  });

  it('replays only the pending entries on the page, and sees entries written or settled between pages', async () => {
    const db = await freshDatabase();
    const seenEntries = new Map<string, OutboxEntry>();
    const options = { userId: 'rita', startResync: false, seenEntries };
    await applyPulledPage(db, page([note(1, 1, 'A'), note(2, 2, 'B')], '2', { hasMore: true }), options);
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(1), fields: { status: 'closed' } },
      ritaCtx(),
    );
    // Record 2 is not on the next page: its row stays as stored, and only record 1 is written.
    const second = await applyPulledPage(db, page([note(1, 3, 'A2')], '3', { hasMore: true }), options);
    expect(second.written).toBe(1);
    expect((await db.records.get(n(1)))?.fields).toEqual({ title: 'A2', status: 'closed' });
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(2), fields: { status: 'closed' } },
      ritaCtx(),
    );
    await applyPulledPage(db, page([note(2, 4, 'B2')], '4', { hasMore: true }), options);
    expect((await db.records.get(n(2)))?.fields).toEqual({ title: 'B2', status: 'closed' });
    // The server acknowledged the edit of record 1: the next version of it arrives without it.
    const acknowledged = (await db.outbox.toArray()).find((row) => touchedIds(row).includes(n(1)));
    await db.outbox.delete([acknowledged!.clientId, acknowledged!.seq]);
    await applyPulledPage(db, page([note(1, 5, 'A3')], '5'), options);
    expect((await db.records.get(n(1)))?.fields).toEqual({ title: 'A3', status: 'open' });
    expect([...seenEntries.values()].map((entry) => touchedIds(entry))).toEqual([[n(2)]]);
  });
});
