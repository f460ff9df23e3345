export declare const PROTOCOL_VERSION = 1;
/** Every state-changing request must carry this header (a CSRF defence: browsers cannot send it cross-site without CORS). */
export declare const CSRF_HEADER = "x-holdfast-request";
export declare const CSRF_HEADER_VALUE = "1";
/** The session cookie's name. HttpOnly, SameSite=Strict. */
export declare const SESSION_COOKIE = "holdfast_session";
