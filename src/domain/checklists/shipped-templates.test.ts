import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../sync/json-value';
import { validateFields } from '../sync/record-kinds';
import {
  CHECKLIST_LANGUAGES,
  CHECKLIST_LINKS,
  CHECKLIST_PHASES,
  checklistRunKind,
  checklistTemplateKind,
  type ChecklistLanguage,
} from './checklist-kinds';
import { inLanguage, type ShippedTemplate } from './shipped-template-types';
import { SHIPPED_TEMPLATES, shippedTemplate } from './shipped-templates';

const EXPECTED_KEYS = [
  'coop-activation',
  'power-outage',
  'it-outage',
  'severe-weather',
  'calldown-activation',
  'manual-permit-intake',
  'reconstitution',
];

/** The template as JSON, the way a run stores it after a round trip through the database and the wire. */
function asJson(value: unknown): JsonObject {
  const json: unknown = JSON.parse(JSON.stringify(value));
  if (!isJsonObject(json)) throw new Error('not a JSON object');
  return json;
}

/** The fields of a run started from a shipped template, as the start-a-run screen would build them. */
function runFields(template: ShippedTemplate, language: ChecklistLanguage): JsonObject {
  const { title, sections, items } = inLanguage(template, language);
  return asJson({
    title,
    language,
    templateKey: template.key,
    templateVersion: template.version,
    startedAt: '2026-11-27T10:00:00Z',
    startedBy: 'Test',
    status: 'active',
    exercise: false,
    sections,
    items,
  });
}

const runErrors = (fields: JsonObject) => validateFields(checklistRunKind, fields, { op: 'create' });

const byKey = (key: string): ShippedTemplate => {
  const template = shippedTemplate(key);
  if (!template) throw new Error(`no shipped template ${key}`);
  return template;
};

