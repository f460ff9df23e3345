// Attachments over the network: after each push the engine uploads the signed-in user's pending photos
// one at a time (PUT /api/attachments/:id); screens fetch a photo this device does not hold when they
// show it (GET, kept as 'downloaded'). The bytes of an id never change, so both are safe to repeat: the
// server answers 200 for bytes it already has, and a download never replaces a row the device holds.
import { MAX_ATTACHMENT_BYTES } from '../domain/attachments';
import { ATTACHMENT_DEPT_HEADER, ATTACHMENT_SHA256_HEADER, attachmentUrl } from '../protocol/attachments';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../protocol/version';
import type { HoldfastDatabase } from '../storage';
import {
  getAttachment,
  listPendingAttachments,
  markAttachmentRefused,
  markAttachmentUploaded,
  saveDownloadedAttachment,
  type AttachmentRow,
} from '../storage/attachments';
import { SyncFailure } from './sync-failure';

/** Answers that say this photo itself is not accepted: retrying cannot help, the user must see it. */
const REFUSED_STATUSES = new Set([400, 403, 409, 413, 415]);

export interface AttachmentHttpOptions {
  db: HoldfastDatabase;
  fetch: typeof fetch;
  isOnline: () => boolean;
  /** Device time (ISO), for the refusal's and download's dates. */
  now?: () => string;
  timeoutMs?: number;
}

/** Hex sha-256 of some bytes (WebCrypto). */
export async function sha256OfBytes(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const nowOf = (options: AttachmentHttpOptions): string => options.now?.() ?? new Date().toISOString();

async function request(options: AttachmentHttpOptions, path: string, init: RequestInit): Promise<Response> {
  if (!options.isOnline()) throw new SyncFailure('offline', 'The device is offline.');
  try {
    return await options.fetch(path, {
      credentials: 'same-origin',
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      ...init,
    });
  } catch {
    if (!options.isOnline()) throw new SyncFailure('offline', 'The device is offline.');
    throw new SyncFailure('unreachable', 'The server cannot be reached.');
  }
}

interface ErrorAnswer {
  code: string;
  message: string;
  retryAfter?: number;
}

async function errorOf(response: Response): Promise<ErrorAnswer> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; retryAfter?: number } | string;
    message?: string;
  } | null;
  // The API's error body is { error: { code, message } }; a conflict may answer { error, message }.
  const error = body?.error;
  if (error && typeof error === 'object')
    return {
      code: error.code ?? '',
      message: error.message ?? `HTTP ${response.status}`,
      retryAfter: error.retryAfter,
    };
  return {
    code: typeof error === 'string' ? error : '',
    message: body?.message ?? `HTTP ${response.status}`,
  };
}

/** A failure that stops the whole round (and is retried by the engine), as push and pull report them. */
function roundFailure(status: number, answer: ErrorAnswer, response: Response): SyncFailure {
  if (status === 401) return new SyncFailure('session_expired', 'The session has ended.', { status });
  if (status === 429) {
    const header = Number(response.headers.get('retry-after'));
    const seconds = answer.retryAfter ?? (header > 0 ? header : 60);
    return new SyncFailure('rate_limited', answer.message, { status, retryAfterMs: seconds * 1000 });
  }
  if (status >= 500 && !answer.code) return new SyncFailure('unreachable', answer.message, { status });
  return new SyncFailure('server_error', answer.message, { status });
}

/** Uploads one photo: true when the server has it now, false when it refused it (recorded on the row). */
async function uploadOne(options: AttachmentHttpOptions, row: AttachmentRow): Promise<boolean> {
  const response = await request(options, attachmentUrl(row.id), {
    method: 'PUT',
    headers: {
      'content-type': row.type,
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      [ATTACHMENT_DEPT_HEADER]: row.dept,
      [ATTACHMENT_SHA256_HEADER]: row.sha256,
      accept: 'application/json',
    },
    body: row.blob,
  });
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    await markAttachmentUploaded(options.db, row.id);
    return true;
  }
  const answer = await errorOf(response);
  if (REFUSED_STATUSES.has(response.status)) {
    await markAttachmentRefused(options.db, row.id, {
      status: response.status,
      code: answer.code,
      message: answer.message,
      refusedAt: nowOf(options),
    });
    return false;
  }
  throw roundFailure(response.status, answer, response);
}

export interface UploadOutcome {
  uploaded: number;
  refused: number;
}

/**
 * Uploads the user's pending photos, oldest first, one at a time. A refused photo is kept and marked (the
 * user sees it); a network or server failure throws a SyncFailure and leaves the rest pending.
 */
export async function uploadPendingAttachments(
  options: AttachmentHttpOptions,
  userId: string,
): Promise<UploadOutcome> {
  const outcome: UploadOutcome = { uploaded: 0, refused: 0 };
  for (const row of await listPendingAttachments(options.db, userId)) {
    // Too large to ever be accepted: say so without sending 2 MB+ for nothing.
    if (row.size > MAX_ATTACHMENT_BYTES) {
      await markAttachmentRefused(options.db, row.id, {
        status: 413,
        code: 'payload_too_large',
        message: `The photo is larger than the server accepts (${MAX_ATTACHMENT_BYTES} bytes).`,
        refusedAt: nowOf(options),
      });
      outcome.refused += 1;
      continue;
    }
    if (await uploadOne(options, row)) outcome.uploaded += 1;
    else outcome.refused += 1;
  }
  return outcome;
}

export type DownloadResult =
  { ok: true; row: AttachmentRow } | { ok: false; reason: 'offline' | 'not_found' | 'failed' };

/**
 * The photo of this id: from the device when it is there, else fetched (and kept as 'downloaded', with
 * its sha-256 checked). Never throws for network trouble: the screen says the photo is not here yet.
 */
export async function downloadAttachment(
  options: AttachmentHttpOptions,
  id: string,
  owner: { userId: string; dept: string },
): Promise<DownloadResult> {
  const held = await getAttachment(options.db, id);
  if (held) return { ok: true, row: held };
  let response: Response;
  try {
    response = await request(options, attachmentUrl(id), {
      method: 'GET',
      headers: { accept: 'image/*' },
    });
  } catch (error) {
    return {
      ok: false,
      reason: error instanceof SyncFailure && error.kind === 'offline' ? 'offline' : 'failed',
    };
  }
  if (response.status === 404) return { ok: false, reason: 'not_found' };
  if (!response.ok) return { ok: false, reason: 'failed' };
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch {
    return { ok: false, reason: 'failed' };
  }
  const sha256 = await sha256OfBytes(bytes);
  const etag = response.headers.get('etag')?.replace(/^W\//, '').replaceAll('"', '');
  if (etag && etag !== sha256) return { ok: false, reason: 'failed' };
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() || 'image/jpeg';
  await saveDownloadedAttachment(options.db, {
    id,
    dept: owner.dept,
    type,
    size: bytes.byteLength,
    sha256,
    blob: new Blob([bytes], { type }),
    createdAt: nowOf(options),
    userId: owner.userId,
  });
  return { ok: true, row: (await getAttachment(options.db, id))! };
}
