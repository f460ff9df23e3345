// Uploading pending photos after a push, and fetching missing ones when shown, against a fake server.
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachments';
import { countUnsent } from '../storage';
import { getAttachment, saveAttachment } from '../storage/attachments';
import { freshDatabase, n } from '../storage/test/test-db';
import { downloadAttachment, sha256OfBytes, uploadPendingAttachments } from './attachment-upload';
import { SyncFailure } from './sync-failure';
import { FakeSyncServer } from './test/fake-sync-server';
import { makeDevice } from './test/device';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake attachments endpoint: stores bytes by id, answers by a per-id script first. */
function fakeAttachments() {
  const stored = new Map<string, { bytes: Uint8Array<ArrayBuffer>; sha256: string; type: string }>();
  const script = new Map<string, () => Response | Promise<Response>>();
  const calls: { method: string; id: string; headers: Headers }[] = [];
  let down = false;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://holdfast.test');
    const id = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    calls.push({ method, id, headers });
    if (down) throw new TypeError('Failed to fetch');
    const scripted = script.get(id);
    if (scripted) return scripted();
    if (method === 'PUT') {
      const bytes = new Uint8Array(await new Response(init?.body).arrayBuffer());
      const sha256 = await sha256OfBytes(bytes);
      if (sha256 !== headers.get('x-holdfast-sha256'))
        return json(400, {
          error: { code: 'bad_request', message: 'sha256 does not match', field: 'sha256' },
        });
      const known = stored.get(id);
      if (known) return json(200, { id, size: bytes.length, sha256, stored: false });
      stored.set(id, { bytes, sha256, type: headers.get('content-type') ?? '' });
      return json(201, { id, size: bytes.length, sha256, stored: true });
    }
    const known = stored.get(id);
    if (!known) return json(404, { error: { code: 'not_found', message: 'Not found' } });
    return new Response(known.bytes, {
      status: 200,
      headers: { 'content-type': known.type, etag: `"${known.sha256}"` },
    });
  };
  return {
    stored,
    script,
    calls,
    fetch,
    setDown: (value: boolean) => (down = value),
  };
}

async function savePhoto(db: Awaited<ReturnType<typeof freshDatabase>>, i: number, userId = 'rita') {
  const bytes = new Uint8Array([0xff, 0xd8, i, 0xff, 0xd9]);
  await saveAttachment(db, {
    id: n(i),
    dept: 'public-works',
    type: 'image/jpeg',
    size: bytes.length,
    sha256: await sha256OfBytes(bytes),
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    createdAt: `2025-03-04T09:00:0${i}.000Z`,
    userId,
  });
}

const options = (db: Awaited<ReturnType<typeof freshDatabase>>, fetch: typeof globalThis.fetch) => ({
  db,
  fetch,
  isOnline: () => true,
  now: () => '2025-03-04T10:00:00.000Z',
});

