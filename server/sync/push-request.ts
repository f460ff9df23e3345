// Checks an untrusted push body before anything touches the database: the protocol version first (so an
// outdated app learns it must update), then the shared shape rules, then what this server stores as text.
import { isPlainObject } from '../../src/domain/sync/json-value';
import type { PushRequest } from '../../src/protocol/sync';
import { pushRequestProblem } from '../../src/protocol/sync';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { ApiError, badRequest } from '../errors';

/** Device ids are UUIDs; anything printable up to 128 characters is accepted, nothing else is stored. */
export const CLIENT_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;
/** What Date.prototype.toISOString writes (offsets allowed): `at` is stored and shown as it came. */
const ISO_TIME = /^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)$/;

export function protocolMismatch(protocol: unknown): ApiError {
  return new ApiError(
    400,
    'protocol_mismatch',
    `This server speaks sync protocol ${PROTOCOL_VERSION}, the request protocol ${String(protocol)}; update the app.`,
    'protocol',
    undefined,
    { serverProtocol: PROTOCOL_VERSION },
  );
}

export function checkPushRequest(body: unknown): PushRequest {
  if (isPlainObject(body) && typeof body.protocol === 'number' && body.protocol !== PROTOCOL_VERSION)
    throw protocolMismatch(body.protocol);
  const problem = pushRequestProblem(body);
  if (problem) throw badRequest(problem.message, problem.field || undefined);
  const request = body as unknown as PushRequest;
  if (!CLIENT_ID_PATTERN.test(request.clientId))
    throw badRequest('clientId must be 1 to 128 printable characters without spaces.', 'clientId');
  for (const [i, entry] of request.entries.entries()) {
    if (!ISO_TIME.test(entry.at))
      throw badRequest(`Entry ${i}: at must be an ISO 8601 time.`, `entries[${i}].at`);
  }
  return request;
}
