// record.createMany: many creates as one entry, applied all together or refused all together.
import { describe, expect, it } from 'vitest';
import { applyOnServer } from './apply-server';
import type { CreateRecordArgs, MutationResult } from './mutation-types';
import { MAX_CREATES_PER_ENTRY } from './mutation-types';
import { runMutation } from './mutations';
import { touchedIds } from './outbox-entry';
import type { SyncRecord } from './sync-record';
import { stateOf } from './sync-record';
import { T0, TestServer, id, makeEntry, userCtx } from './test-helpers';

const empty = stateOf([]);
const note = (n: number, title = `Note ${n}`): CreateRecordArgs => ({
  kind: 'note',
  id: id(n),
  dept: 'public-works',
  fields: { title },
});
const rejection = (result: MutationResult) => ('rejected' in result ? result.rejected : null);
const changes = (result: MutationResult) => ('changes' in result ? result.changes : []);

describe('record.createMany', () => {
  it('makes exactly the records the creates would make one by one, in order', () => {
    const creates = [note(1), note(2), note(3)];
    const many = changes(runMutation(empty, 'record.createMany', { creates }, userCtx()));
    const single = creates.flatMap((c) => changes(runMutation(empty, 'record.create', c, userCtx())));
    expect(many).toEqual(single);
    expect(many.map((c) => c.record.id)).toEqual([id(1), id(2), id(3)]);
  });

  it('refuses the whole entry when one create is refused, naming which one', () => {
    const creates = [note(1), { ...note(2), fields: { title: '' } }, note(3)];
    const refused = rejection(runMutation(empty, 'record.createMany', { creates }, userCtx()));
    expect(refused).toMatchObject({
      code: 'invalid',
      field: 'title',
      params: { item: '2', of: '3', id: id(2) },
    });
    expect(refused?.message).toMatch(/^Record 2 of 3: /);
  });

  it('refuses a create in a department that is not the user’s', () => {
    const creates = [note(1), { ...note(2), dept: 'parks' }];
    expect(rejection(runMutation(empty, 'record.createMany', { creates }, userCtx()))).toMatchObject({
      code: 'forbidden',
      params: { item: '2' },
    });
  });

  it('skips a create whose record already exists as sent, and refuses one that exists with other content', () => {
    const first = changes(runMutation(empty, 'record.create', note(1), userCtx()))[0]!.record;
    const state = stateOf([first]);
    const again = changes(
      runMutation(state, 'record.createMany', { creates: [note(1), note(2)] }, userCtx()),
    );
    expect(again.map((c) => c.record.id)).toEqual([id(2)]);
    const other = runMutation(
      state,
      'record.createMany',
      { creates: [note(2), note(1, 'Other')] },
      userCtx(),
    );
    expect(rejection(other)).toMatchObject({ code: 'duplicate', params: { item: '2', id: id(1) } });
  });

  it.each([
    ['no list', {}],
    ['a list that is not an array', { creates: 'x' }],
    ['an empty list', { creates: [] }],
    [
      'too many creates',
      { creates: Array.from({ length: MAX_CREATES_PER_ENTRY + 1 }, (_, i) => note(i + 1)) },
    ],
  ])('refuses %s as invalid', (_, args) => {
    expect(rejection(runMutation(empty, 'record.createMany', args, userCtx()))).toMatchObject({
      code: 'invalid',
      field: 'creates',
    });
  });

  it('refuses a repeated id and a kind that acts on a parent record', () => {
    expect(
      rejection(runMutation(empty, 'record.createMany', { creates: [note(1), note(1)] }, userCtx())),
    ).toMatchObject({ code: 'invalid', field: 'id', params: { item: '2' } });
    const fee = { kind: 'permit_fee', id: id(9), dept: 'public-works', fields: { permitId: id(8) } };
    expect(
      rejection(runMutation(empty, 'record.createMany', { creates: [note(1), fee] }, userCtx())),
    ).toMatchObject({ code: 'invalid', field: 'kind', params: { item: '2' } });
  });

  it('names every record it creates as touched, and none when it is malformed', () => {
    const entry = { name: 'record.createMany' as const, args: { creates: [note(1), note(2)] } };
    expect(touchedIds(entry)).toEqual([id(1), id(2)]);
    expect(touchedIds({ name: 'record.createMany', args: { creates: 'x' } } as never)).toEqual([]);
  });

  it('on the server, gives each record its own rev and an official number to a permit that has none', () => {
    const server = new TestServer({ rita: { role: 'clerk', departments: ['public-works'] } });
    const permit = (n: number, number?: string): CreateRecordArgs => ({
      kind: 'permit',
      id: id(n),
      dept: 'public-works',
      fields: {
        ...(number ? { number, importedFrom: 'city.csv' } : {}),
        permitType: 'Deck',
        description: 'New deck',
        address: `${n} Elm St`,
        applicantName: 'Ana Ruiz',
        appliedDate: '2024-01-02',
        status: 'submitted',
      },
    });
    const entry = makeEntry(1, 'record.createMany', { creates: [permit(1, 'B-1'), permit(2)] });
    const applied = server.apply(entry);
    expect(applied.rejected).toBeUndefined();
    expect(applied.status).toBe('applied');
    const records = [id(1), id(2)].map((key) => server.records.get(key) as SyncRecord);
    expect(records.map((r) => r.rev)).toEqual([1, 2]);
    expect(applied.rev).toBe(2);
    expect(records[0]!.fields.number).toBe('B-1');
    expect(typeof records[1]!.fields.number).toBe('string');
    // The same entry again (a second copy of an export file) writes nothing.
    const replay = applyOnServer({ records: server.records }, entry, server.ctx('rita'));
    expect(replay).toMatchObject({ status: 'applied', changes: [] });
    expect(T0).toBe(records[0]!.createdAt);
  });
});
