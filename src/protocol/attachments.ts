// Attachments (photos) on the wire: the bytes travel on their own, outside push and pull, and a record
// refers to them by id (e.g. inspection_result.photoIds). Limits and checks: src/domain/attachments.ts.
// Described for people in docs/sync-protocol.md ("Attachments").
import type { ApiErrorBody } from './errors';

/** PUT (upload, idempotent) and GET (download) one attachment at `${ATTACHMENTS_PATH}/<id>`. */
export const ATTACHMENTS_PATH = '/api/attachments';

export function attachmentUrl(id: string): string {
  return `${ATTACHMENTS_PATH}/${encodeURIComponent(id)}`;
}

/** PUT: the department whose members may read the attachment (the uploader must belong to it). */
export const ATTACHMENT_DEPT_HEADER = 'x-holdfast-dept';
/** PUT: lowercase hex SHA-256 of the body; the server refuses the upload if the bytes do not match. */
export const ATTACHMENT_SHA256_HEADER = 'x-holdfast-sha256';

/** GET answers with this: an id never changes content, so a browser may keep it for good. */
export const ATTACHMENT_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export const SHA256_HEX_PATTERN = '^[0-9a-f]{64}$';

/** PUT 201 (stored: true, new) or 200 (stored: false, the same bytes were already stored under the id). */
export interface AttachmentPutResponse {
  id: string;
  size: number;
  sha256: string;
  stored: boolean;
}

/**
 * PUT errors are ordinary API error bodies; two carry more. 413 (payload_too_large): limitBytes, the
 * largest body accepted. 415 (bad_request, field "type"): type, the content type that was refused.
 * 409 (conflict): another file is stored under this id; the device must not retry it as it is.
 */
export type AttachmentErrorBody = ApiErrorBody & { limitBytes?: number; type?: string };
