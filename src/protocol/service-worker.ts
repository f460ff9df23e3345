// Messages between the page and the service worker.

/** Sent by the page when the user accepts the "new version is ready" prompt. */
export const SW_SKIP_WAITING = 'SKIP_WAITING';
