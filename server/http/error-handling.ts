// Every error leaves the server as an ApiErrorBody: validation failures name their field, framework
// errors for bad input (JSON, content type, size) stay 4xx, and only real faults become 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../src/protocol/errors';
import { ApiError } from '../errors';
import { BODY_LIMIT } from './body-limit';
import { describeValidationError } from './validation-messages';

const TOO_LARGE = 'The request body is too large.';
const NOT_JSON = 'Send the request body as JSON (Content-Type: application/json).';

const FRAMEWORK_ERRORS: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', TOO_LARGE],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'bad_request', NOT_JSON],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request', 'The request body is empty but was declared as JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'bad_request',
    'The Content-Length header does not match the body.',
  ],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request', 'The request body is not valid JSON.'],
};

const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['bad_request', 'The request could not be understood.'],
  401: ['unauthorized', 'You are not signed in, or your session ended.'],
  403: ['forbidden', 'You are not allowed to do this.'],
  404: ['not_found', 'This address was not found.'],
  405: ['bad_request', 'This method is not allowed here.'],
  413: ['payload_too_large', TOO_LARGE],
  415: ['bad_request', NOT_JSON],
  429: ['rate_limited', 'Too many requests. Wait a moment and try again.'],
};

/** 413 naming the limit of the route that refused the body (routes may raise the default). */
export function payloadTooLarge(limitBytes: number): ApiError {
  const message = `The request body is too large (the limit is ${limitBytes} bytes).`;
  return new ApiError(413, 'payload_too_large', message, undefined, undefined, { limitBytes });
}

export function toApiError(error: FastifyError, bodyLimit = BODY_LIMIT): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
    return payloadTooLarge(bodyLimit);
  const first = error.validation?.[0];
  if (first) {
    const { field, message } = describeValidationError(first, error.validationContext);
    return new ApiError(400, 'bad_request', message, field);
  }
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return new ApiError(known[0], known[1], known[2]);
  // JSON.parse failures surface as a SyntaxError with statusCode 400.
  if (error instanceof SyntaxError || error.name === 'SyntaxError') {
    return new ApiError(400, 'bad_request', 'The request body is not valid JSON.');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const [code, message] = BY_STATUS[status] ?? ['bad_request', 'The request could not be understood.'];
    return new ApiError(status, code, message);
  }
  return null;
}

export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.retryAfter !== undefined) void reply.header('retry-after', String(error.retryAfter));
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.toBody());
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(error, request.routeOptions.bodyLimit ?? BODY_LIMIT);
    if (apiError) return sendApiError(reply, apiError);
    request.log.error({ err: error }, 'unexpected error');
    return sendApiError(
      reply,
      new ApiError(500, 'internal', 'Something went wrong on the server. Try again later.'),
    );
  });
}
