// Validation of the checklist kinds and who may write them: a not-applicable mark needs its reason, a run
// starts from exactly one template, every item sits under a listed section, only managers and admins
// write templates, and marks can never be changed.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../sync/json-value';
import { validateFields } from '../sync/record-kinds';
import { id, makeEntry, TestServer } from '../sync/test-helpers';
import { checklistMarkKind, checklistRunKind, checklistTemplateKind } from './checklist-kinds';

const DEPT = 'public-works';
const accounts = {
  rita: { role: 'manager' as const, departments: [DEPT] },
  ada: { role: 'admin' as const, departments: [DEPT] },
  carl: { role: 'clerk' as const, departments: [DEPT] },
  vera: { role: 'viewer' as const, departments: [DEPT] },
};

const outline = {
  sections: [{ id: 's1', title: 'First hour' }],
  items: [
    { id: 'i1', section: 's1', text: 'Call the director', role: 'Lead', phase: 'activation', critical: true },
  ],
};
const template = { title: 'Power outage', language: 'en', version: 1, ...outline } as unknown as JsonObject;
const run = {
  title: 'Power outage, City Hall',
  language: 'en',
  templateKey: 'power-outage',
  templateVersion: 1,
  startedAt: '2026-03-02T09:30:00Z',
  startedBy: 'Rita Moreno',
  status: 'active',
  ...outline,
} as unknown as JsonObject;
const markFields = { runId: id(10), itemId: 'i1', at: '2026-03-02T09:31:00Z', byName: 'Rita Moreno' };
const fieldsOf = (kind: Parameters<typeof validateFields>[0], fields: JsonObject) =>
  validateFields(kind, fields, { op: 'create' }).map((e) => e.field);

describe('checklist kinds', () => {
  it('accepts a well-formed template, run and mark', () => {
    expect(fieldsOf(checklistTemplateKind, template)).toEqual([]);
    expect(fieldsOf(checklistRunKind, run)).toEqual([]);
    expect(fieldsOf(checklistMarkKind, { ...markFields, action: 'done' })).toEqual([]);
  });

  it('refuses "not applicable" without a reason, and a note without text', () => {
    expect(fieldsOf(checklistMarkKind, { ...markFields, action: 'not_applicable' })).toEqual(['note']);
    expect(fieldsOf(checklistMarkKind, { ...markFields, action: 'not_applicable', note: '  ' })).toEqual([
      'note',
    ]);
    expect(
      fieldsOf(checklistMarkKind, { ...markFields, action: 'not_applicable', note: 'No generator' }),
    ).toEqual([]);
    expect(fieldsOf(checklistMarkKind, { ...markFields, action: 'note' })).toEqual(['note']);
    expect(fieldsOf(checklistMarkKind, { ...markFields, action: 'skipped' })).toEqual(['action']);
  });

  it('needs exactly one of templateId and templateKey on a run', () => {
    const { templateKey: _key, ...neither } = run;
    expect(fieldsOf(checklistRunKind, neither)).toEqual(['templateId']);
    expect(fieldsOf(checklistRunKind, { ...run, templateId: id(5) })).toEqual(['templateId']);
    expect(fieldsOf(checklistRunKind, { ...neither, templateId: id(5) })).toEqual([]);
  });

  it('refuses an item under a section that is not listed, and other broken items', () => {
    const broken = (item: Record<string, unknown>) =>
      validateFields(
        checklistTemplateKind,
        { ...template, items: [{ ...outline.items[0], ...item }] } as unknown as JsonObject,
        { op: 'create' },
      );
    expect(broken({ section: 's9' })).toMatchObject([
      { field: 'items', code: 'not_allowed_value', params: { row: 1 } },
    ]);
    expect(broken({ text: '' })).toMatchObject([{ field: 'items', code: 'required' }]);
    expect(broken({ phase: 'later' })).toMatchObject([{ field: 'items', code: 'not_allowed_value' }]);
    expect(broken({ link: 'nowhere' })).toMatchObject([{ field: 'items', code: 'not_allowed_value' }]);
    expect(broken({ critical: 'yes' })).toMatchObject([{ field: 'items', code: 'wrong_type' }]);
    expect(fieldsOf(checklistTemplateKind, { ...template, items: [] } as unknown as JsonObject)).toEqual([
      'items',
    ]);
  });

  it('lets managers and admins write templates, never clerks or viewers', () => {
    const server = new TestServer(accounts);
    const create = (seq: number, user: string) =>
      server.apply(
        makeEntry(
          seq,
          'record.create',
          { kind: 'checklist_template', id: id(100 + seq), dept: DEPT, fields: template },
          {},
          { userId: user, clientId: `device-${user}` },
        ),
      );
    expect(create(1, 'rita').status).toBe('applied');
    expect(create(2, 'ada').status).toBe('applied');
    expect(create(3, 'carl').rejected?.code).toBe('forbidden');
    expect(create(4, 'vera').rejected?.code).toBe('forbidden');
    const update = (seq: number, user: string) =>
      server.apply(
        makeEntry(
          seq,
          'record.update',
          { kind: 'checklist_template', id: id(101), fields: { title: 'Power out', version: 2 } },
          { [id(101)]: 1 },
          { userId: user, clientId: `device-${user}` },
        ),
      );
    expect(update(5, 'carl').rejected?.code).toBe('forbidden');
    expect(update(6, 'rita').status).toBe('applied');
  });

  it('lets a clerk work a run, but never change or delete a mark, nor delete a run', () => {
    const server = new TestServer(accounts);
    const as = { userId: 'carl', clientId: 'device-carl' };
    expect(
      server.apply(
        makeEntry(1, 'record.create', { kind: 'checklist_run', id: id(10), dept: DEPT, fields: run }, {}, as),
      ).status,
    ).toBe('applied');
    expect(
      server.apply(
        makeEntry(
          2,
          'entry.append',
          { kind: 'checklist_mark', id: id(20), dept: DEPT, fields: { ...markFields, action: 'done' } },
          {},
          as,
        ),
      ).status,
    ).toBe('applied');
    expect(
      server.apply(
        makeEntry(
          3,
          'record.update',
          { kind: 'checklist_mark', id: id(20), fields: { action: 'undone' } },
          {},
          as,
        ),
      ).rejected?.code,
    ).toBe('append_only');
    expect(
      server.apply(makeEntry(4, 'record.delete', { kind: 'checklist_run', id: id(10) }, {}, as)).rejected
        ?.code,
    ).toBe('not_allowed');
    // A run's outline and origin are fixed; only its status and closing time change.
    expect(
      server.apply(
        makeEntry(
          5,
          'record.update',
          { kind: 'checklist_run', id: id(10), fields: { exercise: true } },
          { [id(10)]: 1 },
          as,
        ),
      ).rejected?.code,
    ).toBe('invalid');
  });
});
