import { describe, expect, it } from 'vitest';
import type { MutationResult } from './mutation-types';
import { runMutation } from './mutations';
import { stateOf } from './sync-record';
import type { SyncRecord } from './sync-record';
import { T0, id, userCtx } from './test-helpers';

const empty = stateOf([]);
const note = (over: Partial<SyncRecord> = {}): SyncRecord => ({
  id: id(1),
  kind: 'note',
  dept: 'public-works',
  rev: 3,
  createdAt: T0,
  updatedAt: T0,
  createdBy: 'rita',
  updatedBy: 'rita',
  deleted: false,
  fields: { title: 'Culvert blocked', status: 'open' },
  ...over,
});
const code = (result: MutationResult) => ('rejected' in result ? result.rejected.code : 'ok');
const changes = (result: MutationResult) => ('changes' in result ? result.changes : []);
const createNote = { kind: 'note', id: id(1), dept: 'public-works', fields: { title: 'Culvert blocked' } };

describe('record.create', () => {
  it('creates the record with defaults, device times and the author', () => {
    const [change] = changes(runMutation(empty, 'record.create', createNote, userCtx()));
    expect(change).toEqual({
      op: 'create',
      fields: ['status', 'title'],
      record: { ...note(), rev: undefined, fields: { status: 'open', title: 'Culvert blocked' } },
    });
    expect(change?.record).not.toHaveProperty('rev');
  });

  it.each([
    ['an unknown kind', { ...createNote, kind: 'permit' }, 'invalid'],
    ['the conflict kind', { ...createNote, kind: 'conflict' }, 'invalid'],
    ['a bad id', { ...createNote, id: 'not-an-id' }, 'invalid'],
    ['an uppercase id', { ...createNote, id: '0190a5e4-0000-7000-8000-00000000000A' }, 'invalid'],
    ['a bad department', { ...createNote, dept: 'Public Works' }, 'invalid'],
    ['fields that are not an object', { ...createNote, fields: ['x'] }, 'invalid'],
    ['a missing title', { ...createNote, fields: { body: 'x' } }, 'invalid'],
    ['an append-only kind', { ...createNote, kind: 'note_comment' }, 'append_only'],
    ["another department's record", { ...createNote, dept: 'fire' }, 'forbidden'],
  ])('refuses %s', (_what, args, expected) => {
    expect(code(runMutation(empty, 'record.create', args, userCtx()))).toBe(expected);
  });

  it('says which field is wrong', () => {
    const result = runMutation(empty, 'record.create', { ...createNote, fields: { title: '' } }, userCtx());
    expect(result).toMatchObject({
      rejected: { code: 'invalid', field: 'title', message: 'Title is required.' },
    });
  });

  it('lets no viewer write, and lets an admin write any department', () => {
    expect(code(runMutation(empty, 'record.create', createNote, userCtx({ role: 'viewer' })))).toBe(
      'forbidden',
    );
    const admin = userCtx({ role: 'admin', departments: [] });
    expect(code(runMutation(empty, 'record.create', { ...createNote, dept: 'fire' }, admin))).toBe('ok');
  });

  it('treats a replay with identical content as harmless and a different one as a duplicate', () => {
    const state = stateOf([note()]);
    expect(runMutation(state, 'record.create', createNote, userCtx())).toEqual({ changes: [] });
    const other = { ...createNote, fields: { title: 'Something else' } };
    expect(code(runMutation(state, 'record.create', other, userCtx()))).toBe('duplicate');
    expect(
      code(runMutation(stateOf([note({ deleted: true })]), 'record.create', createNote, userCtx())),
    ).toBe('duplicate');
  });
});

