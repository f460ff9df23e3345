import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../sync/json-value';
import { validateFields } from '../sync/record-kinds';
import { mselInjectKind } from './drill-kinds';
import { mselCsv, mselRows, parseScenarioTime, planMselImport, type MselContext } from './msel-csv';
import { EXERCISE_TEMPLATES, templateFields, templateInjects } from './templates';

const EXERCISE = '01890000-0000-7000-8000-000000000001';

const CONTEXT: MselContext = {
  objectives: [
    { id: 'o1', text: 'Activate the EOC within two hours.', capability: 'Operational Coordination' },
    {
      id: 'o2',
      text: 'Warn the public, in English and Spanish.',
      capability: 'Public Information and Warning',
    },
  ],
  modules: [
    { id: 'm1', title: 'Module 1: First hours', startsAtMinute: '0' },
    { id: 'm2', title: 'Module 2: Day two', startsAtMinute: '60' },
  ],
};

const INJECTS: JsonObject[] = [
  {
    number: 1,
    scenarioMinute: 0,
    moduleId: 'm1',
    synopsis: 'Outage reported, "70%" out',
    text: 'Line one, with a comma.\nLine two; with a semicolon.',
    method: 'phone',
    controller: 'Dana Whitfield',
    players: ['omar', 'lucia'],
    expectedAction: '-Activate the EOC',
    objectiveId: 'o1',
    evaluatorNotes: '=SUM(A1) is not a formula',
    contingency: false,
  },
  {
    number: 2,
    scenarioMinute: 95,
    moduleId: 'm2',
    synopsis: 'Rumor ñandú café',
    text: '@mention: power back tonight?',
    method: 'in_person',
    controller: '',
    players: [],
    expectedAction: '',
    objectiveId: 'o2',
    evaluatorNotes: '',
    contingency: true,
  },
  {
    number: 3,
    scenarioMinute: 1500,
    synopsis: 'No module, no objective',
    text: 'Plain',
    method: 'other',
    controller: 'Lead',
    players: ['omar'],
    expectedAction: 'Something',
    evaluatorNotes: 'Note',
    contingency: false,
  },
];

/** An inject's fields with its module and objective by title / text (ids differ between exercises). */
function portable(fields: JsonObject, context: MselContext): JsonObject {
  const { moduleId, objectiveId, ...rest } = fields;
  return {
    ...rest,
    controller: rest.controller ?? '',
    expectedAction: rest.expectedAction ?? '',
    evaluatorNotes: rest.evaluatorNotes ?? '',
    module: context.modules.find((m) => m.id === moduleId)?.title ?? '',
    objective: context.objectives.find((o) => o.id === objectiveId)?.text ?? '',
  };
}

describe('scenario time', () => {
  it('reads T+hh:mm, hh:mm and whole minutes', () => {
    expect(parseScenarioTime('T+01:30')).toBe(90);
    expect(parseScenarioTime('t + 1:05')).toBe(65);
    expect(parseScenarioTime('00:00')).toBe(0);
    expect(parseScenarioTime('25:00')).toBe(1500);
    expect(parseScenarioTime('45')).toBe(45);
    expect(parseScenarioTime('T+45')).toBe(45);
    for (const bad of ['', '1:75', 'noon', '1.5', '-5', '01:3'])
      expect(parseScenarioTime(bad), bad).toBeNull();
  });
});

