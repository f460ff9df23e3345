// Attachments (photos): PUT uploads one file under a device-made id, idempotently; GET downloads it.
// Everything that can be decided from the headers (session, role, department, id, type, declared size)
// is checked in onRequest, before the body is read: a refused device never makes the server take 2 MB.
// The general per-session API rate limit covers these routes. Protocol: docs/sync-protocol.md.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { attachmentProblem, MAX_ATTACHMENT_BYTES } from '../../../src/domain/attachments';
import { isRecordId } from '../../../src/domain/sync/record-id';
import { canRead } from '../../../src/domain/sync/write-access';
import { isDepartmentCode } from '../../../src/domain/users';
import type { AttachmentPutResponse } from '../../../src/protocol/attachments';
import {
  ATTACHMENT_CACHE_CONTROL,
  ATTACHMENT_DEPT_HEADER,
  ATTACHMENT_SHA256_HEADER,
  ATTACHMENTS_PATH,
  SHA256_HEX_PATTERN,
} from '../../../src/protocol/attachments';
import { ApiError, badRequest, forbidden, notFound } from '../../errors';
import type { StoredAttachment } from '../../storage/storage';
import { auditSync } from '../../sync/sync-audit';
import type { AppContext } from '../app-context';
import { authOf, requireUser } from '../session-auth';

const sha256Hex = new RegExp(SHA256_HEX_PATTERN);
const CONFLICT_MESSAGE = 'A different file was already stored under this id.';
/** Unknown and unreadable attachments get the same answer: a 404 must not tell which ids exist. */
const NOT_FOUND_WHAT = 'This attachment';

interface IdParams {
  id: string;
}

