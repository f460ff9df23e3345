// The one error type the server throws on purpose; the HTTP layer turns it into an ApiErrorBody,
// and the CLI prints its message.
import type { ApiErrorBody, ErrorCode } from '../src/protocol/errors';
import type { ExportErrorCode, SyncErrorCode } from '../src/protocol/sync';

/** Sync endpoints answer with their own named codes (and export-file codes for an import) as well. */
export type ServerErrorCode = ErrorCode | SyncErrorCode | ExportErrorCode;

/** The error body; sync errors add properties beside `error`, such as expectedSeq or serverProtocol. */
export type ServerErrorBody = Omit<ApiErrorBody, 'error'> & {
  error: Omit<ApiErrorBody['error'], 'code'> & { code: ServerErrorCode };
  [extra: string]: unknown;
};

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfter?: number,
    /** Properties sent beside `error` in the body. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ServerErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field !== undefined ? { field: this.field } : {}),
        ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
      },
      ...this.extra,
    };
  }
}

export const badRequest = (message: string, field?: string) =>
  new ApiError(400, 'bad_request', message, field);
export const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'You are not signed in, or your session ended.');
export const forbidden = (message = 'You are not allowed to do this.') =>
  new ApiError(403, 'forbidden', message);
export const notFound = (what = 'This address') => new ApiError(404, 'not_found', `${what} was not found.`);
