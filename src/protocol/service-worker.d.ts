/** Sent by the page when the user accepts the "new version is ready" prompt. */
export declare const SW_SKIP_WAITING = "SKIP_WAITING";
