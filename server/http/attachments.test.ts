// PUT/GET /api/attachments/:id against both adapters: every status the protocol names, idempotent retries,
// role and department rules (refusals audited), a 413 naming the limit, a damaged body, and 1,000 requests
// with garbage headers that must each get a 4xx, never a 5xx, and store nothing.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/domain/attachments';
import type { AttachmentErrorBody, AttachmentPutResponse } from '../../src/protocol/attachments';
import {
  ATTACHMENT_CACHE_CONTROL,
  ATTACHMENT_DEPT_HEADER,
  ATTACHMENT_SHA256_HEADER,
  attachmentUrl,
} from '../../src/protocol/attachments';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { rid, syncUser, type SyncUser } from '../test-support/sync-client';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app';

/** Enough of a JPEG for the server, which stores bytes and never decodes them. */
function jpeg(n: number, size = 1000): Buffer {
  const bytes = crypto.createHash('sha512').update(String(n)).digest();
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = bytes[i % bytes.length]! ^ (i & 0xff);
  data[0] = 0xff;
  data[1] = 0xd8;
  return data;
}

const sha = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

interface PutOptions {
  id?: string;
  dept?: string;
  type?: string;
  sha256?: string;
  headers?: Record<string, string>;
}

function put(t: TestApp, who: SyncUser | null, data: Buffer, options: PutOptions = {}) {
  return t.app.inject({
    method: 'PUT',
    url: attachmentUrl(options.id ?? rid(1)),
    headers: {
      ...CSRF,
      ...(who ? { cookie: who.cookie } : {}),
      'content-type': options.type ?? 'image/jpeg',
      [ATTACHMENT_DEPT_HEADER]: options.dept ?? 'roads',
      [ATTACHMENT_SHA256_HEADER]: options.sha256 ?? sha(data),
      ...options.headers,
    },
    payload: data,
  });
}

function get(t: TestApp, who: SyncUser | null, id: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'GET',
    url: attachmentUrl(id),
    headers: { ...(who ? { cookie: who.cookie } : {}), ...headers },
  });
}