describe('shipped checklist templates', () => {
  it('ships each of the templates issue 7 asks for, once, and finds them by key', () => {
    const keys = SHIPPED_TEMPLATES.map((template) => template.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...EXPECTED_KEYS].sort());
    for (const template of SHIPPED_TEMPLATES) expect(shippedTemplate(template.key)).toBe(template);
    expect(shippedTemplate('no-such-template')).toBeUndefined();
    for (const template of SHIPPED_TEMPLATES) {
      expect(Number.isInteger(template.version)).toBe(true);
      expect(template.version).toBeGreaterThanOrEqual(1);
    }
  });

  describe.each(SHIPPED_TEMPLATES.map((template) => [template.key, template] as const))(
    '%s',
    (_key, template) => {
      it('has 8 to 16 items in 2 to 4 sections, each section used, ids unique', () => {
        expect(template.items.length).toBeGreaterThanOrEqual(8);
        expect(template.items.length).toBeLessThanOrEqual(16);
        expect(template.sections.length).toBeGreaterThanOrEqual(2);
        expect(template.sections.length).toBeLessThanOrEqual(4);

        const sectionIds = template.sections.map((section) => section.id);
        expect(new Set(sectionIds).size).toBe(sectionIds.length);
        const itemIds = template.items.map((item) => item.id);
        expect(new Set(itemIds).size).toBe(itemIds.length);
        for (const item of template.items) expect(sectionIds).toContain(item.section);
        for (const id of sectionIds) expect(template.items.some((item) => item.section === id)).toBe(true);
        // Items are listed section by section, in the sections' order, so a printed checklist reads top down.
        const order = template.items.map((item) => sectionIds.indexOf(item.section));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      });

      it('uses only known phases and screens, and flags a few items, not all, as critical', () => {
        for (const item of template.items) {
          expect(CHECKLIST_PHASES).toContain(item.phase);
          if (item.link !== undefined) expect(CHECKLIST_LINKS).toContain(item.link);
          expect(typeof item.critical).toBe('boolean');
        }
        const critical = template.items.filter((item) => item.critical).length;
        expect(critical).toBeGreaterThanOrEqual(1);
        expect(critical).toBeLessThanOrEqual(template.items.length / 2);
      });

      it('has every text in both languages, with the Spanish actually translated', () => {
        const both = [
          template.title,
          template.description,
          ...template.sections.map((section) => section.title),
        ];
        for (const item of template.items) both.push(item.text, item.role);
        for (const text of both)
          for (const language of CHECKLIST_LANGUAGES) expect(text[language].trim()).not.toBe('');

        expect(template.title.es).not.toBe(template.title.en);
        expect(template.description.es).not.toBe(template.description.en);
        for (const section of template.sections)
          expect(section.title.es, section.id).not.toBe(section.title.en);
        for (const item of template.items) {
          expect(item.text.es, item.id).not.toBe(item.text.en);
          expect(item.role.es, item.id).not.toBe(item.role.en);
          // One plain sentence: starts with a capital (or ¿/¡ in Spanish) and ends with a full stop.
          expect(item.text.en, item.id).toMatch(/^[A-Z].*\.$/s);
          expect(item.text.es, item.id).toMatch(/^[A-ZÁÉÍÓÚÑ¿¡].*\.$/s);
        }
      });

      it('gives the same sections and items, in the same order, in English and Spanish', () => {
        const en = inLanguage(template, 'en');
        const es = inLanguage(template, 'es');
        expect(es.items.map((item) => item.id)).toEqual(en.items.map((item) => item.id));
        expect(es.sections.map((section) => section.id)).toEqual(en.sections.map((section) => section.id));
        const shape = (items: typeof en.items) =>
          items.map(({ id, section, phase, critical, link }) => ({ id, section, phase, critical, link }));
        expect(shape(es.items)).toEqual(shape(en.items));
        expect(es.items[0]!.text).toBe(template.items[0]!.text.es);
      });

      it.each(CHECKLIST_LANGUAGES)('starts a valid run and a valid template in %s', (language) => {
        expect(runErrors(runFields(template, language))).toEqual([]);
        const { title, description, sections, items } = inLanguage(template, language);
        const copy = asJson({
          title,
          description,
          language,
          basedOn: template.key,
          version: 1,
          sections,
          items,
        });
        expect(validateFields(checklistTemplateKind, copy, { op: 'create' })).toEqual([]);
      });
    },
  );

  it('refuses a run whose item is under a section the run does not have', () => {
    const fields = runFields(byKey('power-outage'), 'en');
    const items = fields.items as JsonObject[];
    const broken = { ...fields, items: [...items.slice(0, 2), { ...items[2]!, section: 'no-such-section' }] };
    expect(runErrors(broken)).toEqual([
      expect.objectContaining({ field: 'items', code: 'not_allowed_value', params: { row: 3 } }),
    ]);
    const unknownLink = { ...fields, items: [{ ...items[0]!, link: 'nowhere' }, ...items.slice(1)] };
    expect(runErrors(unknownLink)).toEqual([expect.objectContaining({ field: 'items', params: { row: 1 } })]);
  });

  it('names each role the same way in Spanish wherever it appears', () => {
    const spanishFor = new Map<string, Set<string>>();
    for (const template of SHIPPED_TEMPLATES)
      for (const item of template.items) {
        const names = spanishFor.get(item.role.en) ?? new Set<string>();
        names.add(item.role.es);
        spanishFor.set(item.role.en, names);
      }
    for (const [english, names] of spanishFor) expect([...names], english).toHaveLength(1);
  });

  it('tells staff to disconnect, not power off, and to preserve evidence in an IT outage', () => {
    const items = byKey('it-outage').items;
    const disconnect = items.find(
      (item) => /disconnect/i.test(item.text.en) && /network/i.test(item.text.en),
    );
    expect(disconnect?.text.en).toMatch(/do not power them off/i);
    expect(disconnect?.critical).toBe(true);
    const evidence = items.find((item) => /preserve evidence/i.test(item.text.en));
    expect(evidence?.critical).toBe(true);
    expect(evidence?.text.es).toMatch(/pruebas/i);
    expect(items.some((item) => /do not pay/i.test(item.text.en))).toBe(true);
  });

  it('links the reconstitution checklist to keying in paper logs and permit intakes, and to sync', () => {
    const template = byKey('reconstitution');
    const links = template.items.map((item) => item.link);
    expect(links).toEqual(
      expect.arrayContaining(['transcribe_log', 'permit_intake', 'sync', 'outage_packet']),
    );
    const phases = template.items.map((item) => item.phase);
    expect(phases.filter((phase) => phase === 'reconstitution').length).toBeGreaterThan(phases.length / 2);
  });

  it('keeps the activation checklists mostly in the activation and continuity phases', () => {
    for (const key of [
      'coop-activation',
      'power-outage',
      'it-outage',
      'calldown-activation',
      'manual-permit-intake',
    ]) {
      const phases = byKey(key).items.map((item) => item.phase);
      const active = phases.filter((phase) => phase === 'activation' || phase === 'continuity').length;
      expect(active, key).toBeGreaterThan(phases.length / 2);
    }
  });

  it('covers the first hour and the first day of a continuity plan activation', () => {
    const template = byKey('coop-activation');
    expect(template.sections.map((section) => section.title.en)).toEqual(['First hour', 'First day']);
    const links = template.items.map((item) => item.link);
    expect(links).toEqual(expect.arrayContaining(['calldowns', 'succession', 'new_incident']));
  });
});
