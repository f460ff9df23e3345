// Two devices edit the same field: after syncing, both show the server's value and the same conflict.
import { describe, expect, it } from 'vitest';
import { listOpenConflicts } from '../storage';
import { FakeSyncServer } from './test/fake-sync-server';
import { id, makeDevice } from './test/device';

const accounts = { rita: { role: 'clerk' as const, departments: ['public-works'] } };

describe('sync engine: conflicts', () => {
  it('a device whose edit conflicted shows the value the server kept, and the conflict', async () => {
    const server = new FakeSyncServer(accounts);
    const a = await makeDevice(server);
    const b = await makeDevice(server);
    await a.createNote(1, 'First');
    await a.engine.syncNow();
    await b.engine.syncNow();

    await a.write('record.update', { kind: 'note', id: id(1), fields: { title: 'From A' } });
    await a.engine.syncNow();
    await b.write('record.update', { kind: 'note', id: id(1), fields: { title: 'From B' } });
    await b.engine.syncNow();
    await a.engine.syncNow();

    for (const device of [a, b]) {
      const note = await device.db.records.get(id(1));
      expect(note?.fields.title).toBe('From A');
      expect(note && 'base' in note).toBe(false);
      const conflicts = await listOpenConflicts(device.db);
      expect(conflicts.map((c) => [c.fields.serverValue, c.fields.clientValue])).toEqual([
        ['From A', 'From B'],
      ]);
    }
  });
});