describe('uploadPendingAttachments', () => {
  it('uploads the user’s pending photos one at a time, with the agreed headers, and marks them', async () => {
    const db = await freshDatabase();
    const server = fakeAttachments();
    await savePhoto(db, 2);
    await savePhoto(db, 1);
    await savePhoto(db, 3, 'sam');
    const outcome = await uploadPendingAttachments(options(db, server.fetch), 'rita');
    expect(outcome).toEqual({ uploaded: 2, refused: 0 });
    expect(server.calls.map((c) => `${c.method} ${c.id}`)).toEqual([`PUT ${n(1)}`, `PUT ${n(2)}`]);
    const headers = server.calls[0]!.headers;
    expect(headers.get('content-type')).toBe('image/jpeg');
    expect(headers.get('x-holdfast-request')).toBe('1');
    expect(headers.get('x-holdfast-dept')).toBe('public-works');
    expect(headers.get('x-holdfast-sha256')).toBe(server.stored.get(n(1))?.sha256);
    expect((await getAttachment(db, n(1)))?.state).toBe('uploaded');
    expect((await getAttachment(db, n(3)))?.state).toBe('pending');
    expect(await countUnsent(db, 'rita')).toBe(0);
  });

  it('takes "already stored" (200) as uploaded: a repeat after a lost answer is harmless', async () => {
    const db = await freshDatabase();
    const server = fakeAttachments();
    await savePhoto(db, 1);
    await uploadPendingAttachments(options(db, server.fetch), 'rita');
    await db.attachments.update(n(1), { state: 'pending' });
    expect(await uploadPendingAttachments(options(db, server.fetch), 'rita')).toEqual({
      uploaded: 1,
      refused: 0,
    });
    expect((await getAttachment(db, n(1)))?.state).toBe('uploaded');
  });

  it('keeps a refused photo, marked for the user, and goes on with the next', async () => {
    const db = await freshDatabase();
    const server = fakeAttachments();
    await savePhoto(db, 1);
    await savePhoto(db, 2);
    server.script.set(n(1), () =>
      json(415, { error: { code: 'bad_request', message: 'Type image/gif is not accepted.' } }),
    );
    expect(await uploadPendingAttachments(options(db, server.fetch), 'rita')).toEqual({
      uploaded: 1,
      refused: 1,
    });
    const refused = await getAttachment(db, n(1));
    expect(refused).toMatchObject({
      state: 'pending',
      refused: { status: 415, code: 'bad_request', refusedAt: '2025-03-04T10:00:00.000Z' },
    });
    // Still unsent, and not sent again by itself.
    expect(await countUnsent(db, 'rita')).toBe(1);
    await uploadPendingAttachments(options(db, server.fetch), 'rita');
    expect(server.calls.filter((c) => c.id === n(1))).toHaveLength(1);
  });

  it('refuses without sending a photo over the size limit', async () => {
    const db = await freshDatabase();
    const server = fakeAttachments();
    await savePhoto(db, 1);
    await db.attachments.update(n(1), { size: MAX_ATTACHMENT_BYTES + 1 });
    expect(await uploadPendingAttachments(options(db, server.fetch), 'rita')).toEqual({
      uploaded: 0,
      refused: 1,
    });
    expect(server.calls).toEqual([]);
    expect((await getAttachment(db, n(1)))?.refused?.status).toBe(413);
  });

  it('stops at a network failure and leaves every photo pending', async () => {
    const db = await freshDatabase();
    const server = fakeAttachments();
    await savePhoto(db, 1);
    await savePhoto(db, 2);
    server.setDown(true);
    const failure = await uploadPendingAttachments(options(db, server.fetch), 'rita').catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).kind).toBe('unreachable');
    expect(server.calls).toHaveLength(1);
    expect((await db.attachments.toArray()).map((r) => [r.state, r.refused])).toEqual([
      ['pending', undefined],
      ['pending', undefined],
    ]);
  });

  it('turns a 401 into a paused sync and a 5xx into a retry, leaving the photo pending', async () => {
    const db = await freshDatabase();
    const server = fakeAttachments();
    await savePhoto(db, 1);
    server.script.set(n(1), () => json(401, { error: { code: 'unauthorized', message: 'Session ended' } }));
    await expect(uploadPendingAttachments(options(db, server.fetch), 'rita')).rejects.toMatchObject({
      kind: 'session_expired',
    });
    server.script.set(n(1), () => json(500, { error: { code: 'internal', message: 'Oops' } }));
    await expect(uploadPendingAttachments(options(db, server.fetch), 'rita')).rejects.toMatchObject({
      kind: 'server_error',
    });
    expect((await getAttachment(db, n(1)))?.state).toBe('pending');
    expect((await getAttachment(db, n(1)))?.refused).toBeUndefined();
  });

  it('says offline without calling the server when the device is offline', async () => {
    const db = await freshDatabase();
    const server = fakeAttachments();
    await savePhoto(db, 1);
    await expect(
      uploadPendingAttachments({ ...options(db, server.fetch), isOnline: () => false }, 'rita'),
    ).rejects.toMatchObject({ kind: 'offline' });
    expect(server.calls).toEqual([]);
  });
});

