// Why the server refused a change, in the reader's language; the server's own words follow as detail.
import type { RejectionCode } from '../../../domain/sync';
import type { RejectionRow } from '../../../storage';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/use-t';

const keys: Record<RejectionCode, MessageKey> = {
  invalid: 'attention.reason.invalid',
  forbidden: 'attention.reason.forbidden',
  not_found: 'attention.reason.notFound',
  duplicate: 'attention.reason.duplicate',
  deleted: 'attention.reason.deleted',
  append_only: 'attention.reason.appendOnly',
  already_resolved: 'attention.reason.alreadyResolved',
  unknown_mutation: 'attention.reason.unknownMutation',
};

export function reasonText(t: Translate, reason: RejectionRow['reason']): string {
  const key = keys[reason.code];
  const general = key ? t(key) : '';
  // The server's sentence names the field or the person; it is English, so it is kept as detail.
  return t.language === 'en' ? reason.message : `${general} (${reason.message})`;
}
