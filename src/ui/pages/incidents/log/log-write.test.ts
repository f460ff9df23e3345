// Entries built by the log page are accepted by the write path (their content hash holds), chain on the
// device, and "Verify log" (WebCrypto) passes on them, names the first entry altered afterwards, and
// notices a last entry gone missing; a correction points at the original, which stays as it was.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../domain/sync';
import { contentHashOf } from '../../../../domain/incidents/chain';
import { listLogEntries } from '../../../../storage/incident-queries';
import { getRecord } from '../../../../storage';
import { freshDatabase, n, ritaCtx } from '../../../../storage/test/test-db';
import { writeMutation } from '../../../../storage/write-mutation';
import { attachmentIdsOf, authorNameOf, buildEntryFields, MAX_ENTRY_PHOTOS } from './log-write';
import { verifyLog, webDigest } from './log-verify';

const DEPT = 'emergency-management';
const ctx = ritaCtx({ role: 'manager', departments: [DEPT], now: '2026-03-02T09:30:00.000Z' });
const [INCIDENT, PERIOD, LOG] = [n(1), n(2), n(3)];
const RITA = { displayName: 'Rita Alvarez', username: 'rita' };

async function deviceWithLog() {
  const db = await freshDatabase();
  const create = (kind: string, id: string, fields: JsonObject) =>
    writeMutation(db, 'record.create', { kind, id, dept: DEPT, fields }, ctx);
  await create('incident', INCIDENT, {
    name: 'Ice storm',
    incidentType: 'severe_weather',
    severity: 'major',
    startedAt: '2026-03-02T06:00:00Z',
  });
  await create('operational_period', PERIOD, {
    incidentId: INCIDENT,
    number: 1,
    startsAt: '2026-03-02T06:00:00Z',
    endsAt: '2026-03-02T18:00:00Z',
  });
  await create('activity_log', LOG, { incidentId: INCIDENT, periodId: PERIOD, name: 'EOC Planning' });
  const log = (await getRecord(db, LOG))!;
  return { db, log };
}

