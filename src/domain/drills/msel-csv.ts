// The MSEL as CSV (issue 8, acceptance 4): export an exercise's injects and import them back, pure.
//
// Columns are a fixed set, the export's own, matched by name in English or Spanish (case, accents and
// punctuation ignored), in any order; unknown columns are ignored and listed. Values are written the way a
// person reads them: scenario time "T+01:30", the delivery method and the contingency mark in words, the
// module by its title, the objective by its text, intended players as usernames separated by ";".
//
// An import is all or nothing: any bad row is reported by its spreadsheet row (the header is row 1) and
// nothing is written. It never duplicates an inject: a row whose number is already in the MSEL updates
// that inject (only the fields that differ); a number used twice in the file is an error. Injects the file
// does not mention stay as they are. A module or objective the exercise does not have yet (by title / by
// text) is added to the exercise, so a file imported into an empty exercise gives the same injects.
import Papa from 'papaparse';
import type { JsonObject } from '../sync/json-value';
import type { FieldError } from '../sync/record-kinds';
import type { ExerciseModule, Objective } from './drill-kinds';
import { DELIVERY_METHODS, mselInjectKind } from './drill-kinds';
import { scenarioTimeLabel } from './drill-rules';

export type MselLanguage = 'en' | 'es';
type Method = (typeof DELIVERY_METHODS)[number];

export const MSEL_COLUMNS = [
  'number',
  'time',
  'module',
  'synopsis',
  'text',
  'method',
  'controller',
  'players',
  'expectedAction',
  'objective',
  'evaluatorNotes',
  'contingency',
] as const;
export type MselColumn = (typeof MSEL_COLUMNS)[number];

/** Each column's header in English and Spanish; the first is what an export writes. */
export const MSEL_HEADERS: Readonly<Record<MselColumn, Record<MselLanguage, string>>> = {
  number: { en: 'Number', es: 'Número' },
  time: { en: 'Scenario time', es: 'Hora del escenario' },
  module: { en: 'Module', es: 'Módulo' },
  synopsis: { en: 'Synopsis', es: 'Resumen' },
  text: { en: 'Inject text', es: 'Texto del estímulo' },
  method: { en: 'Delivery method', es: 'Medio de entrega' },
  controller: { en: 'Responsible controller', es: 'Controlador responsable' },
  players: { en: 'Intended players', es: 'Participantes destinatarios' },
  expectedAction: { en: 'Expected action', es: 'Acción esperada' },
  objective: { en: 'Objective', es: 'Objetivo' },
  evaluatorNotes: { en: 'Notes for evaluators', es: 'Notas para evaluadores' },
  contingency: { en: 'Contingency', es: 'Contingencia' },
};

/** More names a column may carry (normalized), besides its two headers and its key. */
const ALIASES: Partial<Record<MselColumn, string[]>> = {
  number: ['no', 'num', 'injectnumber', 'inject', 'nro'],
  time: ['time', 'scenariominute', 'minute', 'hora', 'tiempo'],
  text: ['inject', 'injecttext', 'message', 'texto'],
  method: ['method', 'medio', 'delivery'],
  controller: ['controller', 'controlador'],
  players: ['players', 'participantes', 'to'],
  expectedAction: ['expectedplayeraction', 'accion'],
  evaluatorNotes: ['notes', 'notas', 'evaluatornotes'],
};

/** Delivery methods in words, both languages; an import also takes the codes. */
export const METHOD_WORDS: Readonly<Record<Method, Record<MselLanguage, string>>> = {
  phone: { en: 'Phone', es: 'Teléfono' },
  email: { en: 'Email', es: 'Correo electrónico' },
  radio: { en: 'Radio', es: 'Radio' },
  in_person: { en: 'In person', es: 'En persona' },
  paper: { en: 'Paper', es: 'Papel' },
  video: { en: 'Video', es: 'Vídeo' },
  other: { en: 'Other', es: 'Otro' },
};

const YES: Record<MselLanguage, string> = { en: 'Yes', es: 'Sí' };
const NO: Record<MselLanguage, string> = { en: 'No', es: 'No' };

