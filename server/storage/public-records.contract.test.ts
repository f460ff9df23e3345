// listPublicRecords, the read behind pull pages: on both adapters it lists what listRecords lists, and
// each record's JSON text is exactly JSON.stringify(toPublicRecord(record)), awkward fields included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import { toPublicRecord } from '../../src/domain/sync/sync-record';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import type { RecordPageQuery, Storage } from './storage';

const T0 = new Date('2030-01-01T08:00:00.000Z');

function record(n: number, extra: Partial<SyncRecord> = {}): SyncRecord {
  return {
    id: `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    kind: 'note',
    dept: 'roads',
    rev: n,
    createdAt: '2030-01-01T07:00:00.000Z',
    updatedAt: '2030-01-01T07:30:00.000Z',
    createdBy: 'u1',
    updatedBy: 'u2',
    deleted: false,
    fields: {
      title: `Note "${n}" \\ </script>`,
      body: 'Zürich 🦆 a\u0000b\n\t\u2028 lone \ud800 end',
      nested: { list: [1, null, true, -0.5, 1e21], empty: {} },
    },
    fieldRevs: { title: n, body: n },
    fieldWriters: { title: { userId: 'u1', clientId: 'device-1' } },
    ...extra,
  };
}

const RECORDS = [
  record(1),
  record(2, { dept: 'parks' }),
  record(3, { deleted: true, fields: {} }),
  record(4, { kind: 'conflict', fields: { of: 'x' } }),
  record(5, { dept: 'parks', updatedBy: 'u1' }),
  // The envelope's text is quoted by the database: it must escape exactly as JSON.stringify does.
  record(6, {
    createdBy: 'q"b\\s/\b\f\n\r\t\u0001\u001f\u007f',
    updatedBy: 'ñ 🦆 \u2028\u2029 \u00e9\u0301',
    createdAt: '2030-01-01T07:00:00.000+01:00',
  }),
];

describe.each(await testAdapters())('public record pages: $name', ({ create }) => {
  let adapter: TestAdapter;
  let storage: Storage;
  beforeEach(async () => {
    adapter = create();
    storage = await adapter.open();
    await storage.transaction(async (tx) => {
      await tx.sync.lockRevision();
      await tx.sync.putRecords(RECORDS, T0);
      await tx.sync.setRevision(RECORDS.length);
    });
  });
  afterEach(async () => {
    await adapter.cleanup();
  });

  const queries: RecordPageQuery[] = [
    { after: 0, departments: null, limit: 10 },
    { after: 1, departments: ['roads'], limit: 10 },
    { after: 0, departments: ['parks', 'roads'], limit: 2 },
    { after: 4, departments: null, limit: 10 },
    { after: 5, departments: null, limit: 10 },
    { after: 0, departments: [], limit: 10 },
  ];

  it.each(queries)('lists the records listRecords lists, as their public JSON: %o', async (query) => {
    const listed = await storage.sync.listRecords(query);
    const pages = await storage.sync.listPublicRecords(query);
    expect(pages.map((row) => row.rev)).toEqual(listed.map((r) => r.rev));
    expect(pages.map((row) => row.json)).toEqual(listed.map((r) => JSON.stringify(toPublicRecord(r))));
    // What a device parses is the stored record without the server's bookkeeping.
    const byId = new Map(RECORDS.map((r) => [r.id, r]));
    for (const row of pages) {
      const parsed = JSON.parse(row.json) as SyncRecord;
      expect(parsed).toEqual(toPublicRecord(byId.get(parsed.id)!));
      expect(parsed).not.toHaveProperty('fieldRevs');
      expect(parsed).not.toHaveProperty('fieldWriters');
    }
  });

  it('reads inside a read-only snapshot like listRecords', async () => {
    const pages = await storage.transaction(
      (tx) => tx.sync.listPublicRecords({ after: 0, departments: ['roads'], limit: 10 }),
      { readOnly: true },
    );
    expect(pages.map((row) => row.rev)).toEqual([1, 3, 4, 6]);
  });
});
