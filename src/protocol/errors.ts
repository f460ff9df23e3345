// Error codes the API returns in its JSON error body. The UI maps each code to a message in the catalog.

export const ERROR_CODES = [
  'bad_request', // a field failed validation; `field` names it
  'unauthorized', // no session, or it expired or was ended
  'invalid_credentials', // wrong username or password
  'account_disabled',
  'forbidden', // signed in, but the role or department does not allow it
  'csrf', // the CSRF header was missing
  'not_found',
  'conflict', // e.g. a username already taken
  'rate_limited', // too many attempts; see Retry-After
  'payload_too_large',
  'setup_not_available', // setup token wrong, used, or users already exist
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    /** Plain-language English message for logs and API clients; the UI shows its own translation. */
    message: string;
    /** The request field that caused a bad_request, as a JSON path like "departments[2]". */
    field?: string;
    /** Seconds to wait, for rate_limited. */
    retryAfter?: number;
  };
}
