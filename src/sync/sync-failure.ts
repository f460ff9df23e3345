// Why a sync round stopped, as a typed error the engine turns into a status and a retry decision.

export type SyncFailureKind =
  | 'offline' // the browser is offline
  | 'unreachable' // no answer: the server or the way to it is down
  | 'session_expired' // 401: wait for the user to sign in again, never retry by itself
  | 'forbidden' // 403: the account may not sync (disabled, or lost its role)
  | 'protocol_mismatch' // the server speaks another protocol version: the app must update
  | 'sequence_gap' // internal: the server needs an earlier seq (details.expectedSeq)
  | 'lost_entries' // the server expects changes this device no longer has
  | 'too_large' // even a single change is over the server's size limit
  | 'rate_limited' // 429: wait as long as the server asks
  | 'cursor_expired' // internal: pull again from the start
  | 'server_error' // an answer that makes no sense, or a 5xx from Holdfast itself
  | 'storage_full'; // the device cannot store what arrived

export class SyncFailure extends Error {
  override readonly name = 'SyncFailure';

  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly details: { expectedSeq?: number; retryAfterMs?: number; status?: number } = {},
  ) {
    super(message);
  }
}
