// Typed failures of an API call: an HTTP error the server explained, or no answer at all.
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '../../protocol/errors';

/** The server answered with an error body (`code` says why; `field` names a rejected request field). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Seconds to wait, for rate_limited. */
  readonly retryAfter: number | undefined;

  constructor(
    readonly status: number,
    body: ApiErrorBody['error'],
  ) {
    super(body.message);
    this.code = body.code;
    this.field = body.field;
    this.retryAfter = body.retryAfter;
  }
}

/** No usable answer: the device is offline, or the server (or the way to it) is down. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(
    readonly kind: 'offline' | 'unreachable',
    options?: { cause?: unknown },
  ) {
    super(kind === 'offline' ? 'The device is offline' : 'The server is unreachable', options);
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}
