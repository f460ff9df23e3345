// Incident reads: the timeline a page at a time (ties in event time neither skipped nor repeated, filters
// that walk on past non-matching entries), messages and replies, unsent counts from the outbox, the board.
import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../domain/incidents/chain';
import type { JsonObject } from '../domain/sync/json-value';
import type { HoldfastDatabase } from './database';
import {
  listMessages,
  listReplies,
  readIncidentBoard,
  readTimelinePage,
  unsentCounts,
  type TimelineCursor,
} from './incident-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const ctx = ritaCtx({ role: 'manager', now: '2026-03-02T09:00:00.000Z' });

async function write(
  db: HoldfastDatabase,
  name: 'record.create' | 'entry.append' | 'record.update',
  kind: string,
  id: string,
  fields: JsonObject,
) {
  const args = name === 'record.update' ? { kind, id, fields } : { kind, id, dept: 'public-works', fields };
  const result = await writeMutation(db, name, args as never, ctx);
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

async function incident(db: HoldfastDatabase, i: number, fields: JsonObject = {}) {
  await write(db, 'record.create', 'incident', n(i), {
    name: `Incident ${i}`,
    incidentType: 'flood',
    severity: 'major',
    startedAt: '2026-03-01T06:00:00.000Z',
    ...fields,
  });
}

async function log(db: HoldfastDatabase, i: number, incidentId: string, periodId: string) {
  await write(db, 'record.create', 'activity_log', n(i), { incidentId, periodId, name: `Log ${i}` });
}

async function entry(
  db: HoldfastDatabase,
  i: number,
  logId: string,
  incidentId: string,
  eventAt: string,
  text: string,
  authorName = 'Rita',
) {
  const fields: JsonObject = { logId, incidentId, eventAt, recordedAt: eventAt, text, authorName };
  await write(db, 'entry.append', 'log_entry', n(i), { ...fields, contentHash: contentHashOf(fields) });
}

const minute = (m: number) => new Date(Date.parse('2026-03-01T07:00:00.000Z') + m * 60_000).toISOString();

/** Incident 1 with period 2, logs 3 and 4, and entries 100…: `times` gives each entry's minute. */
async function sample(times: number[]) {
  const db = await freshDatabase();
  await incident(db, 1);
  await write(db, 'record.create', 'operational_period', n(2), {
    incidentId: n(1),
    number: 1,
    startsAt: minute(0),
    endsAt: minute(600),
  });
  await log(db, 3, n(1), n(2));
  await log(db, 4, n(1), n(2));
  for (const [k, m] of times.entries())
    await entry(db, 100 + k, k % 2 ? n(4) : n(3), n(1), minute(m), `Entry ${k}`, k % 2 ? 'Omar' : 'Rita');
  return db;
}

async function allPages(db: HoldfastDatabase, limit: number, match?: (e: { fields: JsonObject }) => boolean) {
  const seen: string[] = [];
  let after: TimelineCursor | null = null;
  for (let page = 0; page < 50; page++) {
    const result = await readTimelinePage(db, n(1), { limit, after, batch: 3, ...(match ? { match } : {}) });
    seen.push(...result.entries.map((e) => String(e.fields.text)));
    if (!result.next) return seen;
    after = result.next;
  }
  throw new Error('did not finish');
}

describe('readTimelinePage', () => {
  it('reads newest event first, a page at a time, without skipping or repeating entries that share a time', async () => {
    // Entries 1-4 share one minute, as do 6 and 7: page boundaries fall inside those runs.
    const db = await sample([10, 20, 20, 20, 20, 30, 40, 40, 5]);
    const first = await readTimelinePage(db, n(1), { limit: 3 });
    // Same time: the larger id first (as the index reads them backwards).
    expect(first.entries.map((e) => e.fields.text)).toEqual(['Entry 7', 'Entry 6', 'Entry 5']);
    expect(first.entries.map((e) => e.fields.eventAt)).toEqual([minute(40), minute(40), minute(30)]);
    for (const limit of [1, 2, 3, 4, 10]) {
      const texts = await allPages(db, limit);
      expect(texts).toHaveLength(9);
      expect(new Set(texts).size).toBe(9);
      const times = texts.map((t) => [10, 20, 20, 20, 20, 30, 40, 40, 5][Number(t.split(' ')[1])]!);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it('keeps only matching entries and walks past the others to fill the page', async () => {
    const db = await sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const omar = await readTimelinePage(db, n(1), {
      limit: 2,
      batch: 3,
      match: (e) => e.fields.authorName === 'Omar',
    });
    expect(omar.entries.map((e) => e.fields.text)).toEqual(['Entry 9', 'Entry 7']);
    expect(await allPages(db, 2, (e) => e.fields.logId === n(3))).toEqual([
      'Entry 8',
      'Entry 6',
      'Entry 4',
      'Entry 2',
      'Entry 0',
    ]);
    const none = await readTimelinePage(db, n(1), { limit: 5, match: () => false });
    expect(none).toEqual({ entries: [], next: null });
  });
});

describe('messages, replies and unsent counts', () => {
  it('lists messages newest first and a message’s reply', async () => {
    const db = await freshDatabase();
    await incident(db, 1);
    const message = (i: number, sentAt: string) =>
      write(db, 'entry.append', 'ics213_message', n(i), {
        incidentId: n(1),
        toName: 'Omar',
        fromName: 'Rita',
        subject: `Subject ${i}`,
        message: 'Text',
        sentAt,
      });
    await message(2, '2026-03-01T08:00:00.000Z');
    await message(3, '2026-03-01T09:00:00.000Z');
    expect((await listMessages(db, n(1))).map((m) => m.id)).toEqual([n(3), n(2)]);
    await write(db, 'entry.append', 'ics213_reply', n(4), {
      messageId: n(2),
      incidentId: n(1),
      reply: 'Yes',
      repliedByName: 'Omar',
      repliedAt: '2026-03-01T08:30:00.000Z',
    });
    expect((await listReplies(db, n(2))).map((r) => r.id)).toEqual([n(4)]);
    expect(await listReplies(db, n(3))).toEqual([]);
    // The message knows its reply; a second reply is refused on the device with the reason.
    expect((await listMessages(db, n(1))).find((m) => m.id === n(2))?.fields.replyId).toBe(n(4));
    const second = await writeMutation(
      db,
      'entry.append',
      {
        kind: 'ics213_reply',
        id: n(5),
        dept: 'public-works',
        fields: {
          messageId: n(2),
          incidentId: n(1),
          reply: 'No',
          repliedByName: 'Ana',
          repliedAt: '2026-03-01T08:40:00.000Z',
        },
      },
      ctx,
    );
    expect(second).toMatchObject({ ok: false, rejected: { code: 'not_allowed' } });
  });

  it('counts the unsent changes of each incident and log from the outbox, updates included', async () => {
    const db = await sample([1, 2, 3]);
    await incident(db, 9);
    await write(db, 'record.update', 'activity_log', n(3), { icsPosition: 'Planning' });
    await write(db, 'record.update', 'operational_period', n(2), { endsAt: minute(700) });
    const counts = await unsentCounts(db);
    // Incident 1: itself, period, two logs, three entries, two updates.
    expect(counts.byIncident.get(n(1))).toBe(9);
    expect(counts.byIncident.get(n(9))).toBe(1);
    // Log 3: itself, its update and entries 0 and 2; log 4: itself and entry 1.
    expect(counts.byLog.get(n(3))).toBe(4);
    expect(counts.byLog.get(n(4))).toBe(2);
    await db.outbox.clear();
    expect((await unsentCounts(db)).byIncident.size).toBe(0);
  });

  it('puts active incidents first, then monitoring, with their latest three entries; closed below', async () => {
    const db = await sample([1, 2, 3, 4]);
    await incident(db, 7, { status: 'monitoring', startedAt: '2026-03-02T06:00:00.000Z' });
    await incident(db, 8, { status: 'closed' });
    await incident(db, 9, { startedAt: '2026-02-28T06:00:00.000Z', exercise: true });
    const board = await readIncidentBoard(db);
    expect(board.open.map((b) => b.incident.id)).toEqual([n(1), n(9), n(7)]);
    expect(board.closed.map((b) => b.incident.id)).toEqual([n(8)]);
    expect(board.open[0]?.latest.map((e) => e.fields.text)).toEqual(['Entry 3', 'Entry 2', 'Entry 1']);
    // Itself, its period, two logs, four entries.
    expect(board.open[0]?.unsent).toBe(8);
    expect(board.open[1]?.latest).toEqual([]);
  });
});
