// Notes: a simple editable document, registered so sync can be exercised end to end before feature kinds land.
import { checkOneOf, checkText, problems } from './field-checks';
import { defineKind } from './record-kinds';

export const NOTE_STATUSES = ['open', 'closed'] as const;

export const noteKind = defineKind({
  name: 'note',
  label: 'note',
  mode: 'editable',
  fields: ['title', 'body', 'status'],
  defaults: { status: 'open' },
  validate: (fields) =>
    problems(
      checkText(fields, 'title', 'Title', { required: true, max: 200 }),
      checkText(fields, 'body', 'Body', { max: 10_000 }),
      checkOneOf(fields, 'status', 'Status', NOTE_STATUSES, { required: true }),
    ),
});
