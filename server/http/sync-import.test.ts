// POST /api/sync/import: an "unsent changes" file goes through the push path; bad files change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import { exportChecksum, serializeExport } from '../../src/protocol/sync';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { createNote, errorOf, pull, rid, syncUser, type SyncUser } from '../test-support/sync-client';
import { createTestApp, CSRF, type TestApp } from '../test-support/test-app';
import type { ImportResponse } from '../sync/import-file';

function exportOf(who: SyncUser, entries: OutboxEntry[]): Promise<string> {
  return serializeExport<'unsent-changes'>({
    type: 'unsent-changes',
    createdAt: '2030-06-01T10:00:00.000Z',
    clientId: who.clientId,
    userId: who.user.id,
    username: who.user.username,
    payload: { entries },
  });
}

describe.each(await testAdapters())('sync import: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let rita: SyncUser;
  const upload = (cookie: string, payload: string, contentType = 'text/plain') =>
    t.app.inject({
      method: 'POST',
      url: '/api/sync/import',
      headers: { ...CSRF, cookie, 'content-type': contentType },
      payload,
    });
  beforeEach(async () => {
    adapter = create();
    t = await createTestApp(adapter);
    rita = await syncUser(t, 'rita');
  });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  it('applies a file once; importing it again changes nothing', async () => {
    const file = await exportOf(rita, [createNote(rita, 1, 1), createNote(rita, 2, 2, {}, 'parks')]);
    const first = await upload(rita.cookie, file);
    expect(first.statusCode).toBe(200);
    expect(first.json<ImportResponse>()).toMatchObject({
      lastSeq: 2,
      counts: { applied: 1, rejected: 1, duplicate: 0, conflict: 0 },
    });
    const before = await t.storage.sync.counts();
    const second = await upload(rita.cookie, file, 'application/json');
    expect(second.json<ImportResponse>().counts).toEqual({
      applied: 0,
      rejected: 0,
      duplicate: 2,
      conflict: 0,
    });
    expect(await t.storage.sync.counts()).toEqual(before);
    expect((await pull(t, rita)).records.map((r) => r.id)).toEqual([rid(1)]);
  });

  it('imports a file larger than one push in batches', async () => {
    const entries = Array.from({ length: 501 }, (_, i) => createNote(rita, i + 1, i + 1));
    const response = await upload(rita.cookie, await exportOf(rita, entries));
    expect(response.json<ImportResponse>()).toMatchObject({ lastSeq: 501, counts: { applied: 501 } });
  });

  it('refuses damaged, tampered, foreign-version and wrong-type files with their code, changing nothing', async () => {
    const good = await exportOf(rita, [createNote(rita, 1, 1)]);
    const tampered = good.replace('Note 1', 'Note 7');
    const data = JSON.parse(good) as Record<string, unknown>;
    const newer: Record<string, unknown> = { ...data, protocol: 2 };
    newer.checksum = await exportChecksum(newer as never);
    const snapshot = await t.app.inject({
      method: 'GET',
      url: '/api/sync/snapshot',
      headers: { cookie: rita.cookie },
    });
    const cases: [string, string][] = [
      [good.slice(0, good.length / 2), 'corrupt'],
      [tampered, 'checksum_mismatch'],
      [JSON.stringify(newer), 'protocol_mismatch'],
      ['PK\u0003\u0004 a zip file', 'not_holdfast_file'],
      [snapshot.body, 'wrong_type'],
      [`{"format":"holdfast-export","x":${'['.repeat(20000)}${']'.repeat(20000)}}`, 'protocol_mismatch'],
      [
        `{"format":"holdfast-export","protocol":1,"x":${'['.repeat(50000)}${']'.repeat(50000)}}`,
        'checksum_mismatch',
      ],
    ];
    for (const [text, code] of cases) {
      const response = await upload(rita.cookie, text);
      expect(response.statusCode, code).toBe(400);
      expect(errorOf(response).code).toBe(code);
    }
    expect(await t.storage.sync.counts()).toMatchObject({ records: 0, clients: 0, results: 0 });
  });

  it('another user’s file: refused (403, audited) for a clerk; applied as that user for an admin', async () => {
    const sam = await syncUser(t, 'sam');
    const file = await exportOf(rita, [createNote(rita, 1, 1)]);
    const refused = await upload(sam.cookie, file);
    expect(refused.statusCode).toBe(403);
    const [logged] = await t.storage.audit.list({ userId: sam.user.id, limit: 1 });
    expect(logged).toMatchObject({ action: 'sync.import_forbidden', detail: { fileUserId: rita.user.id } });
    expect((await t.storage.sync.counts()).records).toBe(0);

    const admin = await syncUser(t, 'ada', 'admin', []);
    const applied = await upload(admin.cookie, file);
    expect(applied.json<ImportResponse>().counts.applied).toBe(1);
    const [note] = (await pull(t, rita)).records;
    expect(note).toMatchObject({ id: rid(1), createdBy: rita.user.id });
    const entries = await t.storage.audit.list({ userId: rita.user.id, limit: 1 });
    expect(entries[0]).toMatchObject({ action: 'record.create', detail: { importedBy: admin.user.id } });
  });
});