describe('MSEL CSV', () => {
  it('writes the header in the chosen language and values in words', () => {
    const [header, first, second] = mselRows(INJECTS, CONTEXT, 'en');
    expect(header).toEqual([
      'Number',
      'Scenario time',
      'Module',
      'Synopsis',
      'Inject text',
      'Delivery method',
      'Responsible controller',
      'Intended players',
      'Expected action',
      'Objective',
      'Notes for evaluators',
      'Contingency',
    ]);
    expect(first!.slice(0, 3)).toEqual(['1', 'T+00:00', 'Module 1: First hours']);
    expect(first![5]).toBe('Phone');
    expect(first![7]).toBe('omar; lucia');
    expect(second![5]).toBe('In person');
    expect(second![11]).toBe('Yes');
    const [esHeader, esFirst] = mselRows(INJECTS, CONTEXT, 'es');
    expect(esHeader![1]).toBe('Hora del escenario');
    expect(esFirst![5]).toBe('Teléfono');
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    const csv = mselCsv(INJECTS, CONTEXT, 'en');
    expect(csv.startsWith('\uFEFFNumber,Scenario time,')).toBe(true);
    expect(csv).toContain(`"'=SUM(A1) is not a formula"`);
    expect(csv).toContain("'-Activate the EOC");
  });

  it.each(['en', 'es'] as const)(
    'round trips in %s: export, then import into an empty exercise, gives the same injects',
    (language) => {
      const csv = mselCsv(INJECTS, CONTEXT, language);
      const plan = planMselImport(csv, { objectives: [], modules: [], injects: [] });
      expect(plan.errors).toEqual([]);
      expect(plan.updates).toEqual([]);
      expect(plan.creates.map((c) => c.row)).toEqual([2, 3, 4]);
      // The modules and objectives the injects use are added to the new exercise.
      expect(plan.newModules.map((m) => [m.title, m.startsAtMinute])).toEqual([
        ['Module 1: First hours', '0'],
        ['Module 2: Day two', '95'],
      ]);
      expect(plan.newObjectives.map((o) => o.text)).toEqual(CONTEXT.objectives.map((o) => o.text));
      const imported: MselContext = { modules: plan.newModules, objectives: plan.newObjectives };
      expect(plan.creates.map((c) => portable(c.fields, imported))).toEqual(
        INJECTS.map((inject) => portable(inject, CONTEXT)),
      );
      for (const { fields } of plan.creates)
        expect(validateFields(mselInjectKind, { ...fields, exerciseId: EXERCISE }, { op: 'create' })).toEqual(
          [],
        );
      // And the imported MSEL exports to the same file.
      expect(
        mselCsv(
          plan.creates.map((c) => c.fields),
          imported,
          language,
        ),
      ).toBe(csv);
    },
  );

  it('round trips both templates in both languages', () => {
    for (const template of EXERCISE_TEMPLATES)
      for (const language of ['en', 'es'] as const) {
        const fields = templateFields(template, language, { startDate: '2026-01-01' });
        const context = fields as unknown as MselContext;
        const injects = templateInjects(template, language, EXERCISE);
        const plan = planMselImport(mselCsv(injects, context, language), { ...context, injects: [] });
        expect(plan.errors).toEqual([]);
        expect(plan.newModules).toEqual([]);
        expect(plan.newObjectives).toEqual([]);
        expect(plan.creates.map((c) => ({ ...c.fields, exerciseId: EXERCISE }))).toEqual(injects);
      }
  });

  it('updates the injects already there by number, never duplicating them', () => {
    const csv = mselCsv(INJECTS, CONTEXT, 'en').replace('Rumor ñandú café', 'Rumor corrected');
    const existing = INJECTS.slice(0, 2).map((fields, i) => ({ id: `id-${i + 1}`, fields }));
    const plan = planMselImport(csv, { ...CONTEXT, injects: existing });
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.updates).toEqual([
      { row: 3, id: 'id-2', number: 2, fields: { synopsis: 'Rumor corrected' } },
    ]);
    expect(plan.creates.map((c) => c.fields.number)).toEqual([3]);
    expect(plan.newModules).toEqual([]);
    expect(plan.newObjectives).toEqual([]);
  });

  it('matches headers in any order, either language, and ignores other columns', () => {
    const csv = [
      'Resumen;Número;Hora del escenario;Texto del estímulo;Medio de entrega;Color;contingencia',
      'Corte;4;T+02:00;Se va la luz;Correo electrónico;rojo;sí',
      'Otro;5;150;Texto;radio;;',
    ].join('\n');
    const plan = planMselImport(csv, { ...CONTEXT, injects: [] });
    expect(plan.errors).toEqual([]);
    expect(plan.ignoredColumns).toEqual(['Color']);
    expect(plan.creates.map((c) => c.fields)).toEqual([
      expect.objectContaining({
        number: 4,
        scenarioMinute: 120,
        method: 'email',
        contingency: true,
        synopsis: 'Corte',
      }),
      expect.objectContaining({ number: 5, scenarioMinute: 150, method: 'radio', contingency: false }),
    ]);
  });

  it('reports each malformed row by its spreadsheet row and imports nothing', () => {
    const csv = [
      'Number,Scenario time,Synopsis,Inject text,Delivery method,Contingency',
      '1,T+00:10,Fine,Fine text,Phone,No',
      'two,T+00:20,Bad number,Text,Phone,No',
      '',
      '3,T+1:75,Bad time,Text,Carrier pigeon,maybe',
      '1,T+00:30,Repeats number 1,Text,Email,',
      '"4","T+00:40","","Missing synopsis","Radio",""',
    ].join('\r\n');
    const plan = planMselImport(csv, { ...CONTEXT, injects: [] });
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'number', 'bad_number'],
      [5, 'time', 'bad_time'],
      [5, 'method', 'bad_method'],
      [5, 'contingency', 'bad_contingency'],
      [6, 'number', 'duplicate_number'],
      [7, 'synopsis', 'required'],
    ]);
    expect(plan.errors[0]!.message).toBe(
      'Row 3: "two" is not an inject number (a whole number from 1 to 9999).',
    );
    expect(plan.errors[4]!.message).toBe('Row 6: inject number 1 is already on row 2.');
  });

  it('counts rows as a spreadsheet does when a cell holds line breaks', () => {
    const csv =
      'Number,Scenario time,Synopsis,Inject text,Delivery method\n1,0,A,"two\nlines",Phone\n2,x,B,C,Phone\n';
    expect(planMselImport(csv, { ...CONTEXT, injects: [] }).errors.map((e) => e.row)).toEqual([3]);
  });

  it('says which required columns are missing, and when the file is empty', () => {
    const plan = planMselImport('Number,Synopsis\n1,A\n', { ...CONTEXT, injects: [] });
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'time', 'missing_column'],
      [1, 'text', 'missing_column'],
      [1, 'method', 'missing_column'],
    ]);
    expect(planMselImport('', { ...CONTEXT, injects: [] }).errors.map((e) => e.code)).toEqual(['empty_file']);
    expect(
      planMselImport('Number,Scenario time,Synopsis,Inject text,Delivery method\n', {
        ...CONTEXT,
        injects: [],
      }).errors.map((e) => e.code),
    ).toEqual(['empty_file']);
  });
});
