// Replaying pending entries group by group gives exactly what one replay of everything gives.
import { describe, expect, it } from 'vitest';
import { rebase } from '../domain/sync/apply-local';
import { makeConflictRecord } from '../domain/sync/conflict-record';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import { stateOf } from '../domain/sync/sync-record';
import { replayPending } from './replay';
import { n } from './test/test-db';

const note = (i: number, title: string): SyncRecord => ({
  id: n(i),
  kind: 'note',
  dept: 'public-works',
  rev: i,
  createdAt: 'T0',
  updatedAt: 'T0',
  createdBy: 'sam',
  updatedBy: 'sam',
  deleted: false,
  fields: { title, status: 'open' },
});

function entry(clientId: string, seq: number, name: string, args: object): OutboxEntry {
  return { clientId, seq, name, args, baseRevs: {}, at: `T${seq}`, userId: 'rita' } as OutboxEntry;
}

describe('replayPending', () => {
  it('matches one replay of every entry, client by client, over the whole state', () => {
    const conflict = makeConflictRecord({
      record: note(3, 'Three'),
      field: 'title',
      clientValue: 'Theirs',
      entry: { clientId: 'c', seq: 1, userId: 'sam', at: 'T0' },
      now: 'T0',
    });
    const state = stateOf([note(1, 'One'), note(2, 'Two'), note(3, 'Three'), conflict]);
    const update = (i: number, title: string) => ({ kind: 'note', id: n(i), fields: { title } });
    const pending = [
      entry('b', 1, 'record.update', update(1, 'b1')),
      entry('a', 1, 'record.update', update(1, 'a1')),
      entry('a', 2, 'record.create', {
        kind: 'note',
        id: n(7),
        dept: 'public-works',
        fields: { title: 'New' },
      }),
      entry('b', 2, 'record.delete', { kind: 'note', id: n(2) }),
      entry('a', 3, 'record.update', update(2, 'after delete')),
      entry('b', 3, 'conflict.resolve', { conflictId: conflict.id, value: 'Resolved' }),
      entry('a', 4, 'record.update', update(3, 'a4')),
      entry('a', 5, 'record.update', update(7, 'a5')),
      entry('a', 6, 'record.update', { kind: 'note', id: 42, fields: {} }),
    ];

    let expected = state;
    const changed = new Map<string, SyncRecord>();
    for (const clientId of ['a', 'b']) {
      const result = rebase(
        expected,
        pending.filter((e) => e.clientId === clientId),
        {
          role: 'admin',
          departments: [],
        },
      );
      expected = result.state;
      for (const record of result.changed) changed.set(record.id, record);
    }

    const actual = replayPending(state, pending);
    expect(new Map([...actual.state.records].sort())).toEqual(new Map([...expected.records].sort()));
    expect(new Map([...actual.changed].sort())).toEqual(new Map([...changed].sort()));
    expect(actual.state.records.get(n(1))?.fields.title).toBe('b1');
    expect(actual.state.records.get(n(3))?.fields.title).toBe('Resolved');
  });
});
