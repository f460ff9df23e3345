// The Checklists screens' pure helpers: every named link has a route, a run keeps the template's outline
// and version, the editor's moves stay inside a section, and domain errors land next to their field.
import { describe, expect, it } from 'vitest';
import { CHECKLIST_LINKS, checklistRunKind } from '../../../domain/checklists/checklist-kinds';
import { SHIPPED_TEMPLATES } from '../../../domain/checklists/shipped-templates';
import { validateFields } from '../../../domain/sync/record-kinds';
import {
  addItem,
  addSection,
  draftErrors,
  draftFields,
  draftFromShipped,
  LINK_ROUTES,
  moveItem,
  moveSection,
  removeSection,
  runFields,
  updateItem,
  type TemplateDraft,
} from './checklist-model';
import { en } from './messages.en';
import { es } from './messages.es';

const draft: TemplateDraft = {
  title: 'Water main break',
  description: '',
  language: 'en',
  sections: [
    { id: 's1', title: 'First hour' },
    { id: 's2', title: 'Later' },
  ],
  items: [
    { id: 'i1', section: 's1', text: 'Close valves', role: 'Crew lead', phase: 'activation', critical: true },
    { id: 'i2', section: 's2', text: 'Notify residents', role: 'PIO', phase: 'continuity', critical: false },
    {
      id: 'i3',
      section: 's1',
      text: 'Call the director',
      role: 'Lead',
      phase: 'activation',
      critical: false,
    },
  ],
};

describe('checklist model', () => {
  it('maps every link to a route, and names every link and phase in both languages', () => {
    for (const link of CHECKLIST_LINKS) {
      expect(LINK_ROUTES[link]).toMatch(/^\//);
      expect(en[`checklists.link.${link}`]).toBeTruthy();
      expect(es[`checklists.link.${link}`]).toBeTruthy();
    }
  });

  it('starts a valid run from every shipped template in both languages, and from an own template', () => {
    for (const template of SHIPPED_TEMPLATES)
      for (const language of ['en', 'es'] as const) {
        const fields = runFields(
          { type: 'shipped', template },
          {
            title: template.title[language],
            language,
            exercise: false,
            startedAt: '2026-03-02T09:30:00Z',
            startedBy: 'Rita',
          },
        );
        expect(validateFields(checklistRunKind, fields, { op: 'create' })).toEqual([]);
        expect(fields).toMatchObject({
          templateKey: template.key,
          templateVersion: template.version,
          language,
        });
      }
    const own = runFields(
      {
        ...draft,
        type: 'own',
        id: '00000000-0000-7000-8000-000000000001',
        title: 'X',
        language: 'es',
        version: 4,
      },
      {
        title: ' Mine ',
        language: 'en',
        exercise: true,
        startedAt: '2026-03-02T09:30:00Z',
        startedBy: 'Rita',
      },
    );
    expect(own).toMatchObject({ title: 'Mine', language: 'es', templateVersion: 4, exercise: true });
    expect(own.templateKey).toBeUndefined();
    expect(validateFields(checklistRunKind, own, { op: 'create' })).toEqual([]);
  });

  it('moves items within their section and sections in the list; removes only empty sections', () => {
    const moved = moveItem(draft, 'i3', -1);
    expect(moved.items.map((i) => i.id)).toEqual(['i3', 'i2', 'i1']);
    expect(draftFields(moved).items).toMatchObject([{ id: 'i3' }, { id: 'i1' }, { id: 'i2' }]);
    expect(moveItem(draft, 'i1', -1)).toBe(draft);
    expect(moveSection(draft, 's2', -1).sections.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(removeSection(draft, 's1')).toBe(draft);
    const withEmpty = addSection(draft, 'Spare');
    expect(withEmpty.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(removeSection(withEmpty, 's3').sections).toHaveLength(2);
    const added = addItem(draft, 's1', 'activation');
    expect(added.items.map((i) => i.id)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(added.items[3]).toMatchObject({ section: 's1', text: '' });
  });

  it('places the domain’s errors next to the field they are about', () => {
    expect(draftErrors(draft, 1)).toEqual([]);
    const broken = updateItem(updateItem({ ...draft, title: ' ' }, 'i2', { role: '' }), 'i3', { text: '' });
    expect(draftErrors(broken, 1)).toEqual([
      { place: { at: 'title' }, key: 'checklists.edit.error.titleRequired' },
      { place: { at: 'item', id: 'i3', part: 'text' }, key: 'checklists.edit.error.itemText' },
      { place: { at: 'item', id: 'i2', part: 'role' }, key: 'checklists.edit.error.itemRole' },
    ]);
    const noSectionTitle = { ...draft, sections: [{ id: 's1', title: '' }, draft.sections[1]!] };
    expect(draftErrors(noSectionTitle, 1)).toEqual([
      { place: { at: 'section', id: 's1' }, key: 'checklists.edit.error.sectionTitle' },
    ]);
    expect(draftErrors({ ...draft, items: [] }, 1)).toEqual([
      { place: { at: 'form' }, key: 'checklists.edit.error.noItems' },
    ]);
  });

  it('copies a shipped template into an editable draft that validates', () => {
    for (const template of SHIPPED_TEMPLATES)
      expect(draftErrors(draftFromShipped(template, 'es'), 1)).toEqual([]);
  });
});
