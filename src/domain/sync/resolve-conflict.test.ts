import { describe, expect, it } from 'vitest';
import { conflictFieldsOf, conflictRecordId } from './conflict-record';
import { runMutation } from './mutations';
import { TestServer, id, makeEntry, userCtx } from './test-helpers';

const NOTE = id(1);
const accounts = {
  rita: { role: 'clerk' as const, departments: ['public-works'] },
  sam: { role: 'field' as const, departments: ['public-works'] },
  ana: { role: 'clerk' as const, departments: ['fire'] },
};
const fromB = { clientId: 'device-b', userId: 'sam' };

/** A server where device B's title edit (seq 5) conflicted with device A's. */
function serverWithConflict(): { server: TestServer; conflictId: string } {
  const server = new TestServer(accounts);
  server.apply(
    makeEntry(1, 'record.create', { kind: 'note', id: NOTE, dept: 'public-works', fields: { title: 'Old' } }),
  );
  server.apply(
    makeEntry(2, 'record.update', { kind: 'note', id: NOTE, fields: { title: 'From A' } }, { [NOTE]: 1 }),
  );
  server.apply(
    makeEntry(
      5,
      'record.update',
      { kind: 'note', id: NOTE, fields: { title: 'From B' } },
      { [NOTE]: 1 },
      fromB,
    ),
  );
  return { server, conflictId: conflictRecordId('device-b', 5, 'title') };
}
const resolve = (seq: number, conflictId: string, value: unknown, from = fromB) =>
  makeEntry(seq, 'conflict.resolve', { conflictId, value } as never, {}, from);

describe('conflict.resolve', () => {
  it('closes the conflict and writes the chosen value as a new change', () => {
    const { server, conflictId } = serverWithConflict();
    const before = server.records.get(NOTE)?.fieldRevs?.title ?? 0;
    const result = server.apply(resolve(6, conflictId, 'From B'));
    expect(result.status).toBe('applied');
    expect(conflictFieldsOf(server.records.get(conflictId))).toMatchObject({
      status: 'resolved',
      resolution: 'From B',
      resolvedBy: 'sam',
    });
    const note = server.records.get(NOTE);
    expect(note?.fields.title).toBe('From B');
    expect(note?.fieldRevs?.title).toBeGreaterThan(before);
  });

  it('writes nothing to the record when the kept value is chosen', () => {
    const { server, conflictId } = serverWithConflict();
    const result = server.apply(resolve(6, conflictId, 'From A'));
    expect(result.changes.map((c) => c.record.id)).toEqual([conflictId]);
  });

  it('accepts the same resolution twice and refuses a different later one', () => {
    const { server, conflictId } = serverWithConflict();
    server.apply(resolve(6, conflictId, 'From B'));
    expect(
      server.apply(resolve(3, conflictId, 'From B', { clientId: 'device-a', userId: 'rita' })).changes,
    ).toEqual([]);
    const other = server.apply(resolve(4, conflictId, 'From A', { clientId: 'device-a', userId: 'rita' }));
    expect(other).toMatchObject({ status: 'rejected', rejected: { code: 'already_resolved' } });
  });

  it('refuses a missing conflict, a bad value, and users outside the department', () => {
    const { server, conflictId } = serverWithConflict();
    expect(server.apply(resolve(6, id(99), 'x')).rejected?.code).toBe('not_found');
    expect(server.apply(resolve(6, conflictId, '')).rejected).toMatchObject({
      code: 'invalid',
      field: 'value',
    });
    expect(
      server.apply(resolve(1, conflictId, 'x', { clientId: 'device-f', userId: 'ana' })).rejected?.code,
    ).toBe('forbidden');
  });

  it('closes the conflict but leaves a deleted record deleted', () => {
    const { server, conflictId } = serverWithConflict();
    server.apply(makeEntry(3, 'record.delete', { kind: 'note', id: NOTE }, { [NOTE]: 2 }));
    const result = server.apply(resolve(6, conflictId, 'From B'));
    expect(result.changes.map((c) => c.record.id)).toEqual([conflictId]);
    expect(server.records.get(NOTE)).toMatchObject({ deleted: true, fields: { title: 'From A' } });
  });

  it('needs a value', () => {
    const { server, conflictId } = serverWithConflict();
    const result = runMutation({ records: server.records }, 'conflict.resolve', { conflictId }, userCtx());
    expect(result).toMatchObject({ rejected: { code: 'invalid', field: 'value' } });
  });
});
