// The file transport: unsent changes carried to another device, a snapshot to an offline laptop, and
// damaged or tampered files refused with nothing changed.
import { describe, expect, it } from 'vitest';
import { ExportFileError } from '../protocol/sync';
import { readCursor } from '../storage';
import { ImportRefusedError } from './file-transport';
import { FakeSyncServer } from './test/fake-sync-server';
import { id, makeDevice } from './test/device';

const accounts = { rita: { role: 'clerk' as const, departments: ['public-works'] } };

describe('file transport', () => {
  it('round-trips unsent changes through a file; a second import is harmless', async () => {
    const server = new FakeSyncServer(accounts);
    const laptop = await makeDevice(server);
    await laptop.createNote(1, 'From the field');
    await laptop.createNote(2, 'Second');
    const file = await laptop.engine.exportUnsent();
    expect(file.count).toBe(2);
    expect(file.fileName).toMatch(/^holdfast-unsent-rita-.*\.holdfast\.json$/);

    const office = await makeDevice(server);
    expect(await office.engine.importFile(file.text)).toEqual({
      type: 'unsent-changes',
      applied: 2,
      duplicate: 0,
      rejected: 0,
      conflict: 0,
      notApplied: 0,
    });
    expect(await office.engine.importFile(file.text)).toMatchObject({ applied: 0, duplicate: 2 });
    expect(server.server.records.get(id(1))?.fields.title).toBe('From the field');
    // The laptop's own push later is acknowledged as duplicates and empties its outbox.
    await laptop.engine.syncNow();
    expect(await laptop.db.outbox.count()).toBe(0);
  });

  it('refuses a tampered or damaged file and changes nothing', async () => {
    const server = new FakeSyncServer(accounts);
    const laptop = await makeDevice(server);
    await laptop.createNote(1, 'Original');
    const { text } = await laptop.engine.exportUnsent();
    const office = await makeDevice(server);
    const tampered = text.replace('Original', 'Forged');
    await expect(office.engine.importFile(tampered)).rejects.toMatchObject({ code: 'checksum_mismatch' });
    await expect(office.engine.importFile(text.slice(0, 60))).rejects.toBeInstanceOf(ExportFileError);
    await expect(office.engine.importFile('hello')).rejects.toMatchObject({ code: 'not_holdfast_file' });
    expect(server.calls.filter((c) => c.includes('import'))).toHaveLength(0);
    expect(server.server.records.size).toBe(0);
  });

  it('brings an offline laptop up to date from a snapshot, cursor included', async () => {
    const server = new FakeSyncServer(accounts);
    const office = await makeDevice(server);
    await office.createNote(1, 'On the server');
    await office.engine.syncNow();
    const snapshot = await office.engine.downloadSnapshot();
    expect(snapshot.count).toBe(1);

    const laptop = await makeDevice(server);
    expect(await laptop.engine.importFile(snapshot.text)).toEqual({ type: 'snapshot', records: 1 });
    expect((await laptop.db.records.get(id(1)))?.fields.title).toBe('On the server');
    expect(await readCursor(laptop.db, 'rita')).toBe('1');

    const stranger = await makeDevice(new FakeSyncServer({ sam: accounts.rita }), 'sam');
    await expect(stranger.engine.importFile(snapshot.text)).rejects.toBeInstanceOf(ImportRefusedError);
  });
});
