// The server checks a checklist mark against its run (parent spec): a mark for a run in another
// department, or for a run that does not exist, is refused. Two managers editing one template's outline
// at once can never leave items under a section the merged template does not have: the second edit is
// refused with the reason (apply-server.ts mergedProblems).
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../sync/json-value';
import { id, makeEntry, TestServer } from '../sync/test-helpers';

const accounts = {
  rita: { role: 'manager' as const, departments: ['public-works'] },
  pat: { role: 'clerk' as const, departments: ['parks'] },
};

const run = {
  title: 'Power outage, City Hall',
  language: 'en',
  templateKey: 'power-outage',
  templateVersion: 1,
  startedAt: '2026-03-02T09:30:00Z',
  startedBy: 'Rita Moreno',
  status: 'active',
  sections: [{ id: 's1', title: 'First hour' }],
  items: [{ id: 'i1', section: 's1', text: 'Call the director', role: 'Lead', phase: 'activation' }],
} as unknown as JsonObject;

const mark = (runId: string) =>
  ({ runId, itemId: 'i1', action: 'done', at: '2026-03-02T09:31:00Z', byName: 'Pat' }) as JsonObject;

describe('a checklist mark is checked against its run on the server', () => {
  it("refuses a mark on another department's run", () => {
    const server = new TestServer(accounts);
    const rita = { userId: 'rita', clientId: 'device-rita' };
    const pat = { userId: 'pat', clientId: 'device-pat' };
    expect(
      server.apply(
        makeEntry(
          1,
          'record.create',
          { kind: 'checklist_run', id: id(10), dept: 'public-works', fields: run },
          {},
          rita,
        ),
      ).status,
    ).toBe('applied');
    const applied = server.apply(
      makeEntry(
        1,
        'entry.append',
        { kind: 'checklist_mark', id: id(20), dept: 'parks', fields: mark(id(10)) },
        {},
        pat,
      ),
    );
    expect(applied.status).toBe('rejected');
  });

  it('refuses a mark for a run that does not exist', () => {
    const server = new TestServer(accounts);
    const applied = server.apply(
      makeEntry(
        1,
        'entry.append',
        { kind: 'checklist_mark', id: id(21), dept: 'parks', fields: mark(id(99)) },
        {},
        { userId: 'pat', clientId: 'device-pat' },
      ),
    );
    expect(applied.status).toBe('rejected');
  });
});

// a template's outline is two editable fields, `sections` and `items`, merged field by
// field. Two managers editing the same template offline can leave the server holding items under a section
// that no longer exists: each edit was valid against what it was checked with, but the merge keeps one
// manager's sections and the other's items, and the merged record is never validated. Every device then
// holds a template no checklist can start from (the run copies the outline and is refused), and the item
// under the missing section is on no screen and no printed sheet.
describe('concurrent edits of a template keep its outline whole', () => {
  it('never stores items under a section the merged template does not have', async () => {
    const { checklistTemplateKind } = await import('./checklist-kinds');
    const { validateFields } = await import('../sync/record-kinds');
    const server = new TestServer({
      rita: { role: 'manager', departments: ['public-works'] },
      max: { role: 'manager', departments: ['public-works'] },
    });
    const rita = { userId: 'rita', clientId: 'device-rita' };
    const max = { userId: 'max', clientId: 'device-max' };
    const base = {
      title: 'Power outage',
      language: 'en',
      version: 1,
      archived: false,
      sections: [
        { id: 's1', title: 'First hour' },
        { id: 's2', title: 'First day' },
      ],
      items: [
        {
          id: 'i1',
          section: 's1',
          text: 'Call the director',
          role: 'Lead',
          phase: 'activation',
          critical: true,
        },
        {
          id: 'i2',
          section: 's2',
          text: 'Fuel the generator',
          role: 'Facilities',
          phase: 'continuity',
          critical: false,
        },
      ],
    } as unknown as JsonObject;
    expect(
      server.apply(
        makeEntry(
          1,
          'record.create',
          { kind: 'checklist_template', id: id(1), dept: 'public-works', fields: base },
          {},
          rita,
        ),
      ).status,
    ).toBe('applied');

    // Rita renames "First day" (sections only).
    server.apply(
      makeEntry(
        2,
        'record.update',
        {
          kind: 'checklist_template',
          id: id(1),
          fields: {
            version: 2,
            sections: [
              { id: 's1', title: 'First hour' },
              { id: 's2', title: 'First 24 hours' },
            ],
          } as unknown as JsonObject,
        },
        { [id(1)]: 1 },
        rita,
      ),
    );
    // Max, offline from the same version, replaces "First day" by "Generator" and moves the item there.
    server.apply(
      makeEntry(
        1,
        'record.update',
        {
          kind: 'checklist_template',
          id: id(1),
          fields: {
            version: 2,
            sections: [
              { id: 's1', title: 'First hour' },
              { id: 's3', title: 'Generator' },
            ],
            items: [
              {
                id: 'i1',
                section: 's1',
                text: 'Call the director',
                role: 'Lead',
                phase: 'activation',
                critical: true,
              },
              {
                id: 'i2',
                section: 's3',
                text: 'Fuel the generator',
                role: 'Facilities',
                phase: 'continuity',
                critical: false,
              },
            ],
          } as unknown as JsonObject,
        },
        { [id(1)]: 1 },
        max,
      ),
    );

    const stored = server.records.get(id(1))!;
    expect(validateFields(checklistTemplateKind, stored.fields, { op: 'create' })).toEqual([]);
  });
});