describe('the sync engine uploads photos after its push', () => {
  it('sends pending photos in the round, counts them as unsent until then, and retries after a failure', async () => {
    const sync = new FakeSyncServer({ rita: { role: 'clerk', departments: ['public-works'] } });
    const files = fakeAttachments();
    const fetch: typeof globalThis.fetch = (input, init) =>
      String(input).startsWith('/api/attachments/') ? files.fetch(input, init) : sync.fetch(input, init);
    const device = await makeDevice(sync, 'rita', { fetch });
    await savePhoto(device.db, 1);
    await device.createNote(5, 'With a photo');
    files.setDown(true);
    const failed = await device.engine.syncNow();
    expect(failed).toMatchObject({ state: 'error', unsent: 1, problem: { code: 'unreachable' } });
    // The record went out; the photo waits and counts as unsent.
    expect(await device.db.outbox.count()).toBe(0);
    expect(device.timers.scheduled).toHaveLength(1);
    files.setDown(false);
    const ok = await device.engine.syncNow();
    expect(ok).toMatchObject({ state: 'idle', unsent: 0, problem: null });
    expect(files.stored.has(n(1))).toBe(true);
  });
});

describe('a server error on a photo', () => {
  it('still lets the round pull, then fails it so it is retried', async () => {
    const sync = new FakeSyncServer({
      rita: { role: 'clerk', departments: ['public-works'] },
      sam: { role: 'clerk', departments: ['public-works'] },
    });
    const files = fakeAttachments();
    const fetch: typeof globalThis.fetch = (input, init) =>
      String(input).startsWith('/api/attachments/') ? files.fetch(input, init) : sync.fetch(input, init);
    const sam = await makeDevice(sync, 'sam');
    await sam.createNote(6, 'From Sam');
    sync.sessionUser = 'sam';
    await sam.engine.syncNow();
    sync.sessionUser = 'rita';
    const device = await makeDevice(sync, 'rita', { fetch });
    await savePhoto(device.db, 1);
    files.script.set(n(1), () => json(500, { error: { code: 'internal', message: 'Oops' } }));
    const status = await device.engine.syncNow();
    expect(status).toMatchObject({ state: 'error', unsent: 1, problem: { code: 'server_error' } });
    expect(device.timers.scheduled).toHaveLength(1);
    // The pull ran: Sam's note arrived.
    expect((await device.db.records.get(n(6)))?.fields.title).toBe('From Sam');
  });
});

describe('downloadAttachment', () => {
  it('fetches a photo the device does not hold, checks it and keeps it', async () => {
    const server = fakeAttachments();
    const uploader = await freshDatabase();
    await savePhoto(uploader, 1);
    await uploadPendingAttachments(options(uploader, server.fetch), 'rita');

    const db = await freshDatabase();
    const owner = { userId: 'sam', dept: 'public-works' };
    const got = await downloadAttachment(options(db, server.fetch), n(1), owner);
    expect(got.ok).toBe(true);
    const row = await getAttachment(db, n(1));
    expect(row).toMatchObject({ state: 'downloaded', type: 'image/jpeg', size: 5, userId: 'sam' });
    expect(row?.sha256).toBe(server.stored.get(n(1))?.sha256);
    // Held now: no second request.
    await downloadAttachment(options(db, server.fetch), n(1), owner);
    expect(server.calls.filter((c) => c.method === 'GET')).toHaveLength(1);
    expect(await countUnsent(db, 'sam')).toBe(0);
  });

  it('says why a photo cannot be shown, without throwing', async () => {
    const server = fakeAttachments();
    const db = await freshDatabase();
    const owner = { userId: 'sam', dept: 'public-works' };
    expect(await downloadAttachment(options(db, server.fetch), n(1), owner)).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(
      await downloadAttachment({ ...options(db, server.fetch), isOnline: () => false }, n(1), owner),
    ).toEqual({ ok: false, reason: 'offline' });
    server.setDown(true);
    expect(await downloadAttachment(options(db, server.fetch), n(1), owner)).toEqual({
      ok: false,
      reason: 'failed',
    });
    // Bytes that do not match their ETag are not kept.
    server.setDown(false);
    server.script.set(n(2), () => new Response(new Uint8Array([1]), { headers: { etag: '"abc"' } }));
    expect(await downloadAttachment(options(db, server.fetch), n(2), owner)).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(await db.attachments.count()).toBe(0);
  });
});
