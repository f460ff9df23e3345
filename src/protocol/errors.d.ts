export declare const ERROR_CODES: readonly ["bad_request", "unauthorized", "invalid_credentials", "account_disabled", "forbidden", "csrf", "not_found", "conflict", "rate_limited", "payload_too_large", "setup_not_available", "internal"];
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
