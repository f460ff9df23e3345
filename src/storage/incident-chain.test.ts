// An activity log on a device: entries written offline are chained provisionally after the entries the
// device knows; when another device's entry reaches the device first, a pull re-chains the pending ones
// after it, and the server, given the same entries in the same order, computes the very same links.
import { describe, expect, it } from 'vitest';
import { contentHashOf, verifyChain, type Digest } from '../domain/incidents/chain';
import type { JsonObject } from '../domain/sync/json-value';
import { makeEntry, TestServer } from '../domain/sync/test-helpers';
import type { SyncRecord } from '../domain/sync/sync-record';
import { applyPulledPage } from './apply-pulled-page';
import { listLogEntries, readTimelinePage } from './incident-queries';
import { unsentEntriesOf } from './outbox';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const DEPT = 'emergency-management';
const ctx = ritaCtx({ role: 'manager', departments: [DEPT] });
const accounts = {
  rita: { role: 'manager' as const, departments: [DEPT] },
  omar: { role: 'field' as const, departments: [DEPT] },
};
const [INCIDENT, PERIOD, LOG] = [n(1), n(2), n(3)];

const webDigest: Digest = async (text) => {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

function entryFields(text: string, minute: number): JsonObject {
  const at = `2026-11-26T14:${String(minute).padStart(2, '0')}:00.000Z`;
  const fields: JsonObject = {
    logId: LOG,
    incidentId: INCIDENT,
    eventAt: at,
    recordedAt: at,
    text,
    authorName: 'Rita',
  };
  return { ...fields, contentHash: contentHashOf(fields) };
}

function serverWithLog(): TestServer {
  const server = new TestServer(accounts);
  const create = (seq: number, kind: string, id: string, fields: JsonObject) =>
    server.apply(makeEntry(seq, 'record.create', { kind, id, dept: DEPT, fields }, {}, { clientId: 'desk' }));
  create(1, 'incident', INCIDENT, {
    name: 'Ice storm',
    incidentType: 'severe_weather',
    severity: 'major',
    startedAt: '2026-11-26T12:00:00Z',
  });
  create(2, 'operational_period', PERIOD, {
    incidentId: INCIDENT,
    number: 1,
    startsAt: '2026-11-26T12:00:00Z',
    endsAt: '2026-11-27T00:00:00Z',
  });
  create(3, 'activity_log', LOG, { incidentId: INCIDENT, periodId: PERIOD, name: 'EOC Planning' });
  return server;
}

const pulled = (records: SyncRecord[], cursor: string) => ({
  records,
  cursor,
  hasMore: false,
  scope: { departments: [DEPT] },
});

describe('an activity log on a device', () => {
  it('re-chains pending entries after another device’s entry, as the server will', async () => {
    const server = serverWithLog();
    const db = await freshDatabase();
    await applyPulledPage(db, pulled([...server.records.values()], '1'), {
      userId: 'rita',
      startResync: false,
    });

    // Offline: two entries, chained provisionally as 1 and 2.
    for (const [i, text] of ['Briefing held', 'Crews sent to Main St'].entries())
      await writeMutation(
        db,
        'entry.append',
        { kind: 'log_entry', id: n(10 + i), dept: DEPT, fields: entryFields(text, i) },
        ctx,
      );
    let entries = await listLogEntries(db, LOG);
    expect(entries.map((e) => [e.fields.text, e.fields.seq, e.pending])).toEqual([
      ['Briefing held', 1, true],
      ['Crews sent to Main St', 2, true],
    ]);
    expect((await verifyChain(entries, webDigest)).ok).toBe(true);

    // Meanwhile Omar's entry reached the server first; the device pulls it.
    server.apply(
      makeEntry(
        1,
        'entry.append',
        { kind: 'log_entry', id: n(20), dept: DEPT, fields: entryFields('Road closed', 5) },
        {},
        { clientId: 'omar-phone', userId: 'omar' },
      ),
    );
    await applyPulledPage(db, pulled([server.records.get(n(20))!, server.records.get(LOG)!], '2'), {
      userId: 'rita',
      startResync: false,
    });
    entries = await listLogEntries(db, LOG);
    expect(entries.map((e) => [e.fields.text, e.fields.seq])).toEqual([
      ['Road closed', 1],
      ['Briefing held', 2],
      ['Crews sent to Main St', 3],
    ]);
    const local = await verifyChain(entries, webDigest);
    expect(local.ok).toBe(true);

    // The push: the server chains the device's entries after Omar's, to the same hashes.
    for (const entry of await unsentEntriesOf(db, 'rita')) server.apply(entry);
    const onServer = [n(20), n(10), n(11)].map((id) => server.records.get(id)!);
    expect(onServer.map((e) => e.fields.hash)).toEqual(entries.map((e) => e.fields.hash));
    expect(server.records.get(LOG)?.fields.headHash).toBe(local.headHash);

    // The timeline reads the newest entries by event time from the index.
    const first = await readTimelinePage(db, INCIDENT, { limit: 2 });
    expect(first.entries.map((e) => e.fields.text)).toEqual(['Road closed', 'Crews sent to Main St']);
    const older = await readTimelinePage(db, INCIDENT, { limit: 5, after: first.next });
    expect(older.entries.map((e) => e.fields.text)).toEqual(['Briefing held']);
  });
});
