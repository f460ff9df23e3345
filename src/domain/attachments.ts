// Attachments (photos): the limits and checks shared by the device and the server. Pure: no storage, no
// network. A record refers to its attachments by id (e.g. `inspection_result.photoIds`); the bytes travel
// separately (PUT/GET /api/attachments/:id, docs/sync-protocol.md), so nothing here is permit-specific.

/** What is stored and sent: the device converts any picked image to JPEG first. */
export const ATTACHMENT_TYPES = ['image/jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The stored size limit of one attachment, after resizing (2 MB). */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** A picked file bigger than this is refused before resizing (30 MB): decoding it could exhaust memory. */
export const MAX_PICKED_IMAGE_BYTES = 30 * 1024 * 1024;

/** The longest edge of a stored photo, in pixels, after resizing. */
export const MAX_IMAGE_EDGE = 1600;

/** The JPEG quality the device encodes photos at (0–1). */
export const JPEG_QUALITY = 0.8;

export interface AttachmentMeta {
  /** The MIME type, e.g. "image/jpeg" ("" when the browser does not know it). */
  type: string;
  /** The size in bytes. */
  size: number;
}

export interface AttachmentProblem {
  code: 'type' | 'size';
  /** Plain English for logs and API clients; the UI says it in the reader's language from code + params. */
  message: string;
  /** type: the type given; size: the size and the limit, in bytes and in whole megabytes. */
  params: Record<string, string | number>;
}

const MB = 1024 * 1024;

/** Megabytes as people read them: rounded up, so a file just over the limit never reads "30 MB". */
export const megabytes = (bytes: number): number => Math.ceil(bytes / MB);

export const isAttachmentType = (type: string): type is AttachmentType =>
  (ATTACHMENT_TYPES as readonly string[]).includes(type);

/**
 * Whether a file may be taken: a picked image (any `image/*` type) up to MAX_PICKED_IMAGE_BYTES, or a
 * stored attachment (`stored: true`: an allowed type up to MAX_ATTACHMENT_BYTES, as the server checks).
 * Null when it is fine.
 */
export function attachmentProblem(
  meta: AttachmentMeta,
  options: { stored?: boolean } = {},
): AttachmentProblem | null {
  const type = meta.type.toLowerCase();
  const typeOk = options.stored ? isAttachmentType(type) : type.startsWith('image/');
  if (!typeOk)
    return {
      code: 'type',
      message: options.stored
        ? `Only these file types are accepted: ${ATTACHMENT_TYPES.join(', ')} (this is ${type || 'unknown'}).`
        : `This file is not a photo (${type || 'unknown type'}).`,
      params: { type: type || 'unknown' },
    };
  const limit = options.stored ? MAX_ATTACHMENT_BYTES : MAX_PICKED_IMAGE_BYTES;
  if (!Number.isFinite(meta.size) || meta.size < 0 || meta.size > limit) {
    const size = megabytes(meta.size);
    const max = Math.floor(limit / MB);
    return {
      code: 'size',
      message: `This photo is too large (${size} MB); the limit is ${max} MB.`,
      params: { size, max, bytes: meta.size, maxBytes: limit },
    };
  }
  return null;
}
