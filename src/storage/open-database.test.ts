// Opening the database: device id, wipe detection, newer versions, blocked upgrades, versionchange.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, DEVICE_ID_MIRROR_KEY, type KeyValueMirror } from './open-database';
import { StorageOpenError } from './storage-errors';
import { SCHEMA_VERSION, type HoldfastDatabase } from './database';

/** The native version of the schema version after this build's (Dexie stores versions times ten). */
const NEWER = (SCHEMA_VERSION + 1) * 10;

let counter = 0;
const opened: HoldfastDatabase[] = [];
const uniqueName = () => `holdfast-test-${++counter}-${Math.random().toString(36).slice(2)}`;

function memoryMirror(): KeyValueMirror & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

function rawOpen(name: string, version: number, stores: string[] = []): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      for (const store of stores) request.result.createObjectStore(store);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function open(name: string, mirror: KeyValueMirror, extra = {}) {
  const result = await openDatabase({ name, mirror, ...extra });
  opened.push(result.db);
  return result;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('openDatabase', () => {
  it('generates a UUIDv7 device id once and keeps it across reopen', async () => {
    const name = uniqueName();
    const mirror = memoryMirror();
    const first = await open(name, mirror);
    expect(first.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.wiped).toBe(false);
    expect(mirror.map.get(DEVICE_ID_MIRROR_KEY)).toBe(first.deviceId);
    first.db.close();

    const second = await open(name, mirror);
    expect(second.deviceId).toBe(first.deviceId);
    expect(second.wiped).toBe(false);
  });

  it('reports a wipe when the mirror remembers a device but the database has no sentinel', async () => {
    const name = uniqueName();
    const mirror = memoryMirror();
    const first = await open(name, mirror);
    first.db.close();
    await deleteRaw(name);

    const after = await open(name, mirror);
    expect(after.wiped).toBe(true);
    // A fresh id, so the new outbox's sequence numbers are not mistaken for already-applied ones.
    expect(after.deviceId).not.toBe(first.deviceId);
    expect(mirror.map.get(DEVICE_ID_MIRROR_KEY)).toBe(after.deviceId);
  });

  it('does not report a wipe on a new device, or when only the mirror was cleared', async () => {
    const name = uniqueName();
    const mirror = memoryMirror();
    const first = await open(name, mirror);
    first.db.close();
    mirror.map.clear();
    const again = await open(name, mirror);
    expect(again.wiped).toBe(false);
    expect(again.deviceId).toBe(first.deviceId);
    expect(mirror.map.get(DEVICE_ID_MIRROR_KEY)).toBe(first.deviceId);
  });

  it('looking for a newer version does not create a database', async () => {
    const name = uniqueName();
    await expect(
      openDatabase({ name: `${name}-probe`, mirror: null }).then((r) => r.db.close()),
    ).resolves.toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain(`${name}-probe`);
    expect(names).not.toContain(name);
  });

  it('works without a mirror (localStorage unavailable)', async () => {
    const result = await openDatabase({ name: uniqueName(), mirror: null });
    opened.push(result.db);
    expect(result.deviceId).toBeTruthy();
  });

  it('fails with newer_version when a newer schema version created the database', async () => {
    const name = uniqueName();
    // What a future Holdfast might write: the next schema version, `meta` with another key.
    const raw = await rawOpen(name, NEWER, ['meta']);
    raw.close();
    const error = await openDatabase({ name, mirror: memoryMirror() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageOpenError);
    expect((error as StorageOpenError).kind).toBe('newer_version');
    // Left exactly as the newer version wrote it.
    const after = await rawOpen(name, NEWER);
    expect(after.version).toBe(NEWER);
    expect(after.objectStoreNames.contains('meta')).toBe(true);
    after.close();
  });

  it('reports a blocked upgrade and finishes once the old connection closes', async () => {
    const name = uniqueName();
    const old = await rawOpen(name, 1); // an older tab that ignores versionchange
    const onBlocked = vi.fn();
    const pending = open(name, memoryMirror(), { onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    old.close();
    const result = await pending;
    expect(result.db.isOpen()).toBe(true);
  });

  it('closes the database and notifies when another tab upgrades it', async () => {
    const name = uniqueName();
    const onVersionChange = vi.fn();
    const { db } = await open(name, memoryMirror(), { onVersionChange });
    const newer = await rawOpen(name, NEWER);
    expect(onVersionChange).toHaveBeenCalledOnce();
    expect(db.isOpen()).toBe(false);
    newer.close();
    // It stays closed: a query must not silently reopen at a version this build does not know.
    await expect(db.meta.count()).rejects.toThrow();
  });
});
