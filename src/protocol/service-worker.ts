// Messages between the page and the service worker.

/** Sent by the page when the user accepts the "new version is ready" prompt. */
export const SW_SKIP_WAITING = 'SKIP_WAITING';

/** Sent by the worker to open pages when Background Sync fires: "the network is back, sync now". */
export const SW_SYNC_REQUESTED = 'SYNC_REQUESTED';

/** The Background Sync tag the page registers and the worker answers. */
export const SYNC_TAG = 'holdfast-sync';
