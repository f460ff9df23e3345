// A sync problem in the reader's language (the engine's own text is English, for logs and tests).
import type { SyncProblem } from '../../sync';
import { formatDateTime } from '../format/format-date-time';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/use-t';

const keys: Record<SyncProblem['code'], MessageKey> = {
  offline: 'sync.problem.offline',
  unreachable: 'sync.problem.unreachable',
  session_expired: 'sync.problem.sessionExpired',
  signed_out: 'sync.problem.signedOut',
  forbidden: 'sync.problem.forbidden',
  protocol_mismatch: 'sync.problem.protocolMismatch',
  lost_entries: 'sync.problem.lostEntries',
  too_large: 'sync.problem.tooLarge',
  rate_limited: 'sync.problem.rateLimited',
  server_error: 'sync.problem.serverError',
  storage_full: 'sync.problem.storageFull',
  unknown: 'sync.problem.unknown',
};

export function problemText(t: Translate, problem: SyncProblem): string {
  const text = t(keys[problem.code]);
  return problem.retryAt
    ? `${text} ${t('sync.retryAt', { time: formatDateTime(problem.retryAt, t.language) })}`
    : text;
}
