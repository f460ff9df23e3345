// pullPageJson is pullPage's answer as response text: the same page, cursor, flags and scope, byte for byte
// what JSON.stringify(pullPage(...)) writes, on every kind of page (first, middle, last, reset, empty).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import { toPublicRecord } from '../../src/domain/sync/sync-record';
import type { PullResponse } from '../../src/protocol/sync';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import type { Storage } from '../storage/storage';
import { encodeCursor, scopeHash } from './cursor';
import type { PullQuery, ResolvedScope } from './pull-page';
import { pullPage, pullPageJson } from './pull-page';

const T0 = new Date('2030-01-01T08:00:00.000Z');

function record(
  n: number,
  dept: string,
  fields: SyncRecord['fields'] = { title: `Nota ${n} ñ 🦆` },
): SyncRecord {
  return {
    id: `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    kind: 'note',
    dept,
    rev: n,
    createdAt: '2030-01-01T07:00:00.000Z',
    updatedAt: '2030-01-01T07:30:00.000Z',
    createdBy: 'u1',
    updatedBy: 'u1',
    deleted: n === 4,
    fields,
    fieldRevs: { title: n },
    fieldWriters: { title: { userId: 'u1', clientId: 'device-1' } },
  };
}

const RECORDS = [1, 2, 3, 4, 5, 6, 7].map((n) =>
  record(n, n % 3 === 0 ? 'parks' : 'roads', n === 2 ? { body: 'a\u0000b "q" \\ \u2028' } : undefined),
);
const ROADS: ResolvedScope = { read: { all: false, departments: ['roads'] }, listed: ['roads'] };
const ALL: ResolvedScope = { read: { all: true, departments: [] }, listed: ['parks', 'roads'] };
const NONE: ResolvedScope = { read: { all: false, departments: [] }, listed: [] };

describe.each(await testAdapters())('pull page text: $name', ({ create }) => {
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

  async function both(scope: ResolvedScope, query: PullQuery): Promise<PullResponse> {
    const text = await pullPageJson(storage, scope, query);
    const page = await pullPage(storage, scope, query);
    expect(text).toBe(JSON.stringify(page));
    return JSON.parse(text) as PullResponse;
  }

  it('writes the page pullPage answers, page after page of a resync', async () => {
    const pages: PullResponse[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await both(ROADS, { limit: 2, ...(cursor === undefined ? {} : { cursor }) });
      pages.push(page);
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    const roads = RECORDS.filter((r) => r.dept === 'roads');
    expect(pages.flatMap((page) => page.records)).toEqual(roads.map(toPublicRecord));
    expect(pages.map((page) => [page.hasMore, page.reset])).toEqual([
      [true, true],
      [true, true],
      [false, true],
    ]);
    // An idle pull after the last page: nothing new, no reset.
    const idle = await both(ROADS, { limit: 2, cursor: pages.at(-1)!.cursor });
    expect(idle).toMatchObject({
      records: [],
      hasMore: false,
      reset: false,
      scope: { departments: ['roads'] },
    });
  });

  it('writes every department for an admin and nothing for an empty scope', async () => {
    expect((await both(ALL, { limit: 100 })).records).toEqual(RECORDS.map(toPublicRecord));
    expect(await both(NONE, { limit: 100 })).toMatchObject({ records: [], hasMore: false, reset: true });
  });

  it('starts over with a reset for a cursor of another scope', async () => {
    const foreign = encodeCursor({ rev: 5, scope: scopeHash(ALL.read), reset: false });
    const page = await both(ROADS, { limit: 100, cursor: foreign });
    expect(page.reset).toBe(true);
    expect(page.records.map((r) => r.rev)).toEqual([1, 2, 4, 5, 7]);
  });

  it('refuses a cursor it did not issue, as pullPage does', async () => {
    await expect(pullPageJson(storage, ROADS, { limit: 2, cursor: 'bogus' })).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});
