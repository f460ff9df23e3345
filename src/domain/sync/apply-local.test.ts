import { describe, expect, it } from 'vitest';
import { applyLocal, baseRevsFor, rebase } from './apply-local';
import type { OutboxEntry } from './outbox-entry';
import type { SyncRecord } from './sync-record';
import { stateOf } from './sync-record';
import { T0, id, makeEntry, userCtx } from './test-helpers';

const NOTE = id(1);
const pulled = (over: Partial<SyncRecord> = {}): SyncRecord => ({
  id: NOTE,
  kind: 'note',
  dept: 'public-works',
  rev: 4,
  createdAt: T0,
  updatedAt: T0,
  createdBy: 'sam',
  updatedBy: 'sam',
  deleted: false,
  fields: { title: 'Culvert', status: 'open' },
  ...over,
});
const session = { role: 'clerk' as const, departments: ['public-works'] };

describe('applyLocal', () => {
  it('applies the change and records the rev the device saw', () => {
    const result = applyLocal(
      stateOf([pulled()]),
      'record.update',
      { kind: 'note', id: NOTE, fields: { status: 'closed' } },
      userCtx(),
    );
    expect(result).toMatchObject({ baseRevs: { [NOTE]: 4 } });
    expect('state' in result && result.state.records.get(NOTE)?.fields.status).toBe('closed');
  });

  it('uses null for a record the server has not seen', () => {
    const args = { kind: 'note', id: id(2), dept: 'public-works', fields: { title: 'New' } };
    expect(applyLocal(stateOf([]), 'record.create', args, userCtx())).toMatchObject({
      baseRevs: { [id(2)]: null },
    });
  });

  it('returns the rejection and leaves the state alone', () => {
    const args = { kind: 'note', id: NOTE, fields: { status: 'maybe' } };
    expect(applyLocal(stateOf([pulled()]), 'record.update', args, userCtx())).toMatchObject({
      rejected: { code: 'invalid', field: 'status' },
    });
  });

  it('names the conflict and its record as base revs of a resolution', () => {
    const conflict = pulled({ id: id(7), kind: 'conflict', rev: 9, fields: { recordId: NOTE } });
    const entry = { name: 'conflict.resolve' as const, args: { conflictId: id(7), value: 'x' } };
    expect(baseRevsFor(stateOf([pulled(), conflict]), entry)).toEqual({ [id(7)]: 9, [NOTE]: 4 });
  });
});

describe('rebase', () => {
  const pending: OutboxEntry[] = [
    makeEntry(
      3,
      'record.update',
      { kind: 'note', id: NOTE, fields: { status: 'closed' } },
      { [NOTE]: 2 },
      { at: '2025-03-04T10:00:00.000Z' },
    ),
    makeEntry(4, 'record.create', {
      kind: 'note',
      id: id(2),
      dept: 'public-works',
      fields: { title: 'Second' },
    }),
  ];

  it('keeps local edits visible over fresher server records', () => {
    const { state, changed, skipped } = rebase(
      [pulled({ fields: { title: 'Renamed on server', status: 'open' } })],
      pending,
      session,
    );
    expect(state.records.get(NOTE)).toMatchObject({
      rev: 4,
      updatedAt: '2025-03-04T10:00:00.000Z',
      updatedBy: 'rita',
      fields: { title: 'Renamed on server', status: 'closed' },
    });
    expect(changed.map((r) => r.id)).toEqual([NOTE, id(2)]);
    expect(skipped).toEqual([]);
  });

  it('replays in seq order whatever order the entries come in', () => {
    const a = rebase([pulled()], pending, session);
    const b = rebase([pulled()], [...pending].reverse(), session);
    expect(b.state).toEqual(a.state);
  });

  it('skips entries that no longer apply', () => {
    const { state, skipped } = rebase([pulled({ deleted: true })], pending, session);
    expect(state.records.get(NOTE)?.deleted).toBe(true);
    expect(skipped).toMatchObject([{ seq: 3, rejected: { code: 'deleted' } }]);
    expect(state.records.has(id(2))).toBe(true);
  });

  it('returns the server records untouched when nothing is pending', () => {
    const { state, changed } = rebase([pulled()], [], session);
    expect([...state.records.values()]).toEqual([pulled()]);
    expect(changed).toEqual([]);
  });
});
