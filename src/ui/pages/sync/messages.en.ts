// English messages of the sync inboxes (Needs attention, Conflicts), bundled with their chunk;
// messages.es.ts has the same keys.
import type { Messages } from '../../i18n/translate';

export const en = {
  'attention.intro':
    'The server refused these changes. Other changes were sent anyway. Fix each one, or discard it.',
  'attention.empty': 'Nothing needs attention.',
  'attention.reason': 'Why',
  'attention.when': 'When',
  'attention.whenValue': 'Made {made}, refused {refused}',
  'attention.what.create': 'New note “{title}”',
  'attention.what.update': 'Change to note “{title}”: {fields}',
  'attention.what.delete': 'Deletion of note “{title}”',
  'attention.what.comment': 'Comment “{text}”',
  'attention.what.createMany': {
    one: 'Import of {count} record (the first: “{title}”)',
    other: 'Import of {count} records (the first: “{title}”)',
  },
  'attention.what.resolve': 'A conflict resolution',
  'attention.reason.invalid': 'A value was not valid.',
  'attention.reason.forbidden': 'You are not allowed to make this change.',
  'attention.reason.notFound': 'The record no longer exists.',
  'attention.reason.duplicate': 'The record already exists.',
  'attention.reason.deleted': 'Someone deleted the record.',
  'attention.reason.appendOnly': 'This entry cannot be changed.',
  'attention.reason.alreadyResolved': 'Someone already resolved this conflict differently.',
  'attention.reason.notAllowed': 'The change is not allowed while the record is in its current state.',
  'attention.reason.unknownMutation': 'The server does not know this kind of change.',
  'attention.fix': 'Fix',
  'attention.discard': 'Discard',
  'attention.discardHeading': 'Discard this change?',
  'attention.discardBody': 'It will not be sent again and cannot be brought back.',
  'attention.discardConfirm': 'Discard change',
  'attention.discarded': 'Change discarded.',

  'conflicts.intro':
    'Two people changed the same field at the same time. The server kept one value; choose which value the field keeps.',
  'conflicts.empty': 'There are no conflicts.',
  'conflicts.heading': 'Note “{title}”, field {field}',
  'conflicts.serverSide': 'Kept on the server',
  'conflicts.clientSide': 'Sent from a device',
  'conflicts.serverBy': 'By {user} (found {time})',
  'conflicts.clientBy': 'By {user}, {time}',
  'conflicts.choose': 'Which value should the field keep?',
  'conflicts.keepServer': 'The value kept on the server',
  'conflicts.keepClient': 'The value sent from the device',
  'conflicts.typeMerged': 'A value I type',
  'conflicts.mergedLabel': 'Merged value',
  'conflicts.resolve': 'Resolve',
  'conflicts.resolved': 'Resolved the conflict on “{title}”.',
} satisfies Messages;
