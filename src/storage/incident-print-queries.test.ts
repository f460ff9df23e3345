// The print and export reads: a log with its incident, period and entries in chain order (a pending entry
// last and flagged), a message with its reply, an incident with every log's entries; and nothing for a
// record that is not on the device or belongs to another incident.
import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../domain/incidents/chain';
import type { JsonObject } from '../domain/sync/json-value';
import { makeEntry, TestServer } from '../domain/sync/test-helpers';
import { applyPulledPage } from './apply-pulled-page';
import { getIncidentRecords, getLogSheet, getMessageSheet } from './incident-print-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const DEPT = 'emergency-management';
const ctx = ritaCtx({ role: 'manager', departments: [DEPT] });
const [INCIDENT, PERIOD, LOG, OTHER_LOG, MESSAGE, REPLY, OTHER_INCIDENT] = [
  n(1),
  n(2),
  n(3),
  n(4),
  n(5),
  n(6),
  n(7),
];

function entryFields(logId: string, text: string, minute: number): JsonObject {
  const at = `2026-03-02T14:${String(minute).padStart(2, '0')}:00.000Z`;
  const fields: JsonObject = {
    logId,
    incidentId: INCIDENT,
    eventAt: at,
    recordedAt: at,
    text,
    authorName: 'Rita',
  };
  return { ...fields, contentHash: contentHashOf(fields) };
}

async function deviceWithIncident() {
  const server = new TestServer({ rita: { role: 'manager', departments: [DEPT] } });
  let seq = 0;
  const apply = (name: 'record.create' | 'entry.append', kind: string, id: string, fields: JsonObject) =>
    server.apply(makeEntry(++seq, name, { kind, id, dept: DEPT, fields }, {}, { clientId: 'desk' }));
  const incident = (id: string, name: string) =>
    apply('record.create', 'incident', id, {
      name,
      incidentType: 'flood',
      severity: 'major',
      startedAt: '2026-03-02T12:00:00Z',
    });
  incident(INCIDENT, 'River flood');
  incident(OTHER_INCIDENT, 'Other flood');
  apply('record.create', 'operational_period', PERIOD, {
    incidentId: INCIDENT,
    number: 1,
    startsAt: '2026-03-02T12:00:00Z',
    endsAt: '2026-03-03T00:00:00Z',
  });
  for (const [id, name] of [
    [LOG, 'Planning'],
    [OTHER_LOG, 'Logistics'],
  ] as const)
    apply('record.create', 'activity_log', id, { incidentId: INCIDENT, periodId: PERIOD, name });
  apply('entry.append', 'log_entry', n(10), entryFields(LOG, 'Briefing held', 1));
  apply('entry.append', 'log_entry', n(11), entryFields(LOG, 'Levee checked', 2));
  apply('entry.append', 'log_entry', n(12), entryFields(OTHER_LOG, 'Sandbags ordered', 3));
  apply('entry.append', 'ics213_message', MESSAGE, {
    incidentId: INCIDENT,
    toName: 'Omar',
    fromName: 'Rita',
    subject: 'Sandbags',
    message: 'Send 500 sandbags.',
    sentAt: '2026-03-02T14:10:00Z',
  });
  apply('entry.append', 'ics213_reply', REPLY, {
    messageId: MESSAGE,
    incidentId: INCIDENT,
    reply: 'On their way.',
    repliedByName: 'Omar',
    repliedAt: '2026-03-02T14:20:00Z',
  });
  const db = await freshDatabase();
  await applyPulledPage(
    db,
    { records: [...server.records.values()], cursor: '1', hasMore: false, scope: { departments: [DEPT] } },
    { userId: 'rita', startResync: false },
  );
  return db;
}

describe('incident print queries', () => {
  it('read a log with its incident, period and entries, a pending entry last', async () => {
    const db = await deviceWithIncident();
    await writeMutation(
      db,
      'entry.append',
      { kind: 'log_entry', id: n(20), dept: DEPT, fields: entryFields(LOG, 'Water rising', 4) },
      ctx,
    );
    const sheet = await getLogSheet(db, INCIDENT, LOG);
    expect(sheet?.incident?.fields.name).toBe('River flood');
    expect(sheet?.period?.fields.number).toBe(1);
    expect(sheet?.log.fields.name).toBe('Planning');
    expect(sheet?.entries.map((e) => [e.fields.text, e.fields.seq, e.pending])).toEqual([
      ['Briefing held', 1, false],
      ['Levee checked', 2, false],
      ['Water rising', 3, true],
    ]);
    expect(await getLogSheet(db, OTHER_INCIDENT, LOG)).toBeNull();
    expect(await getLogSheet(db, INCIDENT, MESSAGE)).toBeNull();
    expect(await getLogSheet(db, INCIDENT, n(99))).toBeNull();
  });

  it('read a message with its reply, and every log of an incident with its entries', async () => {
    const db = await deviceWithIncident();
    const message = await getMessageSheet(db, INCIDENT, MESSAGE);
    expect(message?.message.fields.subject).toBe('Sandbags');
    expect(message?.reply?.fields.reply).toBe('On their way.');
    expect(await getMessageSheet(db, OTHER_INCIDENT, MESSAGE)).toBeNull();

    const records = await getIncidentRecords(db, INCIDENT);
    expect(records?.periods.map((p) => p.id)).toEqual([PERIOD]);
    expect(
      records?.logs.map(({ log, entries }) => [log.fields.name, entries.map((e) => e.fields.text)]),
    ).toEqual([
      ['Logistics', ['Sandbags ordered']],
      ['Planning', ['Briefing held', 'Levee checked']],
    ]);
    expect(await getIncidentRecords(db, LOG)).toBeNull();
  });
});
