import { describe, expect, it } from 'vitest';
import { conflictFieldsOf, conflictRecordId } from './conflict-record';
import { sequenceCheck } from './apply-server';
import { TestServer, T0, id, makeEntry } from './test-helpers';

const accounts = {
  rita: { role: 'clerk' as const, departments: ['public-works'] },
  sam: { role: 'field' as const, departments: ['public-works'] },
  val: { role: 'viewer' as const, departments: ['public-works'] },
};
const NOTE = id(1);
type Sender = { clientId: string; userId: string; at?: string };
const fromA: Sender = { clientId: 'device-a', userId: 'rita' };
const fromB = { clientId: 'device-b', userId: 'sam', at: '2025-03-04T11:00:00.000Z' };

/** A server holding one note created by device A at rev 1. */
function serverWithNote(): TestServer {
  const server = new TestServer(accounts);
  server.apply(
    makeEntry(1, 'record.create', {
      kind: 'note',
      id: NOTE,
      dept: 'public-works',
      fields: { title: 'Culvert', body: '' },
    }),
  );
  return server;
}
const edit = (seq: number, fields: Record<string, string>, base: number | null, from: Sender = fromB) =>
  makeEntry(seq, 'record.update', { kind: 'note', id: NOTE, fields }, { [NOTE]: base }, from);

describe('applyOnServer', () => {
  it('stamps revs, fieldRevs and the writer of each field', () => {
    const server = serverWithNote();
    const result = server.apply(edit(1, { status: 'closed' }, 1));
    expect(result).toMatchObject({ status: 'applied', rev: 2, conflictIds: [] });
    expect(server.records.get(NOTE)).toMatchObject({
      rev: 2,
      updatedBy: 'sam',
      updatedAt: fromB.at,
      fieldRevs: { title: 1, body: 1, status: 2 },
      fieldWriters: { title: fromA, status: { clientId: 'device-b', userId: 'sam' } },
    });
  });

  it('keeps both edits when two devices change different fields', () => {
    const server = serverWithNote();
    server.apply(edit(2, { title: 'Culvert blocked' }, 1, fromA));
    const result = server.apply(edit(1, { body: 'Debris after storm' }, 1));
    expect(result.status).toBe('applied');
    expect(server.records.get(NOTE)?.fields).toEqual({
      title: 'Culvert blocked',
      body: 'Debris after storm',
      status: 'open',
    });
  });

  it('keeps the server value and makes exactly one conflict when both change the same field', () => {
    const server = serverWithNote();
    server.apply(edit(2, { title: 'Culvert blocked' }, 1, fromA));
    const result = server.apply(edit(7, { title: 'Culvert cleared', body: 'Done' }, 1));
    const conflictId = conflictRecordId('device-b', 7, 'title');
    expect(result).toMatchObject({ status: 'conflict', conflictIds: [conflictId] });
    expect(server.records.get(NOTE)?.fields).toMatchObject({ title: 'Culvert blocked', body: 'Done' });
    const conflicts = [...server.records.values()].filter((r) => r.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id: conflictId, dept: 'public-works', createdAt: T0 });
    expect(conflictFieldsOf(conflicts[0])).toEqual({
      recordKind: 'note',
      recordId: NOTE,
      field: 'title',
      serverValue: 'Culvert blocked',
      serverRev: 2,
      serverBy: 'rita',
      clientValue: 'Culvert cleared',
      clientBy: 'sam',
      clientDevice: 'device-b',
      clientAt: fromB.at,
      status: 'open',
    });
  });

  it('makes no conflict when the other side wrote the same value', () => {
    const server = serverWithNote();
    server.apply(edit(2, { title: 'Culvert blocked' }, 1, fromA));
    const result = server.apply(edit(1, { title: 'Culvert blocked' }, 1));
    expect(result).toMatchObject({ status: 'applied', changes: [], conflictIds: [] });
  });

  it('treats a null base as "never saw the server version"', () => {
    const server = serverWithNote();
    server.apply(edit(1, { body: 'from B' }, 1));
    expect(server.apply(edit(2, { body: 'from A' }, null, fromA)).status).toBe('conflict');
  });

  it('never conflicts a device with its own earlier entries', () => {
    const server = serverWithNote();
    // Two offline edits of the title on device A, both made against rev 1.
    expect(server.apply(edit(2, { title: 'First try' }, 1, fromA)).status).toBe('applied');
    expect(server.apply(edit(3, { title: 'Second try' }, 1, fromA)).status).toBe('applied');
    expect(server.records.get(NOTE)?.fields.title).toBe('Second try');
  });

  it('lets delete win over a concurrent edit, and refuses later edits in plain words', () => {
    const server = serverWithNote();
    server.apply(edit(1, { title: 'Edited on B' }, 1));
    const del = makeEntry(
      2,
      'record.delete',
      { kind: 'note', id: NOTE },
      { [NOTE]: 1 },
      { at: '2025-03-05T08:00:00.000Z' },
    );
    expect(server.apply(del).status).toBe('applied');
    const late = server.apply(edit(2, { body: 'More' }, 2));
    expect(late).toMatchObject({ status: 'rejected', changes: [] });
    expect(late.rejected?.message).toBe(
      'This note was deleted on 2025-03-05 by rita; your change was not applied.',
    );
    expect(server.records.get(NOTE)?.deleted).toBe(true);
  });

  it('makes the same result, and writes nothing, when the same entry is applied again', () => {
    const server = serverWithNote();
    server.apply(edit(2, { title: 'Culvert blocked' }, 1, fromA));
    const entry = edit(7, { title: 'Culvert cleared', body: 'Done' }, 1);
    const first = server.apply(entry);
    const before = new Map(server.records);
    const second = server.apply(entry);
    expect(second.conflictIds).toEqual(first.conflictIds);
    expect(second.changes).toEqual([]);
    expect(server.records).toEqual(before);
  });

  it('records rejections without writing', () => {
    const server = serverWithNote();
    const byViewer = edit(1, { body: 'x' }, 1, { clientId: 'device-v', userId: 'val' });
    expect(server.apply(byViewer)).toMatchObject({ status: 'rejected', rejected: { code: 'forbidden' } });
  });

  it('never lets append-only entries conflict', () => {
    const server = serverWithNote();
    const comment = (n: number, from: Sender) =>
      makeEntry(
        n,
        'entry.append',
        {
          kind: 'note_comment',
          id: id(10 + n),
          dept: 'public-works',
          fields: { noteId: NOTE, text: `c${n}` },
        },
        {},
        from,
      );
    expect(server.apply(comment(1, fromA)).status).toBe('applied');
    expect(server.apply(comment(2, fromB)).status).toBe('applied');
    expect([...server.records.values()].filter((r) => r.kind === 'note_comment')).toHaveLength(2);
  });
});

describe('sequenceCheck', () => {
  it('sorts seqs into duplicates, the next one and gaps', () => {
    expect(sequenceCheck(4, 3)).toBe('duplicate');
    expect(sequenceCheck(4, 4)).toBe('duplicate');
    expect(sequenceCheck(4, 5)).toBe('next');
    expect(sequenceCheck(4, 7)).toBe('gap');
    expect(sequenceCheck(0, 1)).toBe('next');
  });
});
