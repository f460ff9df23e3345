// The one error type the server throws on purpose; the HTTP layer turns it into an ApiErrorBody,
// and the CLI prints its message.
import type { ApiErrorBody, ErrorCode } from '../src/protocol/errors';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field !== undefined ? { field: this.field } : {}),
        ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
      },
    };
  }
}

export const badRequest = (message: string, field?: string) =>
  new ApiError(400, 'bad_request', message, field);
export const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'You are not signed in, or your session ended.');
export const forbidden = () => new ApiError(403, 'forbidden', 'You are not allowed to do this.');
export const notFound = (what = 'This address') => new ApiError(404, 'not_found', `${what} was not found.`);
