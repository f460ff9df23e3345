import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../sync/json-value';
import { isRejected } from '../sync/mutation-types';
import { sha256Hex } from '../sync/sha256';
import { id, makeEntry, TestServer } from '../sync/test-helpers';
import { contentHashOf, GENESIS_HASH, linkText, verifyChain, type Digest } from './chain';

const DEPT = 'emergency-management';
const accounts = {
  rita: { role: 'manager' as const, departments: [DEPT] },
  omar: { role: 'field' as const, departments: [DEPT] },
};
const INCIDENT = id(1);
const PERIOD = id(2);
const LOG = id(3);

/** The mutators' own synchronous SHA-256; the server tests check node:crypto agrees. */
const nodeDigest: Digest = sha256Hex;
const webDigest: Digest = async (text) => {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

function entryFields(text: string, extra: JsonObject = {}): JsonObject {
  const fields: JsonObject = {
    logId: LOG,
    incidentId: INCIDENT,
    eventAt: '2026-11-26T14:00:00.000Z',
    recordedAt: '2026-11-26T14:00:05.000Z',
    text,
    authorName: 'Rita Moreno',
    ...extra,
  };
  return { ...fields, contentHash: contentHashOf(fields) };
}

function setUp(): TestServer {
  const server = new TestServer(accounts);
  const create = (seq: number, kind: string, recordId: string, fields: JsonObject) =>
    server.apply(makeEntry(seq, 'record.create', { kind, id: recordId, dept: DEPT, fields }));
  create(1, 'incident', INCIDENT, {
    name: 'Ice storm',
    incidentType: 'severe_weather',
    severity: 'major',
    startedAt: '2026-11-26T12:00:00.000Z',
  });
  create(2, 'operational_period', PERIOD, {
    incidentId: INCIDENT,
    number: 1,
    startsAt: '2026-11-26T12:00:00.000Z',
    endsAt: '2026-11-27T00:00:00.000Z',
  });
  create(3, 'activity_log', LOG, {
    incidentId: INCIDENT,
    periodId: PERIOD,
    name: 'Rita Moreno',
    icsPosition: 'Planning Section Chief',
    resources: [{ name: 'Omar Haddad', position: 'Situation Unit Leader', agency: 'Public Works' }],
  });
  return server;
}

const append = (seq: number, entryId: string, fields: JsonObject, device = 'device-a', user = 'rita') =>
  makeEntry(
    seq,
    'entry.append',
    { kind: 'log_entry', id: entryId, dept: DEPT, fields },
    {},
    { clientId: device, userId: user },
  );

const chained = (server: TestServer) =>
  [...server.records.values()]
    .filter((record) => record.kind === 'log_entry')
    .sort((a, b) => Number(a.fields.seq) - Number(b.fields.seq));

describe('activity log entries', () => {
  it('chain each entry to the one before, in the order the server receives them', async () => {
    const server = setUp();
    server.apply(append(4, id(10), entryFields('Briefing held')));
    server.apply(append(1, id(11), entryFields('Road closed at Main St'), 'device-b', 'omar'));
    server.apply(append(5, id(12), entryFields('Crew dispatched')));
    const entries = chained(server);
    expect(entries.map((entry) => [entry.id, entry.fields.seq])).toEqual([
      [id(10), 1],
      [id(11), 2],
      [id(12), 3],
    ]);
    expect(entries[0]!.fields.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.fields.prevHash).toBe(entries[0]!.fields.hash);
    expect(entries[1]!.fields.hash).toBe(
      nodeDigest(
        linkText(String(entries[0]!.fields.hash), 2, id(11), String(entries[1]!.fields.contentHash)),
      ),
    );
    const log = server.records.get(LOG)!;
    expect(log.fields).toMatchObject({ entryCount: 3, headHash: entries[2]!.fields.hash });
    // The device times are kept as written.
    expect(entries[1]!.fields.recordedAt).toBe('2026-11-26T14:00:05.000Z');

    for (const digest of [nodeDigest, webDigest]) {
      const report = await verifyChain(entries, digest);
      expect(report).toEqual({ ok: true, checked: 3, headHash: log.fields.headHash });
    }
  });

  it('verification names the first entry altered after it was written', async () => {
    const server = setUp();
    for (let n = 0; n < 5; n++) server.apply(append(4 + n, id(20 + n), entryFields(`Entry ${n}`)));
    const entries = chained(server).map((entry) => ({ ...entry, fields: { ...entry.fields } }));
    entries[2]!.fields.text = 'Entry 2 (quietly changed)';
    expect(await verifyChain(entries, webDigest)).toMatchObject({
      ok: false,
      checked: 2,
      broken: { id: id(22), seq: 3, problem: 'content_changed' },
    });
    const removed = chained(server).filter((entry) => entry.id !== id(23));
    expect((await verifyChain(removed, nodeDigest)).broken).toMatchObject({
      id: id(24),
      problem: 'out_of_order',
    });
  });

  it('refuses an entry whose hash does not match its content (a forged chain)', () => {
    const server = setUp();
    const forged = { ...entryFields('Original'), text: 'Something else' };
    const result = server.apply(append(4, id(30), forged));
    expect(result.status).toBe('rejected');
    expect(result.rejected).toMatchObject({ code: 'invalid', field: 'contentHash' });
    expect(server.records.has(id(30))).toBe(false);
  });

  it('refuses link fields sent by a device', () => {
    const server = setUp();
    const result = server.apply(
      append(4, id(31), { ...entryFields('Hi'), seq: 1, prevHash: GENESIS_HASH, hash: 'f'.repeat(64) }),
    );
    expect(result.rejected).toMatchObject({ code: 'invalid', field: 'seq' });
  });

  it('can never be edited or deleted; a correction is a new entry with a reason', () => {
    const server = setUp();
    server.apply(append(4, id(40), entryFields('Generator at 40% fuel')));
    const edit = server.apply(
      makeEntry(5, 'record.update', { kind: 'log_entry', id: id(40), fields: { text: 'changed' } }),
    );
    expect(edit.rejected?.code).toBe('append_only');
    const remove = server.apply(makeEntry(6, 'record.delete', { kind: 'log_entry', id: id(40) }));
    expect(remove.rejected?.code).toBe('append_only');
    const again = server.apply(append(7, id(40), entryFields('Generator at 90% fuel')));
    expect(again.rejected?.code).toBe('duplicate');
    expect(server.records.get(id(40))?.fields.text).toBe('Generator at 40% fuel');

    const noReason = server.apply(
      append(8, id(41), entryFields('Generator at 90% fuel', { corrects: id(40) })),
    );
    expect(noReason.rejected).toMatchObject({ code: 'invalid', field: 'correctionReason' });
    const correction = server.apply(
      append(
        9,
        id(42),
        entryFields('Generator at 90% fuel', { corrects: id(40), correctionReason: 'Misread the gauge' }),
      ),
    );
    expect(correction.status).toBe('applied');
    expect(server.records.get(id(42))?.fields).toMatchObject({ corrects: id(40), seq: 2 });
  });

  it('replaying the same entry (a second copy of an export file) changes nothing', () => {
    const server = setUp();
    const fields = entryFields('Shelter opened');
    server.apply(append(4, id(50), fields));
    const replay = server.apply(append(1, id(50), fields, 'device-c', 'omar'));
    expect(replay.status).toBe('applied');
    expect(replay.changes).toEqual([]);
    expect(server.records.get(LOG)?.fields.entryCount).toBe(1);
  });

  it('keeps an entry in its log: another incident is refused', () => {
    const server = setUp();
    const result = server.apply(append(4, id(51), entryFields('x', { incidentId: id(99) })));
    expect(result.rejected).toMatchObject({ code: 'invalid', field: 'incidentId' });
  });
});

describe('incidents and ICS 213 messages', () => {
  it('keeps incidents, periods and logs for good: a delete is refused', () => {
    const server = setUp();
    for (const [seq, kind, recordId] of [
      [4, 'incident', INCIDENT],
      [5, 'operational_period', PERIOD],
      [6, 'activity_log', LOG],
    ] as const) {
      const result = server.apply(makeEntry(seq, 'record.delete', { kind, id: recordId }));
      expect(result.rejected?.code).toBe('not_allowed');
      expect(server.records.get(recordId)?.deleted).toBe(false);
    }
  });

  it('keeps an incident an exercise, or real, for good', () => {
    const server = setUp();
    const result = server.apply(
      makeEntry(4, 'record.update', { kind: 'incident', id: INCIDENT, fields: { exercise: true } }),
    );
    expect(result.rejected).toMatchObject({ code: 'invalid', field: 'exercise' });
  });

  it('refuses a period that ends before it starts, and a log with a filled-in chain', () => {
    const server = setUp();
    const period = server.apply(
      makeEntry(4, 'record.create', {
        kind: 'operational_period',
        id: id(60),
        dept: DEPT,
        fields: {
          incidentId: INCIDENT,
          number: 2,
          startsAt: '2026-11-27T00:00:00Z',
          endsAt: '2026-11-26T00:00:00Z',
        },
      }),
    );
    expect(period.rejected).toMatchObject({ field: 'endsAt' });
    const log = server.apply(
      makeEntry(5, 'record.create', {
        kind: 'activity_log',
        id: id(61),
        dept: DEPT,
        fields: { incidentId: INCIDENT, periodId: PERIOD, name: 'X', entryCount: 5 },
      }),
    );
    expect(log.rejected).toMatchObject({ field: 'entryCount' });
  });

  it('takes one reply per message; a second is refused with a plain reason', () => {
    const server = setUp();
    server.apply(
      makeEntry(4, 'entry.append', {
        kind: 'ics213_message',
        id: id(70),
        dept: DEPT,
        fields: {
          incidentId: INCIDENT,
          toName: 'EOC Director',
          fromName: 'Rita Moreno',
          subject: 'Generators',
          message: 'Need two more generators at the shelter.',
          sentAt: '2026-11-26T15:00:00Z',
        },
      }),
    );
    const reply = (seq: number, replyId: string) =>
      server.apply(
        makeEntry(seq, 'entry.append', {
          kind: 'ics213_reply',
          id: replyId,
          dept: DEPT,
          fields: {
            messageId: id(70),
            incidentId: INCIDENT,
            reply: 'Two on the way.',
            repliedByName: 'Director',
            repliedAt: '2026-11-26T15:10:00Z',
          },
        }),
      );
    expect(reply(5, id(71)).status).toBe('applied');
    expect(server.records.get(id(70))?.fields.replyId).toBe(id(71));
    const second = reply(6, id(72));
    expect(isRejected(second as never) || second.status === 'rejected').toBe(true);
    expect(second.rejected?.code).toBe('not_allowed');
  });
});
