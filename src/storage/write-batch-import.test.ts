// A permit import written chunk by chunk from the file's text (as the import page does it) stores the very
// records and outbox rows that planning the whole file and writing every create at once does, and a
// permit refused while the chunks are written leaves nothing of the import behind.
import { describe, expect, it } from 'vitest';
import burlington from '../../e2e/fixtures/burlington-permits.csv?raw';
import {
  buildImport,
  checkImport,
  indexCsv,
  parseCsv,
  permitCreates,
  statusValues,
  suggestMapping,
  suggestStatus,
  suggestStatuses,
  textRows,
  type ImportOptions,
} from '../domain/permits/import';
import type { HoldfastDatabase } from './database';
import { getMeta } from './meta';
import { createNote, freshDatabase, ritaCtx } from './test/test-db';
import { writeCreateBatch, writeCreates } from './write-batch';

const ctx = ritaCtx({ departments: ['building', 'public-works'] });
const rows = textRows(burlington, indexCsv(burlington));
const mapping = suggestMapping(rows.headers);
const options: ImportOptions = {
  mapping,
  statuses: suggestStatuses(statusValues(rows, mapping), suggestStatus, 'submitted'),
  dept: 'building',
  fileName: 'burlington-permits.csv',
};

const stored = async (db: HoldfastDatabase) => ({
  // The stamp's client id is each database's own too: only its seq is compared.
  records: (await db.records.orderBy(':id').toArray()).map(({ stamp, ...row }) => ({
    ...row,
    stampSeq: stamp?.[1],
  })),
  // The client id comes from each database's own device id; everything else must match.
  outbox: (await db.outbox.orderBy('[clientId+seq]').toArray()).map(({ clientId: _, ...entry }) => entry),
  nextSeq: (await getMeta(db, 'syncClients'))?.rita?.nextSeq,
});

describe('the Burlington import, chunk by chunk from the text', () => {
  it('stores the same records and outbox rows as the whole plan written at once', async () => {
    const check = checkImport(rows, options);
    const chunked = await freshDatabase();
    const result = await writeCreates(
      chunked,
      { count: check.permitCount, slice: (from, to) => permitCreates(rows, check, from, to) },
      ctx,
      { skipExisting: true },
    );
    expect(result).toEqual({ ok: true, written: 4669, skipped: [] });

    const plan = buildImport(parseCsv(burlington), options);
    const whole = await freshDatabase();
    await writeCreateBatch(
      whole,
      plan.permits.map((p) => ({ kind: 'permit', id: p.id, dept: 'building', fields: p.fields })),
      ctx,
      { skipExisting: true },
    );
    const expected = await stored(whole);
    expect(expected.records).toHaveLength(4669);
    expect(expected.outbox).toHaveLength(47);
    expect(await stored(chunked)).toEqual(expected);
  }, 60_000);

  it('writes nothing when a permit of a later chunk is refused as it is written', async () => {
    const check = checkImport(rows, options);
    const db = await freshDatabase();
    await createNote(db, 1, 'Before the import', ctx);
    // Permit 1,500 is already on the device with other content: its create is a duplicate, found only
    // when the second chunk of 1,000 is written, after the first chunk has gone to IndexedDB.
    const [clash] = permitCreates(rows, check, 1500, 1501);
    await writeCreateBatch(db, [{ ...clash!, fields: { ...clash!.fields, description: 'Other' } }], ctx);
    const before = await stored(db);
    const result = await writeCreates(
      db,
      { count: check.permitCount, slice: (from, to) => permitCreates(rows, check, from, to) },
      ctx,
    );
    expect(result).toMatchObject({ ok: false, index: 1500, rejected: { code: 'duplicate' } });
    expect(await stored(db)).toEqual(before);
    expect(before.records).toHaveLength(2);
  }, 60_000);
});
