import { describe, expect, it } from 'vitest';
import { validateFields } from '../sync/record-kinds';
import { DELIVERY_METHODS, exerciseKind, mselInjectKind } from './drill-kinds';
import {
  CORE_CAPABILITIES,
  coreCapabilityNames,
  EXERCISE_TEMPLATES,
  exerciseTemplate,
  TEMPLATE_LANGUAGES,
  templateFields,
  templateInjects,
  type Bilingual,
  type ExerciseTemplate,
} from './templates';

const EXERCISE_ID = '01890000-0000-7000-8000-000000000001';

/** Every text of a template, in both languages. */
function texts(template: ExerciseTemplate): Bilingual[] {
  return [
    template.name,
    template.summary,
    template.hazard,
    template.scope,
    template.scenario,
    ...template.objectives.flatMap((o) => [o.text, o.capability]),
    ...template.modules.flatMap((m) => [m.title, m.summary]),
    ...template.injects.flatMap((i) => [
      i.synopsis,
      i.text,
      i.controller,
      i.expectedAction,
      i.evaluatorNotes,
    ]),
  ];
}

describe('core capabilities', () => {
  it('lists FEMA’s 32, each once, in English and Spanish', () => {
    expect(CORE_CAPABILITIES).toHaveLength(32);
    for (const language of TEMPLATE_LANGUAGES) {
      const names = coreCapabilityNames(language);
      expect(new Set(names).size).toBe(32);
      for (const name of names) expect(name.trim()).not.toBe('');
    }
    expect(coreCapabilityNames('en')).toEqual(
      expect.arrayContaining(['Planning', 'Operational Coordination', 'Cybersecurity', 'Mass Care Services']),
    );
    expect(coreCapabilityNames('es')).toContain('Coordinación operativa');
  });
});

describe('exercise templates', () => {
  it('ships a multi-day power outage and a ransomware attack, found by key', () => {
    expect(EXERCISE_TEMPLATES.map((t) => t.key)).toEqual(['power-outage-tabletop', 'ransomware-tabletop']);
    for (const template of EXERCISE_TEMPLATES) expect(exerciseTemplate(template.key)).toBe(template);
    expect(exerciseTemplate('nope')).toBeUndefined();
  });

  describe.each(EXERCISE_TEMPLATES.map((t) => [t.key, t] as const))('%s', (_key, template) => {
    it('has 3–5 objectives, 2–3 modules and 8–12 injects, a couple of them contingency', () => {
      expect(template.objectives.length).toBeGreaterThanOrEqual(3);
      expect(template.objectives.length).toBeLessThanOrEqual(5);
      expect(template.modules.length).toBeGreaterThanOrEqual(2);
      expect(template.modules.length).toBeLessThanOrEqual(3);
      expect(template.injects.length).toBeGreaterThanOrEqual(8);
      expect(template.injects.length).toBeLessThanOrEqual(12);
      const contingency = template.injects.filter((i) => i.contingency).length;
      expect(contingency).toBeGreaterThanOrEqual(2);
      expect(contingency).toBeLessThanOrEqual(3);
    });

    it('numbers injects 1, 2, 3… in scenario-time order, each under a module that has started', () => {
      expect(template.injects.map((i) => i.number)).toEqual(template.injects.map((_, k) => k + 1));
      const minutes = template.injects.map((i) => i.scenarioMinute);
      expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
      for (const inject of template.injects) {
        const module = template.modules.find((m) => m.id === inject.moduleId);
        expect(module, String(inject.number)).toBeDefined();
        expect(inject.scenarioMinute).toBeGreaterThanOrEqual(module!.startsAtMinute);
        expect(template.objectives.some((o) => o.id === inject.objectiveId)).toBe(true);
        expect(DELIVERY_METHODS).toContain(inject.method);
      }
      for (const objective of template.objectives)
        expect(
          template.injects.some((i) => i.objectiveId === objective.id),
          objective.id,
        ).toBe(true);
    });

    it('ties each objective to a core capability, named the same way in both languages', () => {
      for (const objective of template.objectives) expect(CORE_CAPABILITIES).toContain(objective.capability);
    });

    it('has every text in both languages, the Spanish actually translated', () => {
      for (const text of texts(template))
        for (const language of TEMPLATE_LANGUAGES) expect(text[language].trim()).not.toBe('');
      for (const text of [template.name, template.scenario, template.scope])
        expect(text.es).not.toBe(text.en);
      for (const inject of template.injects) {
        expect(inject.text.es).not.toBe(inject.text.en);
        expect(inject.synopsis.es).not.toBe(inject.synopsis.en);
      }
    });

    it.each(TEMPLATE_LANGUAGES)(
      'makes a valid exercise and valid injects in %s, of the same shape',
      (language) => {
        const fields = templateFields(template, language, { startDate: '2026-11-27' });
        expect(validateFields(exerciseKind, fields, { op: 'create' })).toEqual([]);
        const injects = templateInjects(template, language, EXERCISE_ID);
        for (const inject of injects)
          expect(validateFields(mselInjectKind, inject, { op: 'create' })).toEqual([]);

        const other = language === 'en' ? 'es' : 'en';
        const shape = (rows: typeof injects) =>
          rows.map(({ number, scenarioMinute, moduleId, method, objectiveId, contingency }) => ({
            number,
            scenarioMinute,
            moduleId,
            method,
            objectiveId,
            contingency,
          }));
        expect(shape(injects)).toEqual(shape(templateInjects(template, other, EXERCISE_ID)));
        const theirs = templateFields(template, other, { startDate: '2026-11-27' });
        expect((fields.objectives as { id: string }[]).map((o) => o.id)).toEqual(
          (theirs.objectives as { id: string }[]).map((o) => o.id),
        );
        expect(fields.name).toBe(template.name[language]);
      },
    );
  });

  it('keeps a planner’s name and dates', () => {
    const fields = templateFields(EXERCISE_TEMPLATES[1]!, 'es', {
      name: '  Simulacro de mayo ',
      startDate: '2026-05-04',
      endDate: '2026-05-05',
    });
    expect(fields).toMatchObject({
      name: 'Simulacro de mayo',
      startDate: '2026-05-04',
      endDate: '2026-05-05',
      templateKey: 'ransomware-tabletop',
      exerciseType: 'tabletop',
    });
  });
});
