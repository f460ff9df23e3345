// Why the server refused a change, in the reader's language; the server's own words follow as detail.
import type { RejectionCode } from '../../../domain/sync';
import type { RejectionRow } from '../../../storage';
import type { SyncInboxKey } from './messages';
import type { SyncInboxT } from './messages';

const keys: Record<RejectionCode, SyncInboxKey> = {
  invalid: 'attention.reason.invalid',
  forbidden: 'attention.reason.forbidden',
  not_found: 'attention.reason.notFound',
  duplicate: 'attention.reason.duplicate',
  deleted: 'attention.reason.deleted',
  append_only: 'attention.reason.appendOnly',
  already_resolved: 'attention.reason.alreadyResolved',
  not_allowed: 'attention.reason.notAllowed',
  unknown_mutation: 'attention.reason.unknownMutation',
};

export function reasonText(t: SyncInboxT, reason: RejectionRow['reason']): string {
  const key = keys[reason.code];
  const general = key ? t(key) : '';
  // The server's sentence names the field or the person; it is English, so it is kept as detail.
  return t.language === 'en' ? reason.message : `${general} (${reason.message})`;
}
