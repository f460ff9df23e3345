// The protocol version travels in every sync request and export file; bump it only with a migration path.
export const PROTOCOL_VERSION = 1;

/** Every state-changing request must carry this header (a CSRF defence: browsers cannot send it cross-site without CORS). */
export const CSRF_HEADER = 'x-holdfast-request';
export const CSRF_HEADER_VALUE = '1';

/** The session cookie's name. HttpOnly, SameSite=Strict. */
export const SESSION_COOKIE = 'holdfast_session';
