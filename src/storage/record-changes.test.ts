// The change tracker names the records written since it was last asked; a bulk write (which Dexie reports
// as a range) and more ids than its limit come back as "everything".
import { describe, expect, it } from 'vitest';
import { trackRecordChanges } from './record-changes';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const ctx = ritaCtx({ role: 'clerk', now: '2026-03-02T09:00:00.000Z' });

describe('trackRecordChanges', () => {
  it('names each record written, once, and starts again after take()', async () => {
    const db = await freshDatabase();
    const changes = trackRecordChanges(db);
    for (const i of [1, 2]) {
      const result = await writeMutation(
        db,
        'record.create',
        { kind: 'note', id: n(i), dept: 'public-works', fields: { title: `Note ${i}`, body: '' } },
        ctx,
      );
      expect(result.ok).toBe(true);
    }
    const first = changes.take();
    expect(first).not.toBe('everything');
    expect([...(first as Set<string>)].sort()).toEqual([n(1), n(2)]);
    expect([...(changes.take() as Set<string>)]).toEqual([]);

    // Another database's writes are not this tracker's business.
    const other = await freshDatabase();
    await writeMutation(
      other,
      'record.create',
      { kind: 'note', id: n(3), dept: 'public-works', fields: { title: 'Elsewhere', body: '' } },
      ctx,
    );
    expect([...(changes.take() as Set<string>)]).toEqual([]);
  });

  it('reports everything after a bulk write or past its limit', async () => {
    const db = await freshDatabase();
    const changes = trackRecordChanges(db, 3);
    const row = (i: number) => ({
      id: n(i),
      kind: 'note',
      dept: 'public-works',
      fields: { title: `Note ${i}` },
      rev: 1,
      deleted: false,
    });
    await db.records.bulkPut(Array.from({ length: 60 }, (_, i) => row(100 + i)) as never);
    expect(changes.take()).toBe('everything');
    for (const i of [1, 2, 3, 4]) await db.records.put(row(i) as never);
    expect(changes.take()).toBe('everything');
    await db.records.put(row(5) as never);
    expect([...(changes.take() as Set<string>)]).toEqual([n(5)]);
  });
});