describe('record.update', () => {
  const state = stateOf([note()]);
  const update = (fields: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
    kind: 'note',
    id: id(1),
    fields,
    ...over,
  });

  it('changes only the fields whose value differs', () => {
    const later = userCtx({ userId: 'sam', now: '2025-03-05T10:00:00.000Z' });
    const [change] = changes(
      runMutation(state, 'record.update', update({ title: 'Culvert blocked', status: 'closed' }), later),
    );
    expect(change?.fields).toEqual(['status']);
    expect(change?.record).toMatchObject({ rev: 3, updatedBy: 'sam', updatedAt: '2025-03-05T10:00:00.000Z' });
    expect(change?.record.fields).toEqual({ title: 'Culvert blocked', status: 'closed' });
  });

  it('writes nothing when nothing changes', () => {
    expect(runMutation(state, 'record.update', update({ status: 'open' }), userCtx())).toEqual({
      changes: [],
    });
  });

  it.each([
    ['a missing record', update({ status: 'closed' }, { id: id(9) }), 'not_found'],
    ['an update of an append-only kind', update({ text: 'x' }, { kind: 'note_comment' }), 'append_only'],
    ['a bad value', update({ status: 'gone' }), 'invalid'],
    ['an unknown field', update({ colour: 'red' }), 'invalid'],
    ['clearing a required field', update({ title: null }), 'invalid'],
  ])('refuses %s', (_what, args, expected) => {
    expect(code(runMutation(state, 'record.update', args, userCtx()))).toBe(expected);
  });

  it("refuses another department's record, and viewers", () => {
    const fire = stateOf([note({ dept: 'fire' })]);
    expect(code(runMutation(fire, 'record.update', update({ status: 'closed' }), userCtx()))).toBe(
      'forbidden',
    );
    expect(
      code(runMutation(state, 'record.update', update({ status: 'closed' }), userCtx({ role: 'viewer' }))),
    ).toBe('forbidden');
  });

  it('refuses a deleted record and says when and by whom', () => {
    const gone = stateOf([note({ deleted: true, updatedBy: 'sam', updatedAt: '2025-03-06T08:00:00.000Z' })]);
    const ctx = userCtx({ userLabel: (user) => (user === 'sam' ? 'Sam Ortiz' : user) });
    expect(runMutation(gone, 'record.update', update({ status: 'closed' }), ctx)).toEqual({
      rejected: {
        code: 'deleted',
        message: 'This note was deleted on 2025-03-06 by Sam Ortiz; your change was not applied.',
        params: { deletedAt: '2025-03-06T08:00:00.000Z', deletedBy: 'sam' },
      },
    });
  });
});

describe('record.delete', () => {
  it('turns the record into a tombstone, once', () => {
    const [change] = changes(
      runMutation(stateOf([note()]), 'record.delete', { kind: 'note', id: id(1) }, userCtx()),
    );
    expect(change).toMatchObject({ op: 'delete', fields: [], record: { deleted: true, id: id(1) } });
    const again = runMutation(
      stateOf([note({ deleted: true })]),
      'record.delete',
      { kind: 'note', id: id(1) },
      userCtx(),
    );
    expect(again).toEqual({ changes: [] });
  });

  it('refuses missing, forbidden and append-only records', () => {
    expect(code(runMutation(stateOf([]), 'record.delete', { kind: 'note', id: id(1) }, userCtx()))).toBe(
      'not_found',
    );
    const fire = stateOf([note({ dept: 'fire' })]);
    expect(code(runMutation(fire, 'record.delete', { kind: 'note', id: id(1) }, userCtx()))).toBe(
      'forbidden',
    );
    const comment = stateOf([note({ kind: 'note_comment', fields: { noteId: id(2), text: 'x' } })]);
    expect(code(runMutation(comment, 'record.delete', { kind: 'note_comment', id: id(1) }, userCtx()))).toBe(
      'append_only',
    );
  });
});

describe('entry.append', () => {
  const append = {
    kind: 'note_comment',
    id: id(5),
    dept: 'public-works',
    fields: { noteId: id(1), text: 'Cleared' },
  };

  it('adds an entry, and a replay of it changes nothing', () => {
    const [change] = changes(runMutation(empty, 'entry.append', append, userCtx()));
    expect(change).toMatchObject({ op: 'append', record: { kind: 'note_comment', fields: append.fields } });
    const state = stateOf(change ? [change.record] : []);
    expect(runMutation(state, 'entry.append', append, userCtx())).toEqual({ changes: [] });
    expect(
      code(
        runMutation(
          state,
          'entry.append',
          { ...append, fields: { ...append.fields, text: 'Other' } },
          userCtx(),
        ),
      ),
    ).toBe('duplicate');
  });

  it('refuses editable kinds, bad fields and other departments', () => {
    expect(code(runMutation(empty, 'entry.append', { ...createNote, id: id(5) }, userCtx()))).toBe('invalid');
    expect(
      code(runMutation(empty, 'entry.append', { ...append, fields: { noteId: id(1) } }, userCtx())),
    ).toBe('invalid');
    expect(code(runMutation(empty, 'entry.append', { ...append, dept: 'fire' }, userCtx()))).toBe(
      'forbidden',
    );
  });
});

it('refuses mutation names it does not know', () => {
  expect(code(runMutation(empty, 'record.merge', {}, userCtx()))).toBe('unknown_mutation');
  expect(code(runMutation(empty, 'toString', {}, userCtx()))).toBe('unknown_mutation');
});