/** A header as one string ('' when missing); Node joins repeated custom headers with ", ". */
function header(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** "image/jpeg; charset=x" -> "image/jpeg". */
function mediaType(request: FastifyRequest): string {
  return header(request, 'content-type').split(';')[0]!.trim().toLowerCase();
}

function idOf(request: FastifyRequest): string {
  const { id } = request.params as Partial<IdParams>;
  if (!isRecordId(id)) throw badRequest('id must be a lowercase UUID made on the device.', 'id');
  return id;
}

function unsupportedType(type: string): ApiError {
  const problem = attachmentProblem({ type, size: 0 }, { stored: true });
  const message = problem?.message ?? `The type ${type} is not accepted.`;
  return new ApiError(415, 'bad_request', message, 'type', undefined, { type: type.slice(0, 200) });
}

function tooLarge(size: number): ApiError {
  const problem = attachmentProblem({ type: 'image/jpeg', size }, { stored: true });
  const message = `${problem?.message ?? 'This file is too large.'} (The limit is ${MAX_ATTACHMENT_BYTES} bytes.)`;
  return new ApiError(413, 'payload_too_large', message, undefined, undefined, {
    limitBytes: MAX_ATTACHMENT_BYTES,
  });
}

function putResponse(stored: StoredAttachment, isNew: boolean): AttachmentPutResponse {
  return { id: stored.id, size: stored.size, sha256: stored.sha256, stored: isNew };
}

/** The same bytes under the same id (and department) are a retry; anything else is a conflict. */
function sameFile(stored: StoredAttachment, dept: string, sha256: string): boolean {
  return stored.sha256 === sha256 && stored.dept === dept;
}

export async function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { config, storage } = ctx;
  const signedIn = requireUser(ctx) as unknown as onRequestAsyncHookHandler;

  /** Header checks for PUT, in the order the protocol lists them; the department refusal is audited. */
  const checkUpload: onRequestAsyncHookHandler = async (request) => {
    const { user } = authOf(request);
    if (user.role === 'viewer')
      throw forbidden('Your role (viewer) can look at records but not add photos to them.');
    const dept = header(request, ATTACHMENT_DEPT_HEADER);
    if (!isDepartmentCode(dept))
      throw badRequest(`Send the department code in the ${ATTACHMENT_DEPT_HEADER} header.`, 'dept');
    if (!canRead(user, dept)) {
      await auditSync(storage, {
        at: config.now(),
        userId: user.id,
        clientId: null,
        action: 'attachment.put_forbidden',
        detail: { id: (request.params as Partial<IdParams>).id ?? null, dept },
      });
      throw new ApiError(
        403,
        'forbidden',
        `You are not a member of the department "${dept}", so you cannot add photos to its records.`,
        'dept',
      );
    }
    if (user.role === 'admin' && !(await storage.departments.list()).some((d) => d.code === dept))
      throw badRequest(`There is no department with the code "${dept}".`, 'dept');
    idOf(request);
    const type = mediaType(request);
    if (attachmentProblem({ type, size: 0 }, { stored: true })?.code === 'type') throw unsupportedType(type);
    // A declared size over the limit is refused now with the photo's own message; a body that turns out
    // larger than declared, or is sent without a length, is stopped by the route's bodyLimit.
    const declared = Number(header(request, 'content-length'));
    if (Number.isFinite(declared) && declared > MAX_ATTACHMENT_BYTES) throw tooLarge(declared);
    if (!sha256Hex.test(header(request, ATTACHMENT_SHA256_HEADER)))
      throw badRequest(
        `Send the lowercase hex SHA-256 of the file in the ${ATTACHMENT_SHA256_HEADER} header.`,
        'sha256',
      );
  };

  await app.register(async (scope) => {
    // The body is the file itself, kept as bytes whatever its declared type (checkUpload refused the rest).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );

    scope.put<{ Params: IdParams }>(
      `${ATTACHMENTS_PATH}/:id`,
      { onRequest: [signedIn, checkUpload], bodyLimit: MAX_ATTACHMENT_BYTES },
      async (request, reply) => {
        const { user } = authOf(request);
        const id = idOf(request);
        const dept = header(request, ATTACHMENT_DEPT_HEADER);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw badRequest('Send the photo itself as the request body.', 'body');
        const sha256 = crypto.createHash('sha256').update(body).digest('hex');
        if (sha256 !== header(request, ATTACHMENT_SHA256_HEADER))
          throw badRequest(
            'The file arrived damaged: its SHA-256 does not match the one sent. Send it again.',
            'sha256',
          );
        const conflict = new ApiError(409, 'conflict', CONFLICT_MESSAGE);
        const existing = await storage.attachments.getMeta(id);
        if (existing) {
          if (!sameFile(existing, dept, sha256)) throw conflict;
          return reply.code(200).send(putResponse(existing, false));
        }
        const attachment = {
          id,
          dept,
          contentType: mediaType(request),
          size: body.length,
          sha256,
          createdBy: user.id,
          createdAt: config.now(),
        };
        const stored = await storage.transaction(async (tx) => {
          if (!(await tx.attachments.put({ ...attachment, data: body }))) return false;
          await auditSync(tx, {
            at: attachment.createdAt,
            userId: user.id,
            clientId: null,
            action: 'attachment.put',
            detail: { id, dept, size: attachment.size, sha256 },
          });
          return true;
        });
        if (stored) return reply.code(201).send(putResponse(attachment, true));
        // Another upload of this id won the race: it is a retry if it stored the same file.
        const winner = await storage.attachments.getMeta(id);
        if (!winner || !sameFile(winner, dept, sha256)) throw conflict;
        return reply.code(200).send(putResponse(winner, false));
      },
    );

    scope.get<{ Params: IdParams }>(
      `${ATTACHMENTS_PATH}/:id`,
      { onRequest: signedIn },
      async (request, reply) => {
        const { user } = authOf(request);
        const id = idOf(request);
        const meta = await storage.attachments.getMeta(id);
        if (!meta) throw notFound(NOT_FOUND_WHAT);
        if (!canRead(user, meta.dept)) {
          await auditSync(storage, {
            at: config.now(),
            userId: user.id,
            clientId: null,
            action: 'attachment.get_forbidden',
            detail: { id, dept: meta.dept },
          });
          throw notFound(NOT_FOUND_WHAT);
        }
        const etag = `"${meta.sha256}"`;
        void reply.header('cache-control', ATTACHMENT_CACHE_CONTROL).header('etag', etag);
        if (header(request, 'if-none-match') === etag) return reply.code(304).send();
        const data = await storage.attachments.getData(id);
        if (!data) throw notFound(NOT_FOUND_WHAT);
        return reply.type(meta.contentType).send(data);
      },
    );
  });
}