/** Lowercase letters and digits only, accents dropped: "Hora del escenario" → "horadelescenario". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "T+01:30", "01:30", "1:30" or whole minutes ("90") as scenario minutes; null when none of those. */
export function parseScenarioTime(text: string): number | null {
  const value = text.trim();
  const clock = /^(?:t\s*\+\s*)?(\d{1,4}):(\d{2})$/i.exec(value);
  if (clock) {
    const minutes = Number(clock[2]);
    return minutes < 60 ? Number(clock[1]) * 60 + minutes : null;
  }
  const plain = /^(?:t\s*\+\s*)?(\d{1,6})$/i.exec(value);
  return plain ? Number(plain[1]) : null;
}

export interface MselContext {
  objectives: readonly Objective[];
  modules: readonly ExerciseModule[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The MSEL as CSV rows (header first), in the given language. */
export function mselRows(
  injects: readonly JsonObject[],
  context: MselContext,
  language: MselLanguage,
): string[][] {
  const header = MSEL_COLUMNS.map((column) => MSEL_HEADERS[column][language]);
  const rows = injects.map((f) => {
    const method = text(f.method) as Method;
    const cells: Record<MselColumn, string> = {
      number: String(f.number ?? ''),
      time: scenarioTimeLabel(Number(f.scenarioMinute ?? 0)),
      module: context.modules.find((m) => m.id === f.moduleId)?.title ?? '',
      synopsis: text(f.synopsis),
      text: text(f.text),
      method: METHOD_WORDS[method]?.[language] ?? method,
      controller: text(f.controller),
      players: Array.isArray(f.players) ? f.players.filter((p) => typeof p === 'string').join('; ') : '',
      expectedAction: text(f.expectedAction),
      objective: context.objectives.find((o) => o.id === f.objectiveId)?.text ?? '',
      evaluatorNotes: text(f.evaluatorNotes),
      contingency: f.contingency === true ? YES[language] : NO[language],
    };
    return MSEL_COLUMNS.map((column) => cells[column]);
  });
  return [header, ...rows];
}

/**
 * The MSEL as a CSV file (RFC 4180, CRLF, a byte order mark so spreadsheets read UTF-8). A cell starting
 * with = + - @ is written with a leading apostrophe so a spreadsheet never runs it; an import drops it.
 */
export function mselCsv(
  injects: readonly JsonObject[],
  context: MselContext,
  language: MselLanguage,
): string {
  const [fields, ...data] = mselRows(injects, context, language);
  return `\uFEFF${Papa.unparse({ fields: fields!, data }, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}

export type MselRowErrorCode =
  | 'missing_column'
  | 'duplicate_column'
  | 'required'
  | 'bad_number'
  | 'bad_time'
  | 'bad_method'
  | 'bad_contingency'
  | 'duplicate_number'
  | 'too_long'
  | 'too_many'
  | 'invalid'
  | 'empty_file';

/** One problem: the spreadsheet row (header = 1), the column, a code the screen words, and an English message. */
export interface MselRowError {
  row: number;
  column: MselColumn | null;
  code: MselRowErrorCode;
  message: string;
}

export interface ExistingInject {
  id: string;
  fields: JsonObject;
}

export interface MselImportPlan {
  /** Bad rows and columns; when any, `creates` and `updates` are empty and nothing may be written. */
  errors: MselRowError[];
  /** Injects to create: fields without exerciseId (the caller adds it). */
  creates: { row: number; fields: JsonObject }[];
  /** Injects already in the MSEL (same number): only the fields that differ. */
  updates: { row: number; id: string; number: number; fields: JsonObject }[];
  /** Rows equal to the inject already there. */
  unchanged: number;
  /** Modules and objectives the exercise gets, in file order. */
  newModules: ExerciseModule[];
  newObjectives: Objective[];
  /** Headers that are none of the MSEL's columns (ignored). */
  ignoredColumns: string[];
}

const COLUMN_OF_FIELD: Partial<Record<string, MselColumn>> = {
  number: 'number',
  scenarioMinute: 'time',
  moduleId: 'module',
  synopsis: 'synopsis',
  text: 'text',
  method: 'method',
  controller: 'controller',
  players: 'players',
  expectedAction: 'expectedAction',
  objectiveId: 'objective',
  evaluatorNotes: 'evaluatorNotes',
  contingency: 'contingency',
};

const columnNames = (column: MselColumn): string[] => [
  normalizeName(MSEL_HEADERS[column].en),
  normalizeName(MSEL_HEADERS[column].es),
  normalizeName(column),
  ...(ALIASES[column] ?? []),
];

const REQUIRED_COLUMNS: readonly MselColumn[] = ['number', 'time', 'synopsis', 'text', 'method'];

/** Cells the export wrote with a leading apostrophe (a formula guard) lose it. */
const unguard = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function methodOf(cell: string): Method | null {
  const word = normalizeName(cell);
  for (const method of DELIVERY_METHODS) {
    const names = [method, METHOD_WORDS[method].en, METHOD_WORDS[method].es].map(normalizeName);
    if (names.includes(word)) return method;
  }
  const extra: Record<string, Method> = {
    telephone: 'phone',
    call: 'phone',
    mail: 'email',
    correo: 'email',
    video: 'video',
    person: 'in_person',
  };
  return extra[word] ?? null;
}

function yesNo(cell: string): boolean | null {
  const word = normalizeName(cell);
  if (['', 'no', 'n', 'false', '0'].includes(word)) return false;
  if (['yes', 'y', 'true', '1', 'x', 'si', 's', 'contingency', 'contingencia'].includes(word)) return true;
  return null;
}

const sameText = (a: string, b: string) => normalizeName(a) === normalizeName(b) && a.trim() !== '';

const nextId = (prefix: string, taken: Set<string>): string => {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
};

const canonical = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * Reads a CSV file against an exercise's MSEL: what an import would create and update, or every bad row.
 */
export function planMselImport(
  csv: string,
  context: MselContext & { injects: readonly ExistingInject[] },
): MselImportPlan {
  const plan: MselImportPlan = {
    errors: [],
    creates: [],
    updates: [],
    unchanged: 0,
    newModules: [],
    newObjectives: [],
    ignoredColumns: [],
  };
  const body = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const records = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false }).data;
  const blank = (cells: string[]) => cells.every((cell) => cell.trim() === '');
  const headerIndex = records.findIndex((cells) => !blank(cells));
  if (headerIndex === -1) {
    plan.errors.push({ row: 1, column: null, code: 'empty_file', message: 'The file has no rows.' });
    return plan;
  }
  // Which cell of a row holds each column.
  const at = new Map<MselColumn, number>();
  records[headerIndex]!.forEach((header, index) => {
    const name = normalizeName(header);
    const column = MSEL_COLUMNS.find((c) => columnNames(c).includes(name));
    if (!column) {
      if (header.trim()) plan.ignoredColumns.push(header.trim());
      return;
    }
    if (at.has(column))
      plan.errors.push({
        row: headerIndex + 1,
        column,
        code: 'duplicate_column',
        message: `Two columns are "${MSEL_HEADERS[column].en}".`,
      });
    else at.set(column, index);
  });
  for (const column of REQUIRED_COLUMNS)
    if (!at.has(column))
      plan.errors.push({
        row: headerIndex + 1,
        column,
        code: 'missing_column',
        message: `The file has no "${MSEL_HEADERS[column].en}" column.`,
      });
  if (plan.errors.length > 0) return plan;

  const modules = [...context.modules];
  const objectives = [...context.objectives];
  const moduleIds = new Set(modules.map((m) => m.id));
  const objectiveIds = new Set(objectives.map((o) => o.id));
  const byNumber = new Map<number, ExistingInject>();
  for (const inject of context.injects) byNumber.set(Number(inject.fields.number), inject);
  const numbersSeen = new Map<number, number>();
  const planned: { row: number; fields: JsonObject }[] = [];

  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index]!;
    if (blank(cells)) continue;
    const row = index + 1;
    const cell = (column: MselColumn): string => {
      const i = at.get(column);
      return i === undefined ? '' : unguard(cells[i] ?? '').trim();
    };
    const fail = (column: MselColumn | null, code: MselRowErrorCode, message: string) =>
      plan.errors.push({ row, column, code, message: `Row ${row}: ${message}` });
    const before = plan.errors.length;

    const numberText = cell('number');
    const number = /^\d+$/.test(numberText) ? Number(numberText) : NaN;
    if (!numberText) fail('number', 'required', 'the inject number is missing.');
    else if (!Number.isInteger(number) || number < 1 || number > 9_999)
      fail(
        'number',
        'bad_number',
        `"${numberText}" is not an inject number (a whole number from 1 to 9999).`,
      );
    else if (numbersSeen.has(number))
      fail(
        'number',
        'duplicate_number',
        `inject number ${number} is already on row ${numbersSeen.get(number)}.`,
      );
    else numbersSeen.set(number, row);

    const timeText = cell('time');
    const minute = parseScenarioTime(timeText);
    if (!timeText) fail('time', 'required', 'the scenario time is missing.');
    else if (minute === null) fail('time', 'bad_time', `"${timeText}" is not a scenario time like T+01:30.`);

    const methodText = cell('method');
    const method = methodOf(methodText);
    if (!methodText) fail('method', 'required', 'the delivery method is missing.');
    else if (!method) fail('method', 'bad_method', `"${methodText}" is not a delivery method.`);

    const contingency = yesNo(cell('contingency'));
    if (contingency === null)
      fail('contingency', 'bad_contingency', `"${cell('contingency')}" is not yes or no.`);

    // The module and objective: matched by title / text, or added to the exercise.
    let moduleId: string | undefined;
    const moduleTitle = cell('module');
    if (moduleTitle) {
      let module = modules.find((m) => sameText(m.title, moduleTitle));
      if (!module) {
        module = { id: nextId('m', moduleIds), title: moduleTitle, startsAtMinute: String(minute ?? 0) };
        moduleIds.add(module.id);
        modules.push(module);
        plan.newModules.push(module);
      } else if (
        plan.newModules.includes(module) &&
        minute !== null &&
        minute < Number(module.startsAtMinute)
      )
        module.startsAtMinute = String(minute);
      moduleId = module.id;
    }
    let objectiveId: string | undefined;
    const objectiveText = cell('objective');
    if (objectiveText) {
      let objective = objectives.find((o) => sameText(o.text, objectiveText));
      if (!objective) {
        objective = { id: nextId('o', objectiveIds), text: objectiveText, capability: '' };
        objectiveIds.add(objective.id);
        objectives.push(objective);
        plan.newObjectives.push(objective);
      }
      objectiveId = objective.id;
    }

    const fields: JsonObject = {
      number,
      scenarioMinute: minute ?? 0,
      synopsis: cell('synopsis'),
      text: cell('text'),
      method: method ?? methodText,
      controller: cell('controller'),
      players: cell('players')
        .split(/[;,\s]+/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
      expectedAction: cell('expectedAction'),
      evaluatorNotes: cell('evaluatorNotes'),
      contingency: contingency ?? false,
      ...(moduleId ? { moduleId } : {}),
      ...(objectiveId ? { objectiveId } : {}),
    };
    {
      const reported = new Set(plan.errors.slice(before).map((e) => e.column));
      // The kind's own rules (required synopsis and text, lengths), worded per column, for the
      // columns not already reported.
      const found: FieldError[] = mselInjectKind.validate(
        { ...fields, exerciseId: '00000000-0000-7000-8000-000000000000' },
        { op: 'create' },
      );
      for (const error of found) {
        const column = COLUMN_OF_FIELD[error.field] ?? null;
        if (reported.has(column)) continue;
        const label = column ? MSEL_HEADERS[column].en : error.field;
        if (error.code === 'required') fail(column, 'required', `"${label}" is missing.`);
        else if (error.code === 'too_long') fail(column, 'too_long', `"${label}" is too long.`);
        else if (error.code === 'too_large') fail(column, 'too_many', `"${label}" has too many entries.`);
        else fail(column, 'invalid', error.message);
      }
    }
    planned.push({ row, fields });
  }
  if (planned.length === 0 && plan.errors.length === 0)
    plan.errors.push({
      row: headerIndex + 2,
      column: null,
      code: 'empty_file',
      message: 'The file has no injects.',
    });
  if (plan.errors.length > 0) {
    plan.newModules = [];
    plan.newObjectives = [];
    return plan;
  }
  for (const { row, fields } of planned) {
    const existing = byNumber.get(Number(fields.number));
    if (!existing) {
      plan.creates.push({ row, fields });
      continue;
    }
    const changed: JsonObject = {};
    for (const [key, value] of Object.entries(fields)) {
      const old = existing.fields[key];
      const empty = (v: unknown) =>
        v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
      if (empty(value) && empty(old)) continue;
      if (canonical(value) !== canonical(old)) changed[key] = value;
    }
    for (const key of ['moduleId', 'objectiveId'])
      if (!(key in fields) && typeof existing.fields[key] === 'string' && existing.fields[key] !== '')
        changed[key] = '';
    if (Object.keys(changed).length === 0) plan.unchanged += 1;
    else plan.updates.push({ row, id: existing.id, number: Number(fields.number), fields: changed });
  }
  return plan;
}