describe.each(await testAdapters())('attachments API: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let rita: SyncUser; // clerk in roads
  let paul: SyncUser; // clerk in parks
  let vera: SyncUser; // viewer in roads
  let ada: SyncUser; // admin, no departments
  let nextId = 1000;
  const freshId = () => rid(nextId++);

  beforeAll(async () => {
    adapter = create();
    // A generous general limit: this file makes far more requests than a person would.
    t = await createTestApp(adapter, { env: { API_RATE_LIMIT_PER_MINUTE: '100000' } });
    rita = await syncUser(t, 'rita', 'clerk', ['roads']);
    paul = await syncUser(t, 'paul', 'clerk', ['parks']);
    vera = await syncUser(t, 'vera', 'viewer', ['roads']);
    ada = await syncUser(t, 'ada', 'admin', []);
  });
  afterAll(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  async function lastAudit(who: SyncUser) {
    const [entry] = await t.storage.audit.list({ userId: who.user.id, limit: 1 });
    return entry;
  }

  it('201 stores a new photo; GET gives back the same bytes with type, cache and ETag headers', async () => {
    const id = freshId();
    const data = jpeg(1, 5000);
    const response = await put(t, rita, data, { id });
    expect(response.statusCode).toBe(201);
    expect(response.json<AttachmentPutResponse>()).toEqual({
      id,
      size: 5000,
      sha256: sha(data),
      stored: true,
    });
    expect(await lastAudit(rita)).toMatchObject({
      action: 'attachment.put',
      detail: { id, dept: 'roads', size: 5000, sha256: sha(data) },
    });

    const back = await get(t, rita, id);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(data)).toBe(true);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.headers['cache-control']).toBe(ATTACHMENT_CACHE_CONTROL);
    expect(back.headers.etag).toBe(`"${sha(data)}"`);

    const again = await get(t, rita, id, { 'if-none-match': `"${sha(data)}"` });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('a retry with the same bytes is 200 stored:false; different bytes under the id are a 409', async () => {
    const id = freshId();
    const data = jpeg(2);
    expect((await put(t, rita, data, { id })).statusCode).toBe(201);
    const retry = await put(t, rita, data, { id });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ id, size: data.length, sha256: sha(data), stored: false });

    const other = await put(t, rita, jpeg(3), { id });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toEqual({
      error: { code: 'conflict', message: 'A different file was already stored under this id.' },
    });
    // The same bytes claimed for another department are not the same upload either.
    const otherDept = await put(t, ada, data, { id, dept: 'parks' });
    expect(otherDept.statusCode).toBe(409);
    expect((await get(t, rita, id)).rawPayload.equals(data)).toBe(true);
  });

  it('uploads of one id at once: one 201, the others 200, one copy stored', async () => {
    const id = freshId();
    const data = jpeg(4, 20_000);
    const answers = await Promise.all([1, 2, 3].map(() => put(t, rita, data, { id })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    const puts = (await t.storage.audit.list({ userId: rita.user.id, limit: 50 })).filter(
      (e) => e.action === 'attachment.put' && e.detail.id === id,
    );
    expect(puts).toHaveLength(1);
  });

  it('401 without a session, before anything else is checked', async () => {
    const response = await put(t, null, jpeg(5), { id: 'not-an-id', type: 'text/plain' });
    expect(response.statusCode).toBe(401);
    expect(response.json<AttachmentErrorBody>().error.code).toBe('unauthorized');
    expect((await get(t, null, rid(1))).statusCode).toBe(401);
  });

  it('403 without the CSRF header', async () => {
    const response = await put(t, rita, jpeg(6), { headers: { 'x-holdfast-request': '' } });
    expect(response.statusCode).toBe(403);
    expect(response.json<AttachmentErrorBody>().error.code).toBe('csrf');
  });

  it('403 for a viewer, who may read photos but not add them', async () => {
    const id = freshId();
    const response = await put(t, vera, jpeg(7), { id });
    expect(response.statusCode).toBe(403);
    expect(response.json<AttachmentErrorBody>().error.code).toBe('forbidden');
    expect(await t.storage.attachments.getMeta(id)).toBeNull();
    expect((await put(t, rita, jpeg(7), { id })).statusCode).toBe(201);
    expect((await get(t, vera, id)).statusCode).toBe(200);
  });

  it('403 (audited) for a department the user does not belong to; admins may use any', async () => {
    const id = freshId();
    const refused = await put(t, rita, jpeg(8), { id, dept: 'parks' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<AttachmentErrorBody>().error).toMatchObject({ code: 'forbidden', field: 'dept' });
    expect(await lastAudit(rita)).toMatchObject({
      action: 'attachment.put_forbidden',
      detail: { id, dept: 'parks' },
    });
    expect(await t.storage.attachments.getMeta(id)).toBeNull();

    expect((await put(t, ada, jpeg(8), { id, dept: 'parks' })).statusCode).toBe(201);
    const unknown = await put(t, ada, jpeg(9), { id: freshId(), dept: 'nowhere' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<AttachmentErrorBody>().error.field).toBe('dept');
  });

  it('400 naming dept when the header is missing or not a department code', async () => {
    for (const dept of ['', 'Not A Code!']) {
      const response = await put(t, rita, jpeg(10), { id: freshId(), dept });
      expect(response.statusCode).toBe(400);
      expect(response.json<AttachmentErrorBody>().error.field).toBe('dept');
    }
  });

  it('404 for an unknown photo and (audited) for one in a department the user cannot read', async () => {
    const unknown = await get(t, rita, freshId());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<AttachmentErrorBody>().error.code).toBe('not_found');

    const id = freshId();
    expect((await put(t, paul, jpeg(11), { id, dept: 'parks' })).statusCode).toBe(201);
    const hidden = await get(t, rita, id);
    expect(hidden.statusCode).toBe(404);
    // Word for word the answer for an id that does not exist.
    expect(hidden.json()).toEqual(unknown.json());
    expect(await lastAudit(rita)).toMatchObject({
      action: 'attachment.get_forbidden',
      detail: { id, dept: 'parks' },
    });
    expect((await get(t, paul, id)).statusCode).toBe(200);
    expect((await get(t, ada, id)).statusCode).toBe(200);
  });

  it('400 naming id when the id is not a record id', async () => {
    for (const id of ['not-an-id', rid(0xabc).toUpperCase(), `${rid(1)}x`]) {
      const response = await put(t, rita, jpeg(12), { id });
      expect(response.statusCode, id).toBe(400);
      expect(response.json<AttachmentErrorBody>().error.field).toBe('id');
      expect((await get(t, rita, id)).json<AttachmentErrorBody>().error.field).toBe('id');
    }
  });

  it('415 naming the type for anything but JPEG', async () => {
    for (const type of ['image/png', 'application/json', 'text/plain']) {
      const id = freshId();
      const response = await put(t, rita, jpeg(13), { id, type });
      expect(response.statusCode).toBe(415);
      const body = response.json<AttachmentErrorBody>();
      expect(body.type).toBe(type);
      expect(body.error.field).toBe('type');
      expect(body.error.message).toContain(type);
      expect(await t.storage.attachments.getMeta(id)).toBeNull();
    }
    // Parameters and case do not matter.
    const ok = await put(t, rita, jpeg(14), { id: freshId(), type: 'Image/JPEG; q=1' });
    expect(ok.statusCode).toBe(201);
  });

  it('413 naming the limit for a photo over MAX_ATTACHMENT_BYTES; exactly the limit is fine', async () => {
    const id = freshId();
    const big = jpeg(15, MAX_ATTACHMENT_BYTES + 1);
    const response = await put(t, rita, big, { id });
    expect(response.statusCode).toBe(413);
    const body = response.json<AttachmentErrorBody>();
    expect(body.error.code).toBe('payload_too_large');
    expect(body.limitBytes).toBe(MAX_ATTACHMENT_BYTES);
    expect(body.error.message).toContain('the limit is 2 MB');
    expect(body.error.message).toContain(String(MAX_ATTACHMENT_BYTES));
    expect(await t.storage.attachments.getMeta(id)).toBeNull();

    const atLimit = jpeg(16, MAX_ATTACHMENT_BYTES);
    expect((await put(t, rita, atLimit, { id: freshId() })).statusCode).toBe(201);
  });

  it('413 naming the limit when the body is larger than its declared length says', async () => {
    const id = freshId();
    const big = jpeg(17, MAX_ATTACHMENT_BYTES + 10);
    // Declared small: the route's bodyLimit still stops it while reading.
    const response = await t.app.inject({
      method: 'PUT',
      url: attachmentUrl(id),
      headers: {
        ...CSRF,
        cookie: rita.cookie,
        'content-type': 'image/jpeg',
        'transfer-encoding': 'chunked',
        [ATTACHMENT_DEPT_HEADER]: 'roads',
        [ATTACHMENT_SHA256_HEADER]: sha(big),
      },
      payload: big,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<AttachmentErrorBody>().limitBytes).toBe(MAX_ATTACHMENT_BYTES);
    expect(await t.storage.attachments.getMeta(id)).toBeNull();
  });

  it('400 naming sha256 for a damaged body, a malformed hash or an empty body', async () => {
    const id = freshId();
    const data = jpeg(18);
    const damaged = Buffer.from(data);
    damaged[500] = damaged[500]! ^ 1;
    const tampered = await put(t, rita, damaged, { id, sha256: sha(data) });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json<AttachmentErrorBody>().error.field).toBe('sha256');
    for (const sha256 of ['', 'abc', sha(data).toUpperCase()]) {
      const response = await put(t, rita, data, { id, sha256 });
      expect(response.statusCode).toBe(400);
      expect(response.json<AttachmentErrorBody>().error.field).toBe('sha256');
    }
    expect(await t.storage.attachments.getMeta(id)).toBeNull();
    const empty = await put(t, rita, Buffer.alloc(0), { id });
    expect(empty.statusCode).toBe(400);
    expect(await t.storage.attachments.getMeta(id)).toBeNull();
    // The intact file then goes through.
    expect((await put(t, rita, data, { id })).statusCode).toBe(201);
  });

  it('1,000 requests with garbage headers: always a 4xx, never a 5xx, nothing stored', async () => {
    /** 1,000 seeded bytes of junk as a header value (Node refuses control characters: they are shifted). */
    const junk = (i: number, k: number): string => {
      let text = '';
      for (let block = 0; text.length < 1000; block++) {
        for (const b of crypto.createHash('sha256').update(`${i}:${k}:${block}`).digest())
          text += String.fromCharCode(b < 0x20 || b === 0x7f ? 0x21 + (b % 90) : b);
      }
      return text.slice(0, 1000);
    };
    // The first four are each enough to refuse a PUT; every case garbles at least one of them.
    const names = [
      'content-type',
      ATTACHMENT_DEPT_HEADER,
      ATTACHMENT_SHA256_HEADER,
      'cookie',
      'if-none-match',
    ];
    const data = jpeg(19);
    const before = (await t.storage.audit.list({ limit: 1 }))[0]?.id;
    for (let i = 0; i < 1000; i++) {
      const garbled = names.filter((_, k) => (i >> k) & 1 || k === i % 4);
      const headers: Record<string, string> = {};
      for (const [k, name] of garbled.entries()) headers[name] = junk(i, k);
      const id = i % 7 === 0 ? junk(i, 9).slice(0, 200) : rid(50_000 + i);
      const method = i % 4 === 3 ? 'GET' : 'PUT';
      const response =
        method === 'PUT' ? await put(t, rita, data, { id, headers }) : await get(t, rita, id, headers);
      expect(response.statusCode, `case ${i}: ${method} ${garbled.join(',')}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `case ${i}: ${method} ${garbled.join(',')}`).toBeLessThan(500);
    }
    for (let i = 0; i < 1000; i++) expect(await t.storage.attachments.getMeta(rid(50_000 + i))).toBeNull();
    const stored = (await t.storage.audit.list({ limit: 2000 })).filter(
      (e) => e.id > (before ?? 0) && e.action === 'attachment.put',
    );
    expect(stored).toEqual([]);
  });
});
