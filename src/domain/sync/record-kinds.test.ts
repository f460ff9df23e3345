import { describe, expect, it } from 'vitest';
import { noteCommentKind } from './note-comment-kind';
import { noteKind } from './note-kind';
import { createKindRegistry, defineKind, validateFields } from './record-kinds';
import { RECORD_KINDS } from './registered-kinds';
import { id } from './test-helpers';

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`);

describe('note', () => {
  it('accepts a title, an optional body and a status', () => {
    expect(validateFields(noteKind, { title: 'Culvert blocked', status: 'open' }, { op: 'create' })).toEqual(
      [],
    );
  });

  it('names each bad field in plain words', () => {
    const errors = validateFields(
      noteKind,
      { title: ' ', body: 'x'.repeat(10_001), status: 'done' },
      { op: 'create' },
    );
    expect(codes(errors)).toEqual(['title:required', 'body:too_long', 'status:not_allowed_value']);
    expect(errors[0]?.message).toBe('Title is required.');
    expect(errors[1]?.message).toBe('Body must be at most 10,000 characters (it has 10,001).');
    expect(errors[2]?.message).toBe('Status must be one of: open, closed.');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validateFields(noteKind, { title: '🚒'.repeat(200), status: 'open' }, { op: 'create' })).toEqual(
      [],
    );
    const tooLong = validateFields(noteKind, { title: '🚒'.repeat(201), status: 'open' }, { op: 'create' });
    expect(codes(tooLong)).toEqual(['title:too_long']);
  });

  it('refuses fields the kind does not have and wrong types', () => {
    expect(
      codes(validateFields(noteKind, { title: 'a', status: 'open', colour: 'red' }, { op: 'create' })),
    ).toEqual(['colour:unknown_field']);
    expect(codes(validateFields(noteKind, { title: 42, status: 'open' }, { op: 'create' }))).toEqual([
      'title:wrong_type',
    ]);
  });
});

describe('note_comment', () => {
  it('needs a note and text; `corrects` is optional but must be an id', () => {
    expect(
      validateFields(noteCommentKind, { noteId: id(1), text: 'Cleared at 14:00' }, { op: 'append' }),
    ).toEqual([]);
    const errors = validateFields(
      noteCommentKind,
      { noteId: 'nope', text: '', corrects: 'x' },
      { op: 'append' },
    );
    expect(codes(errors)).toEqual(['noteId:invalid_id', 'text:required', 'corrects:invalid_id']);
    expect(
      codes(validateFields(noteCommentKind, { noteId: id(1), text: 'x'.repeat(2001) }, { op: 'append' })),
    ).toEqual(['text:too_long']);
  });

  it('has nothing an update may change', () => {
    expect(noteCommentKind.editableFields).toEqual([]);
  });
});

describe('defineKind and the registry', () => {
  const permit = defineKind({
    name: 'permit',
    label: 'permit',
    mode: 'editable',
    fields: ['number', 'address'],
    editableFields: ['address'],
    writeRoles: ['clerk', 'viewer'],
    validate: () => [],
  });

  it('fills defaults and never lets viewers write', () => {
    expect(permit.writeRoles).toEqual(['clerk']);
    expect(permit.defaults).toEqual({});
    expect(noteKind.writeRoles).toEqual(['admin', 'manager', 'clerk', 'field']);
  });

  it('refuses updates of fields outside editableFields', () => {
    expect(codes(validateFields(permit, { number: 'B-2' }, { op: 'update' }))).toEqual([
      'number:not_editable',
    ]);
  });

  it('refuses bad definitions, duplicates and reserved names', () => {
    expect(() => defineKind({ ...permit, name: 'Bad Name' })).toThrow(/bad kind name/);
    expect(() => defineKind({ ...permit, editableFields: ['nope'] })).toThrow(/not in fields/);
    expect(() => createKindRegistry([permit, permit])).toThrow(/twice/);
    expect(() => createKindRegistry([defineKind({ ...permit, name: 'conflict' })])).toThrow(/reserved/);
  });

  it('registers the notes, permits, incidents, contacts, checklists and drills kinds', () => {
    expect(RECORD_KINDS.names()).toEqual([
      'note',
      'note_comment',
      'permit',
      'permit_status_event',
      'permit_fee',
      'permit_inspection',
      'inspection_result',
      'incident',
      'operational_period',
      'activity_log',
      'log_entry',
      'ics213_message',
      'ics213_reply',
      'contact',
      'calldown_tree',
      'tree_node',
      'succession',
      'calldown_run',
      'calldown_attempt',
      'calldown_report',
      'checklist_template',
      'checklist_run',
      'checklist_mark',
      'exercise',
      'msel_inject',
      'inject_event',
      'exercise_observation',
      'hotwash_entry',
      'after_action_report',
      'improvement_item',
    ]);
    expect(RECORD_KINDS.get('note')).toBe(noteKind);
  });
});
