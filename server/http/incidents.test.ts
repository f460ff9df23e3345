// Incident logs on the server (issue 5): GET /api/incidents/logs/:logId/verify detects an entry altered or
// removed directly in the database (acceptance 3), a push carrying a forged chain is refused and stores
// nothing, an entry can never be edited or deleted through the API (acceptance 5), entries from two devices
// are chained in arrival order with their device times kept, and node:crypto agrees with the mutators' SHA-256.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHashOf, contentText, GENESIS_HASH, linkText } from '../../src/domain/incidents/chain';
import type { JsonObject } from '../../src/domain/sync/json-value';
import { sha256Hex } from '../../src/domain/sync/sha256';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { entry, errorOf, pull, push, rid, syncUser, type SyncUser } from '../test-support/sync-client';
import { addUser, createTestApp, signIn, type TestApp } from '../test-support/test-app';
import { PostgresStorage } from '../storage/postgres-storage';
import { SqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';
import type { LogVerifyResponse } from './routes/incidents';

const DEPT = 'emergency-management';
const INCIDENT = rid(1);
const PERIOD = rid(2);
const LOG = rid(3);
const entryId = (n: number) => rid(100 + n);

type Row = Record<string, unknown>;

/** Raw SQL on the test database, beside the app: what someone with database access could do. */
async function sql(storage: Storage, text: string, params: unknown[] = []): Promise<Row[]> {
  if (storage instanceof SqliteStorage) {
    const statement = storage['db'].prepare(text);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }
  if (storage instanceof PostgresStorage) {
    let n = 0;
    const numbered = text.replace(/\?/g, () => `$${++n}`);
    return (await storage['pool'].query(numbered, params)).rows as Row[];
  }
  throw new Error('unknown storage');
}

const row = async (storage: Storage, id: string): Promise<Row | undefined> =>
  (
    await sql(
      storage,
      'SELECT id, kind, dept, rev, created_at, updated_at, created_by, updated_by, deleted, fields FROM records WHERE id = ?',
      [id],
    )
  )[0];

function entryFields(n: number, extra: JsonObject = {}): JsonObject {
  const fields: JsonObject = {
    logId: LOG,
    incidentId: INCIDENT,
    eventAt: `2030-06-01T10:${String(n).padStart(2, '0')}:00.000Z`,
    recordedAt: `2030-06-01T10:${String(n).padStart(2, '0')}:07.000Z`,
    text: `Entry ${n}: sandbags delivered to Main St. — señal roja`,
    authorName: 'Rita Moreno',
    ...extra,
  };
  return { ...fields, contentHash: contentHashOf(fields) };
}

const append = (who: SyncUser, seq: number, n: number, fields = entryFields(n)): OutboxEntry =>
  entry(who, seq, 'entry.append', { kind: 'log_entry', id: entryId(n), dept: DEPT, fields });

function setUpEntries(who: SyncUser): OutboxEntry[] {
  return [
    entry(who, 1, 'record.create', {
      kind: 'incident',
      id: INCIDENT,
      dept: DEPT,
      fields: {
        name: 'Ice storm',
        incidentType: 'severe_weather',
        severity: 'major',
        startedAt: '2030-06-01T09:00:00.000Z',
      },
    }),
    entry(who, 2, 'record.create', {
      kind: 'operational_period',
      id: PERIOD,
      dept: DEPT,
      fields: {
        incidentId: INCIDENT,
        number: 1,
        startsAt: '2030-06-01T09:00:00.000Z',
        endsAt: '2030-06-01T21:00:00.000Z',
      },
    }),
    entry(who, 3, 'record.create', {
      kind: 'activity_log',
      id: LOG,
      dept: DEPT,
      fields: { incidentId: INCIDENT, periodId: PERIOD, name: 'Rita Moreno', icsPosition: 'Planning' },
    }),
  ];
}

const nodeSha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(await testAdapters())('incident logs on the server: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let rita: SyncUser;

  const verify = (cookie: string, logId = LOG) =>
    t.app.inject({ method: 'GET', url: `/api/incidents/logs/${logId}/verify`, headers: { cookie } });
  const verified = async (logId = LOG): Promise<LogVerifyResponse> => {
    const response = await verify(rita.cookie, logId);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LogVerifyResponse>();
  };
  const stored = async (id: string): Promise<SyncRecord | undefined> =>
    (await t.storage.sync.getRecords([id]))[0];

  /** The incident, its period and its log, then `count` entries, all from rita's device. */
  async function logWith(count: number): Promise<void> {
    const entries = [...setUpEntries(rita)];
    for (let n = 1; n <= count; n++) entries.push(append(rita, 3 + n, n));
    const response = await push(t, rita, entries);
    expect(response.results.map((r) => r.status)).toEqual(entries.map(() => 'applied'));
  }

  beforeEach(async () => {
    adapter = create();
    t = await createTestApp(adapter);
    rita = await syncUser(t, 'rita', 'clerk', [DEPT]);
  });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  it('verifies an untouched log: every entry checked, the final hash is the log head, and it is audited', async () => {
    await logWith(5);
    const log = await stored(LOG);
    const result = await verified();
    expect(result).toEqual({
      logId: LOG,
      ok: true,
      checked: 5,
      entryCount: 5,
      headHash: log?.fields.headHash,
      verifiedAt: t.clock.now().toISOString(),
    });
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = await t.storage.audit.list({ limit: 1 });
    expect(audit).toMatchObject({
      userId: rita.user.id,
      action: 'incidents.verify',
      detail: { logId: LOG, ok: true, checked: 5, headHash: result.headHash },
    });
  });

  it('an empty log verifies with the genesis hash', async () => {
    await logWith(0);
    expect(await verified()).toMatchObject({ ok: true, checked: 0, entryCount: 0, headHash: GENESIS_HASH });
  });

  it('acceptance 3: an entry altered in the database is named as the first broken entry', async () => {
    await logWith(5);
    const good = await verified();
    // Someone with database access rewrites entry 3's text and, later, entry 4's.
    for (const n of [4, 3]) {
      const before = await stored(entryId(n));
      const fields = { ...before!.fields, text: `Entry ${n}: nothing was delivered` };
      await sql(t.storage, 'UPDATE records SET fields = ? WHERE id = ?', [
        JSON.stringify(fields),
        entryId(n),
      ]);
    }
    const result = await verified();
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(2);
    expect(result.broken).toMatchObject({ id: entryId(3), seq: 3, problem: 'content_changed' });
    expect(result.broken?.message).toMatch(/changed after it was written/);
    expect(result.headHash).not.toBe(good.headHash);
    const [audit] = await t.storage.audit.list({ limit: 1 });
    expect(audit?.detail).toMatchObject({ logId: LOG, ok: false, broken: { id: entryId(3) } });
  });

  it('acceptance 3: an altered content hash (recomputed to match the new text) breaks the link', async () => {
    await logWith(4);
    const before = await stored(entryId(2));
    const { contentHash: _old, seq, prevHash, hash, ...content } = before!.fields;
    const forged = { ...content, text: 'Rewritten, hash and all' };
    const fields = { ...forged, contentHash: contentHashOf(forged), seq, prevHash, hash };
    await sql(t.storage, 'UPDATE records SET fields = ? WHERE id = ?', [JSON.stringify(fields), entryId(2)]);
    expect((await verified()).broken).toMatchObject({ id: entryId(2), seq: 2, problem: 'wrong_hash' });
  });

  it('acceptance 3: a removed last entry is detected through the log head, a removed middle one by the gap', async () => {
    await logWith(5);
    await sql(t.storage, 'DELETE FROM records WHERE id = ?', [entryId(5)]);
    const last = await verified();
    expect(last).toMatchObject({ ok: false, checked: 4, entryCount: 5 });
    expect(last.broken).toMatchObject({ id: LOG, seq: 5, problem: 'entries_missing' });

    await sql(t.storage, 'DELETE FROM records WHERE id = ?', [entryId(2)]);
    const middle = await verified();
    expect(middle).toMatchObject({ ok: false, checked: 1 });
    expect(middle.broken).toMatchObject({ id: entryId(3), seq: 3, problem: 'out_of_order' });
  });

  it('acceptance 3: a log head rewritten to hide removed entries, or an entry marked deleted, is detected', async () => {
    await logWith(3);
    const entry2 = await stored(entryId(2));
    await sql(t.storage, 'DELETE FROM records WHERE id = ?', [entryId(3)]);
    const log = await stored(LOG);
    // The count is put back to 2, but the head still names entry 3's hash.
    const fields = { ...log!.fields, entryCount: 2 };
    await sql(t.storage, 'UPDATE records SET fields = ? WHERE id = ?', [JSON.stringify(fields), LOG]);
    expect((await verified()).broken).toMatchObject({ id: LOG, seq: 2, problem: 'head_mismatch' });

    await sql(t.storage, 'UPDATE records SET deleted = ? WHERE id = ?', [
      t.storage.kind === 'sqlite' ? 1 : true,
      entryId(2),
    ]);
    const deleted = await verified();
    expect(deleted).toMatchObject({ ok: false, checked: 1 });
    expect(deleted.broken).toMatchObject({ id: entryId(2), seq: 2, problem: 'entry_deleted' });
    expect(entry2?.deleted).toBe(false);
  });

  it('acceptance 3: a push carrying a forged chain is refused with a reason, and nothing is stored', async () => {
    await logWith(2);
    const counts = await t.storage.sync.counts();
    const log = await stored(LOG);

    // A content hash that does not match the content.
    const honest = entryFields(3);
    const wrongHash = { ...honest, text: 'Text changed after hashing' };
    // Link fields made on the device (a chain it forged), with a content hash that matches.
    const link = { seq: 3, prevHash: log!.fields.headHash!, hash: 'f'.repeat(64) };
    const withLink = { ...honest, ...link };
    // A link that even agrees with what the server would compute is still the device's, and refused.
    const sameLink = {
      ...honest,
      seq: 3,
      prevHash: log!.fields.headHash!,
      hash: sha256Hex(linkText(String(log!.fields.headHash), 3, entryId(3), String(honest.contentHash))),
    };
    const response = await push(t, rita, [
      append(rita, 6, 3, wrongHash),
      append(rita, 7, 3, withLink),
      append(rita, 8, 3, sameLink),
    ]);
    expect(response.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(response.results[0]?.reason).toMatchObject({ code: 'invalid', field: 'contentHash' });
    expect(response.results[0]?.reason?.message).toMatch(/does not match its content/);
    for (const result of response.results.slice(1)) {
      expect(result.reason).toMatchObject({ code: 'invalid', field: 'seq' });
      expect(result.reason?.message).toMatch(/cannot be sent/);
    }
    const after = await t.storage.sync.counts();
    expect(after.records).toBe(counts.records);
    expect(after.revision).toBe(counts.revision);
    expect(await stored(entryId(3))).toBeUndefined();
    expect((await stored(LOG))?.fields).toEqual(log?.fields);
    expect(await verified()).toMatchObject({ ok: true, checked: 2 });
  });

  it('acceptance 5: an entry cannot be edited or deleted through the API; its row stays as it was', async () => {
    await logWith(3);
    const before = await row(t.storage, entryId(2));
    const logBefore = await row(t.storage, LOG);
    const response = await push(t, rita, [
      entry(rita, 7, 'record.update', { kind: 'log_entry', id: entryId(2), fields: { text: 'Edited' } }),
      entry(rita, 8, 'record.delete', { kind: 'log_entry', id: entryId(2) }),
      // The same id appended again with other content.
      append(rita, 9, 2, entryFields(2, { text: 'A second version of entry 2' })),
      // Trying to reach the entry through its log or with another kind name.
      entry(rita, 10, 'record.update', {
        kind: 'activity_log',
        id: LOG,
        fields: { entryCount: 1, headHash: GENESIS_HASH },
      }),
      entry(rita, 11, 'record.delete', { kind: 'note', id: entryId(2) }),
    ]);
    expect(response.results.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(response.results.map((r) => r.reason?.code)).toEqual([
      'append_only',
      'append_only',
      'duplicate',
      'invalid',
      'invalid',
    ]);
    expect(response.results[0]?.reason?.message).toMatch(/cannot be changed or removed; add a correction/);
    expect(await row(t.storage, entryId(2))).toEqual(before);
    expect(await row(t.storage, LOG)).toEqual(logBefore);
    // Appending the very same entry again (a replayed export file) changes nothing either.
    const replay = await push(t, rita, [append(rita, 12, 2)]);
    expect(replay.results[0]?.status).toBe('applied');
    expect(await row(t.storage, entryId(2))).toEqual(before);
    expect(await row(t.storage, LOG)).toEqual(logBefore);
    expect(await verified()).toMatchObject({ ok: true, checked: 3 });
  });

  it('a correction is a new entry pointing at the original, which is unchanged', async () => {
    await logWith(2);
    const original = await row(t.storage, entryId(1));
    const correction = entryFields(3, {
      text: 'Entry 1 corrected: 40 sandbags, not 400',
      corrects: entryId(1),
      correctionReason: 'Typo in the count',
    });
    const response = await push(t, rita, [append(rita, 6, 3, correction)]);
    expect(response.results[0]?.status).toBe('applied');
    expect((await stored(entryId(3)))?.fields).toMatchObject({ corrects: entryId(1), seq: 3 });
    expect(await row(t.storage, entryId(1))).toEqual(original);
    expect(await verified()).toMatchObject({ ok: true, checked: 3 });
  });

  it('entries from two devices are chained in arrival order, keeping each device time', async () => {
    await logWith(0);
    const sam = await syncUser(t, 'sam', 'field', [DEPT]);
    // Sam's entry happened and was recorded earlier, but reaches the server after Rita's first one.
    const a = entryFields(20, { authorName: 'Rita Moreno' });
    const b = entryFields(5, { authorName: 'Sam Okafor', transcribed: true });
    const c = entryFields(21, { authorName: 'Rita Moreno' });
    expect((await push(t, rita, [append(rita, 4, 20, a)])).results[0]?.status).toBe('applied');
    expect((await push(t, sam, [append(sam, 1, 5, b)])).results[0]?.status).toBe('applied');
    expect((await push(t, rita, [append(rita, 5, 21, c)])).results[0]?.status).toBe('applied');

    const order = [entryId(20), entryId(5), entryId(21)];
    const records = await t.storage.sync.getRecords(order);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(order.map((id) => byId.get(id)?.fields.seq)).toEqual([1, 2, 3]);
    expect(byId.get(entryId(5))?.fields).toMatchObject({
      eventAt: b.eventAt,
      recordedAt: b.recordedAt,
      authorName: 'Sam Okafor',
      transcribed: true,
      prevHash: byId.get(entryId(20))?.fields.hash,
    });
    expect(byId.get(entryId(5))?.createdBy).toBe(sam.user.id);
    // The device times are earlier than the previous entry's: order comes from arrival, not clocks.
    expect(String(b.recordedAt) < String(a.recordedAt)).toBe(true);

    // Both users pull the same chain.
    const pulled = async (who: SyncUser) =>
      (await pull(t, who)).records
        .filter((r) => r.kind === 'log_entry')
        .sort((x, y) => Number(x.fields.seq) - Number(y.fields.seq))
        .map((r) => [r.id, r.fields.hash]);
    expect(await pulled(sam)).toEqual(await pulled(rita));
    expect((await pulled(rita)).map(([id]) => id)).toEqual(order);

    const result = await verified();
    expect(result).toMatchObject({ ok: true, checked: 3, entryCount: 3 });
    expect(result.headHash).toBe(byId.get(entryId(21))?.fields.hash);
  });

  it("reads a log's entries by field exactly: not other kinds, nor the id quoted in a text", async () => {
    await logWith(2);
    const otherLog = rid(4);
    const response = await push(t, rita, [
      entry(rita, 6, 'record.create', {
        kind: 'activity_log',
        id: otherLog,
        dept: DEPT,
        fields: { incidentId: INCIDENT, periodId: PERIOD, name: `Copy of ${LOG}` },
      }),
      entry(rita, 7, 'entry.append', {
        kind: 'log_entry',
        id: entryId(9),
        dept: DEPT,
        fields: entryFields(9, { logId: otherLog, text: `See "logId":"${LOG}" and 100% of log_${LOG}` }),
      }),
    ]);
    expect(response.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const read = (value: string) =>
      t.storage.sync.listRecordsByField({ kind: 'log_entry', field: 'logId', value });
    expect((await read(LOG)).map((r) => r.id)).toEqual([entryId(1), entryId(2)]);
    expect((await read(otherLog)).map((r) => r.id)).toEqual([entryId(9)]);
    expect(await read(LOG.slice(0, -1))).toEqual([]);
    expect(await read('%')).toEqual([]);
    expect(
      await t.storage.sync.listRecordsByField({ kind: 'activity_log', field: 'logId', value: LOG }),
    ).toEqual([]);
  });

  it('only signed-in users who may read the log department get an answer', async () => {
    await logWith(1);
    const signedOut = await t.app.inject({ method: 'GET', url: `/api/incidents/logs/${LOG}/verify` });
    expect(signedOut.statusCode).toBe(401);

    await addUser(t, 'omar', 'clerk', ['roads']);
    const outsider = await verify(await signIn(t.app, 'omar'));
    expect(outsider.statusCode).toBe(404);
    expect(errorOf(outsider)).toMatchObject({
      code: 'not_found',
      message: 'This activity log was not found.',
    });
    const [audit] = await t.storage.audit.list({ limit: 1 });
    expect(audit).toMatchObject({ action: 'incidents.verify_forbidden', detail: { logId: LOG, dept: DEPT } });

    // Unknown ids and records that are not activity logs get the same answer.
    for (const id of [rid(999), INCIDENT, entryId(1)]) {
      const response = await verify(rita.cookie, id);
      expect(response.statusCode, id).toBe(404);
      expect(errorOf(response).code).toBe('not_found');
    }
    const bad = await verify(rita.cookie, 'not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'bad_request', field: 'logId' });
    expect(errorOf(bad).message).toMatch(/lowercase UUID/);
    const long = await verify(rita.cookie, 'a'.repeat(65));
    expect(long.statusCode).toBe(400);
    expect(errorOf(long)).toMatchObject({ code: 'bad_request', field: 'logId' });
    const query = await t.app.inject({
      method: 'GET',
      url: `/api/incidents/logs/${LOG}/verify?full=1`,
      headers: { cookie: rita.cookie },
    });
    expect(query.statusCode).toBe(400);
    expect(errorOf(query)).toMatchObject({ code: 'bad_request', field: 'full' });

    await addUser(t, 'ada', 'admin', []);
    const admin = await verify(await signIn(t.app, 'ada'));
    expect(admin.statusCode).toBe(200);
    expect(admin.json<LogVerifyResponse>()).toMatchObject({ ok: true, checked: 1 });
  });
});

describe('node:crypto and the mutators agree on SHA-256', () => {
  it('for content and link texts, ASCII and not, short and several blocks long', () => {
    const extras: JsonObject[] = [
      { text: '' },
      { text: 'Arrived on scene' },
      { text: 'Evacuación completada — 12 personas; 避難所 3 🚒', priority: 'urgent' },
      { text: 'x'.repeat(55) },
      { text: 'y'.repeat(56) },
      { text: 'Line\nbreak\tand "quotes" \\ and \u0000 nul', transcribed: true },
      { text: 'z'.repeat(4_000), attachmentIds: [rid(7)] },
    ];
    const texts = extras.map((extra): JsonObject => ({
      logId: LOG,
      incidentId: INCIDENT,
      eventAt: '2030-06-01T10:00:00.000Z',
      recordedAt: '2030-06-01T10:00:01.000Z',
      authorName: 'Ana Muñoz',
      ...extra,
    }));
    let prev = GENESIS_HASH;
    texts.forEach((fields, i) => {
      const content = contentText(fields);
      const contentHash = nodeSha256(content);
      expect(contentHash).toBe(sha256Hex(content));
      expect(contentHash).toBe(contentHashOf(fields));
      const link = linkText(prev, i + 1, entryId(i), contentHash);
      expect(nodeSha256(link)).toBe(sha256Hex(link));
      prev = nodeSha256(link);
    });
  });
});
