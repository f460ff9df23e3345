// Comments on notes: append-only. A correction is a new comment whose `corrects` names the earlier one.
import { checkRecordRef, checkText, problems } from './field-checks';
import { defineKind } from './record-kinds';

export const noteCommentKind = defineKind({
  name: 'note_comment',
  label: 'comment',
  mode: 'append-only',
  fields: ['noteId', 'text', 'corrects'],
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'noteId', 'The note', { required: true }),
      checkText(fields, 'text', 'Text', { required: true, max: 2_000 }),
      checkRecordRef(fields, 'corrects', 'The corrected comment'),
    ),
});
