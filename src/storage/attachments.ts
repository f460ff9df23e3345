// Attachments (photos) on this device: the bytes of files that records refer to by id (for example an
// inspection result's `photoIds`). A photo taken here is saved 'pending' BEFORE the record that refers to
// it, and uploaded after the record's push (sync/attachment-upload.ts); one this device only shows is
// fetched when first shown and kept as 'downloaded'. The rows are never merged: an id's bytes never change.
import type { HoldfastDatabase } from './database';

/**
 * - pending: taken on this device, not yet accepted by the server (counts as unsent).
 * - uploaded: the server has it; the bytes stay here so the photo still shows offline.
 * - downloaded: fetched from the server to be shown.
 */
export type AttachmentState = 'pending' | 'uploaded' | 'downloaded';

/** Why the server refused an upload: the photo stays pending and is shown as needing attention. */
export interface AttachmentRefusal {
  status: number;
  /** The API's error code (e.g. payload_too_large), or '' when the answer had none. */
  code: string;
  message: string;
  refusedAt: string;
}

export interface AttachmentRow {
  id: string;
  /** The department of the record it belongs to (the server checks the uploader belongs to it). */
  dept: string;
  /** The MIME type of the stored bytes (ATTACHMENT_TYPES). */
  type: string;
  size: number;
  /** Hex sha-256 of the bytes, sent with the upload and checked by the server. */
  sha256: string;
  blob: Blob;
  state: AttachmentState;
  /** Device time it was saved (ISO). */
  createdAt: string;
  /** Who took it (pending rows are uploaded by that user's sync only); for downloads, who fetched it. */
  userId: string;
  /** Set when the server refused it; such a row is not retried until the user acts. */
  refused?: AttachmentRefusal;
}

export type NewAttachment = Omit<AttachmentRow, 'state' | 'refused'>;

/** Saves a photo taken on this device, waiting to be uploaded. Saving the same id again changes nothing. */
export async function saveAttachment(db: HoldfastDatabase, attachment: NewAttachment): Promise<void> {
  await db.transaction('rw', db.attachments, async () => {
    if (await db.attachments.get(attachment.id)) return;
    await db.attachments.add({ ...attachment, state: 'pending' });
  });
}

/** Keeps a photo fetched from the server (only when the device has no row for it yet). */
export async function saveDownloadedAttachment(
  db: HoldfastDatabase,
  attachment: NewAttachment,
): Promise<void> {
  await db.transaction('rw', db.attachments, async () => {
    if (await db.attachments.get(attachment.id)) return;
    await db.attachments.add({ ...attachment, state: 'downloaded' });
  });
}

export async function getAttachment(db: HoldfastDatabase, id: string): Promise<AttachmentRow | null> {
  return (await db.attachments.get(id)) ?? null;
}

/** The photos of these ids that are on this device (missing ids are left out). */
export async function getAttachments(db: HoldfastDatabase, ids: readonly string[]): Promise<AttachmentRow[]> {
  const rows = await db.attachments.bulkGet([...ids]);
  return rows.filter((row): row is AttachmentRow => !!row);
}

const pendingOf = async (db: HoldfastDatabase, userId: string): Promise<AttachmentRow[]> =>
  (await db.attachments.where('state').equals('pending').toArray())
    .filter((row) => row.userId === userId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

/** The user's photos still to upload, oldest first; refused ones are left out (they wait for the user). */
export async function listPendingAttachments(db: HoldfastDatabase, userId: string): Promise<AttachmentRow[]> {
  return (await pendingOf(db, userId)).filter((row) => !row.refused);
}

/** The user's photos the server refused, oldest first. */
export async function listRefusedAttachments(db: HoldfastDatabase, userId: string): Promise<AttachmentRow[]> {
  return (await pendingOf(db, userId)).filter((row) => !!row.refused);
}

/** Photos of this user the server does not have yet, refused ones included: they are unsent too. */
export function countPendingAttachments(db: HoldfastDatabase, userId: string): Promise<number> {
  return db.attachments
    .where('state')
    .equals('pending')
    .filter((row) => row.userId === userId)
    .count();
}

/** The server accepted (or already had) the photo. */
export async function markAttachmentUploaded(db: HoldfastDatabase, id: string): Promise<void> {
  await db.attachments.update(id, { state: 'uploaded', refused: undefined });
}

/** The server refused the photo: it stays on the device, pending, shown as needing attention. */
export async function markAttachmentRefused(
  db: HoldfastDatabase,
  id: string,
  refusal: AttachmentRefusal,
): Promise<void> {
  await db.attachments.update(id, { refused: refusal });
}

/** Try a refused photo again at the next sync. */
export async function retryAttachment(db: HoldfastDatabase, id: string): Promise<void> {
  await db.attachments.update(id, { refused: undefined });
}

/**
 * Removes a photo that no saved record refers to (its form was discarded, or the photo removed from it
 * before saving). Only a pending photo of this user is removed; anything the server has is kept.
 * Returns whether it was removed.
 */
export async function removeOrphanAttachment(
  db: HoldfastDatabase,
  id: string,
  userId: string,
): Promise<boolean> {
  return db.transaction('rw', db.attachments, async () => {
    const row = await db.attachments.get(id);
    if (!row || row.state !== 'pending' || row.userId !== userId) return false;
    await db.attachments.delete(id);
    return true;
  });
}

/**
 * Pending photos of this user saved before `before` that no record refers to through the given list
 * fields (e.g. inspection_result.photoIds): listed for the user to decide, never deleted silently.
 */
export async function listStrayAttachments(
  db: HoldfastDatabase,
  userId: string,
  before: string,
  referencedBy: readonly { kind: string; field: string }[],
): Promise<AttachmentRow[]> {
  const old = (await pendingOf(db, userId)).filter((row) => row.createdAt < before);
  if (old.length === 0) return [];
  const referenced = new Set<string>();
  for (const { kind, field } of referencedBy)
    await db.records
      .where('kind')
      .equals(kind)
      .each((record) => {
        const ids = record.fields[field];
        if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') referenced.add(id);
      });
  return old.filter((row) => !referenced.has(row.id));
}