describe('buildEntryFields', () => {
  it('holds what was typed, the device time, the author and a hash of exactly those fields', () => {
    const fields = buildEntryFields(
      { id: LOG, fields: { incidentId: INCIDENT } },
      { text: '  Briefing held  ', eventAt: '2026-03-02T09:00:00.000Z', priority: 'urgent' },
      RITA,
      new Date('2026-03-02T09:31:00.000Z'),
    );
    const { contentHash, ...content } = fields;
    expect(content).toEqual({
      logId: LOG,
      incidentId: INCIDENT,
      eventAt: '2026-03-02T09:00:00.000Z',
      recordedAt: '2026-03-02T09:31:00.000Z',
      text: 'Briefing held',
      authorName: 'Rita Alvarez',
      priority: 'urgent',
    });
    expect(contentHash).toBe(contentHashOf(content));
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('marks corrections and paper entries, and leaves unset options out', () => {
    const log = { id: LOG, fields: { incidentId: INCIDENT } };
    const at = '2026-03-02T08:15:00.000Z';
    const paper = buildEntryFields(log, { text: 'Sandbags out', eventAt: at, transcribed: true }, RITA);
    expect(paper).toMatchObject({ transcribed: true, eventAt: at });
    expect(paper).not.toHaveProperty('priority');
    expect(paper).not.toHaveProperty('corrects');
    const fix = buildEntryFields(
      log,
      { text: 'Sandbags out at Main St', eventAt: at, corrects: { id: n(9), reason: ' Wrong street ' } },
      RITA,
    );
    expect(fix).toMatchObject({ corrects: n(9), correctionReason: 'Wrong street' });
    expect(fix).not.toHaveProperty('transcribed');
  });

  it('carries the photos’ ids in attachmentIds, covered by the content hash; none leaves the field out', () => {
    const log = { id: LOG, fields: { incidentId: INCIDENT } };
    const at = '2026-03-02T08:15:00.000Z';
    const photos = [n(40), n(41)];
    const fields = buildEntryFields(
      log,
      { text: 'Culvert blocked', eventAt: at, attachmentIds: photos },
      RITA,
    );
    expect(fields.attachmentIds).toEqual(photos);
    expect(fields.attachmentIds).not.toBe(photos);
    const { contentHash, ...content } = fields;
    expect(contentHash).toBe(contentHashOf(content));
    expect(contentHash).not.toBe(contentHashOf({ ...content, attachmentIds: [n(40)] }));
    expect(attachmentIdsOf(fields)).toEqual(photos);
    const none = buildEntryFields(log, { text: 'Culvert clear', eventAt: at, attachmentIds: [] }, RITA);
    expect(none).not.toHaveProperty('attachmentIds');
    expect(attachmentIdsOf(none)).toEqual([]);
    expect(attachmentIdsOf({ attachmentIds: [n(1), 7, null, n(2)] })).toEqual([n(1), n(2)]);
  });

  it('signs with the username when the user has no display name', () => {
    expect(authorNameOf({ displayName: ' ', username: 'omar' })).toBe('omar');
  });
});

describe('entries on a device and "Verify log"', () => {
  it('records, chains and verifies; a correction leaves the original as it was', async () => {
    const { db, log } = await deviceWithLog();
    const ids: string[] = [];
    for (const [i, text] of ['Arrived on scene', 'Briefing held', 'Crews sent to Main St'].entries()) {
      const id = n(10 + i);
      ids.push(id);
      const fields = buildEntryFields(log, { text, eventAt: `2026-03-02T09:0${i}:00.000Z` }, RITA);
      const result = await writeMutation(
        db,
        'entry.append',
        { kind: 'log_entry', id, dept: DEPT, fields },
        ctx,
      );
      expect(result.ok).toBe(true);
    }
    const original = (await getRecord(db, ids[2]!))!;
    const correction = buildEntryFields(
      log,
      {
        text: 'Crews sent to Elm St',
        eventAt: String(original.fields.eventAt),
        corrects: { id: original.id, reason: 'Wrong street' },
      },
      RITA,
    );
    const fixed = await writeMutation(
      db,
      'entry.append',
      { kind: 'log_entry', id: n(20), dept: DEPT, fields: correction },
      ctx,
    );
    expect(fixed.ok).toBe(true);

    const entries = await listLogEntries(db, LOG);
    expect(entries.map((e) => [e.fields.seq, e.fields.text])).toEqual([
      [1, 'Arrived on scene'],
      [2, 'Briefing held'],
      [3, 'Crews sent to Main St'],
      [4, 'Crews sent to Elm St'],
    ]);
    expect(entries[3]?.fields).toMatchObject({ corrects: ids[2], correctionReason: 'Wrong street' });
    expect((await getRecord(db, ids[2]!))?.fields).toEqual(original.fields);

    const logNow = (await getRecord(db, LOG))!;
    const result = await verifyLog(logNow, entries, webDigest);
    expect(result).toEqual({
      outcome: 'ok',
      checked: 4,
      headHash: entries[3]?.fields.hash,
      pending: 4,
    });
  });

  it('records an entry with the most photos the kind allows, and refuses one more', async () => {
    const { db, log } = await deviceWithLog();
    const photos = Array.from({ length: MAX_ENTRY_PHOTOS + 1 }, (_, i) => n(60 + i));
    const write = (id: string, attachmentIds: string[]) =>
      writeMutation(
        db,
        'entry.append',
        {
          kind: 'log_entry',
          id,
          dept: DEPT,
          fields: buildEntryFields(
            log,
            { text: 'Photos of the levee', eventAt: '2026-03-02T09:00:00.000Z', attachmentIds },
            RITA,
          ),
        },
        ctx,
      );
    const refused = await write(n(50), photos);
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('attachmentIds');
    const accepted = await write(n(51), photos.slice(0, MAX_ENTRY_PHOTOS));
    expect(accepted.ok).toBe(true);
    const [entry] = await listLogEntries(db, LOG);
    expect(entry?.fields.attachmentIds).toEqual(photos.slice(0, MAX_ENTRY_PHOTOS));
    const logNow = (await getRecord(db, LOG))!;
    expect(await verifyLog(logNow, [entry!], webDigest)).toMatchObject({ outcome: 'ok', checked: 1 });
  });

  it('names the first entry changed after it was written, and a removed last entry', async () => {
    const { db, log } = await deviceWithLog();
    for (const [i, text] of ['One', 'Two', 'Three'].entries()) {
      const fields = buildEntryFields(log, { text, eventAt: `2026-03-02T09:0${i}:00.000Z` }, RITA);
      await writeMutation(db, 'entry.append', { kind: 'log_entry', id: n(30 + i), dept: DEPT, fields }, ctx);
    }
    const entries = await listLogEntries(db, LOG);
    const logNow = (await getRecord(db, LOG))!;

    const altered = entries.map((e, i) => (i === 1 ? { ...e, fields: { ...e.fields, text: 'Deux' } } : e));
    const broken = await verifyLog(logNow, altered, webDigest);
    expect(broken).toMatchObject({ outcome: 'broken', seq: 2, problem: 'content_changed' });
    expect(broken.outcome === 'broken' && broken.entry.fields.text).toBe('Deux');

    const relinked = entries.filter((_, i) => i !== 0);
    expect(await verifyLog(logNow, relinked, webDigest)).toMatchObject({
      outcome: 'broken',
      seq: 1,
      problem: 'out_of_order',
    });

    const shortened = await verifyLog(logNow, entries.slice(0, 2), webDigest);
    expect(shortened).toEqual({
      outcome: 'missing',
      count: 2,
      headHash: entries[1]?.fields.hash,
      expected: 3,
      expectedHash: entries[2]?.fields.hash,
    });
  });

  it('says an empty log has nothing to verify', async () => {
    const { log } = await deviceWithLog();
    expect(await verifyLog(log, [], webDigest)).toEqual({ outcome: 'empty' });
  });
});
