import { describe, expect, it } from 'vitest';
import {
  countPendingAttachments,
  getAttachment,
  getAttachments,
  listPendingAttachments,
  listRefusedAttachments,
  listStrayAttachments,
  markAttachmentRefused,
  markAttachmentUploaded,
  removeOrphanAttachment,
  retryAttachment,
  saveAttachment,
  saveDownloadedAttachment,
  type NewAttachment,
} from './attachments';
import { countAllUnsent, countUnsent } from './sync-queries';
import { createNote, freshDatabase, n } from './test/test-db';

const photo = (i: number, overrides: Partial<NewAttachment> = {}): NewAttachment => ({
  id: n(i),
  dept: 'public-works',
  type: 'image/jpeg',
  size: 3,
  sha256: `sha-${i}`,
  blob: new Blob([new Uint8Array([i, i, i])], { type: 'image/jpeg' }),
  createdAt: `2025-03-04T09:00:0${i}.000Z`,
  userId: 'rita',
  ...overrides,
});

describe('device attachments', () => {
  it('saves a photo as pending, with its bytes', async () => {
    const db = await freshDatabase();
    await saveAttachment(db, photo(1));
    const row = await getAttachment(db, n(1));
    expect(row).toMatchObject({ id: n(1), state: 'pending', sha256: 'sha-1', userId: 'rita' });
    expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(new Uint8Array([1, 1, 1]));
    expect(await getAttachment(db, n(9))).toBeNull();
    expect((await getAttachments(db, [n(9), n(1)])).map((r) => r.id)).toEqual([n(1)]);
  });

  it('never changes the bytes of an id already saved', async () => {
    const db = await freshDatabase();
    await saveAttachment(db, photo(1));
    await saveAttachment(db, photo(1, { sha256: 'other' }));
    await saveDownloadedAttachment(db, photo(1, { sha256: 'other' }));
    expect((await getAttachment(db, n(1)))?.sha256).toBe('sha-1');
  });

  it('lists and counts the pending photos of one user, oldest first', async () => {
    const db = await freshDatabase();
    await saveAttachment(db, photo(3));
    await saveAttachment(db, photo(1));
    await saveAttachment(db, photo(2, { userId: 'sam' }));
    await saveDownloadedAttachment(db, photo(4));
    expect((await listPendingAttachments(db, 'rita')).map((r) => r.id)).toEqual([n(1), n(3)]);
    expect(await countPendingAttachments(db, 'rita')).toBe(2);
    expect(await countPendingAttachments(db, 'sam')).toBe(1);

    await markAttachmentUploaded(db, n(1));
    expect((await getAttachment(db, n(1)))?.state).toBe('uploaded');
    expect((await listPendingAttachments(db, 'rita')).map((r) => r.id)).toEqual([n(3)]);
    expect(await countPendingAttachments(db, 'rita')).toBe(1);
  });

  it('keeps a refused photo unsent but out of the upload list until retried', async () => {
    const db = await freshDatabase();
    await saveAttachment(db, photo(1));
    const refusal = { status: 413, code: 'payload_too_large', message: 'Too large', refusedAt: 'T' };
    await markAttachmentRefused(db, n(1), refusal);
    expect(await listPendingAttachments(db, 'rita')).toEqual([]);
    expect((await listRefusedAttachments(db, 'rita')).map((r) => r.refused)).toEqual([refusal]);
    expect(await countPendingAttachments(db, 'rita')).toBe(1);

    await retryAttachment(db, n(1));
    expect((await listPendingAttachments(db, 'rita')).map((r) => r.id)).toEqual([n(1)]);
    await markAttachmentUploaded(db, n(1));
    expect(await getAttachment(db, n(1))).not.toHaveProperty('refused');
  });

  it('removes only a pending orphan of the same user', async () => {
    const db = await freshDatabase();
    await saveAttachment(db, photo(1));
    await saveAttachment(db, photo(2));
    await saveDownloadedAttachment(db, photo(3));
    await markAttachmentUploaded(db, n(2));
    expect(await removeOrphanAttachment(db, n(1), 'sam')).toBe(false);
    expect(await removeOrphanAttachment(db, n(2), 'rita')).toBe(false);
    expect(await removeOrphanAttachment(db, n(3), 'rita')).toBe(false);
    expect(await removeOrphanAttachment(db, n(1), 'rita')).toBe(true);
    expect((await db.attachments.toArray()).map((r) => r.id)).toEqual([n(2), n(3)]);
  });

  it('lists old pending photos no record refers to, without deleting them', async () => {
    const db = await freshDatabase();
    await saveAttachment(db, photo(1));
    await saveAttachment(db, photo(2));
    await saveAttachment(db, photo(8, { createdAt: '2025-03-05T09:00:00.000Z' }));
    await db.records.add({
      id: n(5),
      kind: 'inspection_result',
      dept: 'public-works',
      createdAt: 'T',
      updatedAt: 'T',
      createdBy: 'rita',
      updatedBy: 'rita',
      deleted: false,
      fields: { photoIds: [n(1)] },
    });
    const stray = await listStrayAttachments(db, 'rita', '2025-03-05T00:00:00.000Z', [
      { kind: 'inspection_result', field: 'photoIds' },
    ]);
    expect(stray.map((r) => r.id)).toEqual([n(2)]);
    expect(await db.attachments.count()).toBe(3);
  });

  it('counts pending photos as unsent, so nothing waiting is hidden', async () => {
    const db = await freshDatabase();
    await createNote(db, 7);
    await saveAttachment(db, photo(1));
    await saveAttachment(db, photo(2, { userId: 'sam' }));
    expect(await countUnsent(db, 'rita')).toBe(2);
    expect(await countAllUnsent(db)).toBe(3);
    await markAttachmentUploaded(db, n(1));
    expect(await countUnsent(db, 'rita')).toBe(1);
    expect(await countAllUnsent(db)).toBe(2);
  });
});
