// A failed file transfer with the server (import, snapshot), in the reader's language.
import { SyncFailure } from '../../../sync/sync-failure';
import type { DeviceT } from './messages';
import { problemText } from '../../sync/problem-text';

export function SyncFailureText(t: DeviceT, error: unknown): string | null {
  if (!(error instanceof SyncFailure)) return null;
  const code = error.kind === 'cursor_expired' || error.kind === 'sequence_gap' ? 'server_error' : error.kind;
  return problemText(t, { code, message: error.message });
}
