// How a contact and a tree's escalation rule are named on the tree and succession screens.
import type { RecordView } from '../../../../storage/sync-queries';
import type { TreesT } from './messages';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** "Ana Ruiz (Public Works Director)", or the name alone. */
export function contactLabel(contact: RecordView): string {
  const name = str(contact.fields.name);
  const position = str(contact.fields.position);
  return position ? `${name} (${position})` : name;
}

/**
 * Contacts by id. The tree editor reads only those it shows; `looked` lists the ids its read asked for,
 * so one still being read (just scrolled into view) is not mistaken for one missing from the device.
 */
export type ContactMap = Map<string, RecordView> & { looked?: ReadonlySet<string> };

/** A contact's name, "…" while it is being read, or words saying it is not on this device. */
export function nameOf(t: TreesT, contacts: ContactMap, contactId: string | null): string {
  if (!contactId) return '';
  const contact = contacts.get(contactId);
  if (contact) return str(contact.fields.name);
  return contacts.looked && !contacts.looked.has(contactId) ? '…' : t('trees.unknownContact');
}

/** "After 3 attempts or 15 minutes, to the backup caller." */
export function ruleText(t: TreesT, tree: RecordView): string {
  const f = tree.fields;
  return t(f.escalateTo === 'parent' ? 'trees.rule.parent' : 'trees.rule.backup', {
    attempts: t('trees.rule.attempts', { count: Number(f.escalateAfterAttempts ?? 3) }),
    minutes: t('trees.rule.minutes', { count: Number(f.escalateAfterMinutes ?? 15) }),
  });
}
