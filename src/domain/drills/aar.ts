// The after-action report's draft and its read-only parts, pure: the overview text from the exercise,
// each objective's suggested rating from the evaluators' observations, the strengths and areas for
// improvement they recorded (with root causes), the inject timeline (delivered by the clock or early, who
// acknowledged, the players' actions) and the improvement-plan rows offered from the report's areas for
// improvement. Words come from the caller's `label` (the screen's language); the rules stay here.
//
// The suggested rating of an objective is the MOST SEVERE rating any observation gave it (U before M before
// S before P): one evaluator who saw the capability fail under an inject has found a gap the plan must
// close, and averaging it away (the most common rating) would hide exactly what the exercise was for.
// It is a suggestion; the report's editor changes it with the reasons in the summary.
import Papa from 'papaparse';
import type { Objective, Participant, Rating } from './drill-kinds';
import { RATINGS } from './drill-kinds';
import type { InjectAction } from './drill-kinds';
import { injectState, type ExpectedStatus } from './drill-rules';

/** The words the draft needs, in the reader's language; `{name}`-style params are filled by the caller. */
export type AarLabelKey =
  | 'name'
  | 'type'
  | 'dates'
  | 'datesOne'
  | 'scope'
  | 'hazard'
  | 'scenario'
  | 'sponsor'
  | 'pointOfContact'
  | 'participants'
  | 'participant'
  | 'participantOrg'
  | 'objectives'
  | 'objective'
  | 'none'
  | 'summary'
  | 'summaryNoObservations'
  | 'summaryRatings'
  | 'objectiveSummary'
  | 'objectiveNoObservations'
  | 'observationLine'
  | 'strengthLine'
  | 'areaLine'
  | 'areaLineCause'
  | 'ratingCount';

export type AarLabel = (key: AarLabelKey, params?: Record<string, string | number>) => string;

export interface AarWords {
  label: AarLabel;
  /** "Tabletop", "Ejercicio de mesa". */
  exerciseType: (type: string) => string;
  /** "Lead controller". */
  role: (role: string) => string;
  /** A date (YYYY-MM-DD) as the reader writes it. */
  date: (date: string) => string;
}

export interface AarExercise {
  name: string;
  exerciseType: string;
  startDate: string;
  endDate?: string;
  scope?: string;
  hazard?: string;
  scenario?: string;
  sponsor?: string;
  pointOfContact?: string;
  objectives: Objective[];
  participants: Participant[];
}

export interface AarObservation {
  id: string;
  objectiveId: string;
  injectId?: string;
  rating: Rating;
  text: string;
  strength?: string;
  areaForImprovement?: string;
  rootCause?: string;
  at: string;
  byName: string;
}

export interface ObjectiveRating {
  objectiveId: string;
  /** Empty when nothing was observed and the editor has not chosen. */
  rating: Rating | '';
  summary: string;
}

export interface AarDraft {
  overview: string;
  executiveSummary: string;
  objectiveRatings: ObjectiveRating[];
  strengths: string;
  areasForImprovement: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** An exercise record's fields as the draft reads them (missing or malformed parts left empty). */
export function aarExercise(fields: Record<string, unknown>): AarExercise {
  const rows = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  return {
    name: str(fields.name),
    exerciseType: str(fields.exerciseType),
    startDate: str(fields.startDate),
    endDate: str(fields.endDate) || undefined,
    scope: str(fields.scope) || undefined,
    hazard: str(fields.hazard) || undefined,
    scenario: str(fields.scenario) || undefined,
    sponsor: str(fields.sponsor) || undefined,
    pointOfContact: str(fields.pointOfContact) || undefined,
    objectives: rows<Objective>(fields.objectives),
    participants: rows<Participant>(fields.participants),
  };
}

/** An observation record's fields as the draft reads them; null when it has no valid rating. */
export function aarObservation(id: string, fields: Record<string, unknown>): AarObservation | null {
  const rating = fields.rating;
  if (!(RATINGS as readonly unknown[]).includes(rating)) return null;
  return {
    id,
    objectiveId: str(fields.objectiveId),
    injectId: str(fields.injectId) || undefined,
    rating: rating as Rating,
    text: str(fields.text),
    strength: str(fields.strength).trim() || undefined,
    areaForImprovement: str(fields.areaForImprovement).trim() || undefined,
    rootCause: str(fields.rootCause).trim() || undefined,
    at: str(fields.at),
    byName: str(fields.byName),
  };
}

/** Severity order: P (0) is the best, U (3) the worst. */
export const ratingSeverity = (rating: Rating): number => RATINGS.indexOf(rating);

/** The most severe of the ratings (see the note at the top); null when there are none. */
export function suggestRating(ratings: readonly Rating[]): Rating | null {
  let worst: Rating | null = null;
  for (const rating of ratings)
    if (worst === null || ratingSeverity(rating) > ratingSeverity(worst)) worst = rating;
  return worst;
}

/** "1 P, 2 S": how many observations gave each rating, best first, only those given. */
export function ratingCounts(ratings: readonly Rating[], label: AarLabel): string {
  return RATINGS.filter((r) => ratings.includes(r))
    .map((r) => label('ratingCount', { count: ratings.filter((x) => x === r).length, rating: r }))
    .join(', ');
}

const byTime = (a: AarObservation, b: AarObservation) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The heading of an objective in the report's texts: "1. Text (Capability)". */
export function objectiveHeading(objective: Objective, index: number, label: AarLabel): string {
  return label('objective', { n: index + 1, text: objective.text, capability: objective.capability });
}

/** The overview: the exercise's facts, one per line, then participants and objectives. */
export function overviewText(exercise: AarExercise, words: AarWords): string {
  const { label } = words;
  const lines: string[] = [label('name', { value: exercise.name })];
  if (exercise.exerciseType) lines.push(label('type', { value: words.exerciseType(exercise.exerciseType) }));
  if (exercise.startDate)
    lines.push(
      exercise.endDate && exercise.endDate !== exercise.startDate
        ? label('dates', { start: words.date(exercise.startDate), end: words.date(exercise.endDate) })
        : label('datesOne', { date: words.date(exercise.startDate) }),
    );
  const optional: [AarLabelKey, string | undefined][] = [
    ['scope', exercise.scope],
    ['hazard', exercise.hazard],
    ['scenario', exercise.scenario],
    ['sponsor', exercise.sponsor],
    ['pointOfContact', exercise.pointOfContact],
  ];
  for (const [key, value] of optional) if (value?.trim()) lines.push(label(key, { value: value.trim() }));
  lines.push('', label('participants', { count: exercise.participants.length }));
  if (exercise.participants.length === 0) lines.push(label('none'));
  for (const p of exercise.participants)
    lines.push(
      p.organization?.trim()
        ? label('participantOrg', { name: p.name, role: words.role(p.role), organization: p.organization })
        : label('participant', { name: p.name, role: words.role(p.role) }),
    );
  lines.push('', label('objectives', { count: exercise.objectives.length }));
  if (exercise.objectives.length === 0) lines.push(label('none'));
  exercise.objectives.forEach((o, i) => lines.push(objectiveHeading(o, i, label)));
  return lines.join('\n');
}

/** The draft of the report from the exercise and its observations (any order). */
export function draftReport(
  exercise: AarExercise,
  observations: readonly AarObservation[],
  words: AarWords,
): AarDraft {
  const { label } = words;
  const sorted = [...observations].sort(byTime);
  const of = (objectiveId: string) => sorted.filter((o) => o.objectiveId === objectiveId);

  const objectiveRatings: ObjectiveRating[] = exercise.objectives.map((objective) => {
    const seen = of(objective.id);
    const ratings = seen.map((o) => o.rating);
    if (seen.length === 0)
      return { objectiveId: objective.id, rating: '', summary: label('objectiveNoObservations') };
    const summary = [
      label('objectiveSummary', { count: seen.length, ratings: ratingCounts(ratings, label) }),
      ...seen.map((o) => label('observationLine', { rating: o.rating, text: o.text.trim(), by: o.byName })),
    ].join('\n');
    return { objectiveId: objective.id, rating: suggestRating(ratings) ?? '', summary };
  });

  const sections = (line: (o: AarObservation) => string | null): string =>
    exercise.objectives
      .map((objective, i) => {
        const lines = of(objective.id)
          .map(line)
          .filter((l): l is string => l !== null);
        return lines.length === 0 ? null : [objectiveHeading(objective, i, label), ...lines].join('\n');
      })
      .filter((block): block is string => block !== null)
      .join('\n\n');

  const strengths = sections((o) =>
    o.strength ? label('strengthLine', { text: o.strength, by: o.byName }) : null,
  );
  const areasForImprovement = sections((o) =>
    !o.areaForImprovement
      ? null
      : o.rootCause
        ? label('areaLineCause', { text: o.areaForImprovement, cause: o.rootCause, by: o.byName })
        : label('areaLine', { text: o.areaForImprovement, by: o.byName }),
  );

  const evaluators = new Set(sorted.map((o) => o.byName)).size;
  const rated = objectiveRatings.filter((r) => r.rating !== '').map((r) => r.rating as Rating);
  const executiveSummary =
    sorted.length === 0
      ? label('summaryNoObservations', { name: exercise.name, objectives: exercise.objectives.length })
      : [
          label('summary', {
            name: exercise.name,
            objectives: exercise.objectives.length,
            observations: sorted.length,
            evaluators,
          }),
          rated.length > 0 ? label('summaryRatings', { ratings: ratingCounts(rated, label) }) : null,
        ]
          .filter((line): line is string => line !== null)
          .join(' ');

  return {
    overview: overviewText(exercise, words),
    executiveSummary,
    objectiveRatings,
    strengths,
    areasForImprovement,
  };
}

export interface ImprovementCandidate {
  capability: string;
  issue: string;
}

/**
 * Improvement-plan rows offered from the report's areas for improvement (as edited): every "- " line is
 * an issue; its capability is that of the objective whose heading line ("1. Text (Capability)") it sits
 * under, or the heading's own words when it is not an objective's. The draft's "(evaluator's name)" at the
 * end of a line is left out of the issue when it is one of `names`. Issues already in the plan (same
 * words, case and spaces aside) are left out.
 */
export function improvementCandidates(
  areasText: string,
  objectives: readonly Objective[],
  existingIssues: readonly string[],
  label: AarLabel,
  names: readonly string[] = [],
): ImprovementCandidate[] {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const have = new Set(existingIssues.map(norm));
  const headings = new Map(objectives.map((o, i) => [norm(objectiveHeading(o, i, label)), o.capability]));
  const out: ImprovementCandidate[] = [];
  let capability = '';
  for (const raw of areasText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const bullet = /^[-•*]\s+(.*)$/.exec(line);
    if (!bullet) {
      capability = headings.get(norm(line)) ?? line.replace(/:$/, '');
      continue;
    }
    let issue = bullet[1]!.trim();
    for (const name of names)
      if (name && issue.endsWith(`(${name})`)) {
        issue = issue.slice(0, -name.length - 2).trim();
        break;
      }
    if (issue === '' || have.has(norm(issue))) continue;
    have.add(norm(issue));
    out.push({ capability: capability || '—', issue });
  }
  return out;
}

export interface TimelineInject {
  id: string;
  number: number;
  scenarioMinute: number;
  synopsis: string;
  players: string[];
}

export interface TimelineEvent {
  id: string;
  injectId?: string;
  action: InjectAction;
  at: string;
  scenarioMinute?: number;
  byName: string;
  byUsername?: string;
  text?: string;
}

export interface TimelineEntry {
  inject: TimelineInject;
  delivered: boolean;
  deliveredBy: 'clock' | 'early' | null;
  /** When it was delivered early: the controller's event. */
  earlyAt?: string;
  earlyScenarioMinute?: number;
  held: boolean;
  acknowledgements: TimelineEvent[];
  actions: TimelineEvent[];
  expected: ExpectedStatus;
}

const eventOrder = (a: TimelineEvent, b: TimelineEvent) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The inject timeline at scenario time `scenarioNow`: every inject by scenario time then number, how it was
 * delivered, each acknowledgement (first per person) and each player's action, in time order.
 */
export function injectTimeline(
  injects: readonly TimelineInject[],
  events: readonly TimelineEvent[],
  scenarioNow: number,
): TimelineEntry[] {
  const ordered = [...events].sort(eventOrder);
  return [...injects]
    .sort((a, b) => a.scenarioMinute - b.scenarioMinute || a.number - b.number)
    .map((inject) => {
      const mine = ordered.filter((e) => e.injectId === inject.id);
      const state = injectState(inject, mine, scenarioNow);
      const early = mine.find((e) => e.action === 'delivered_early');
      const acknowledgements: TimelineEvent[] = [];
      for (const e of mine)
        if (e.action === 'acknowledged' && !acknowledgements.some((a) => a.byName === e.byName))
          acknowledgements.push(e);
      return {
        inject,
        delivered: state.delivered,
        deliveredBy: state.deliveredBy,
        ...(state.deliveredBy === 'early' && early
          ? {
              earlyAt: early.at,
              ...(typeof early.scenarioMinute === 'number'
                ? { earlyScenarioMinute: early.scenarioMinute }
                : {}),
            }
          : {}),
        held: state.held,
        acknowledgements,
        actions: mine.filter((e) => e.action === 'player_action'),
        expected: state.expected,
      };
    });
}

/** Players' actions not tied to an inject, in time order. */
export function otherActions(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => e.action === 'player_action' && !e.injectId).sort(eventOrder);
}

/**
 * Rows as CSV (RFC 4180, CRLF, a byte order mark so spreadsheets read UTF-8), headers first; a cell starting
 * with = + - @ is written as text, never run as a spreadsheet formula.
 */
export function csvOf(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse(
    { fields: [...headers], data: rows.map((row) => [...row]) },
    { newline: '\r\n', quotes: false, escapeFormulae: true },
  )}\r\n`;
}

/** A record as the export reads it. */
export interface ExportRecord {
  id: string;
  fields: Record<string, unknown>;
}

/**
 * The AAR/IP as one JSON document for the records office or another system: the exercise record, the
 * report as edited, every observation, the inject timeline with acknowledgements and players' actions, and
 * the improvement plan. Labelled EXERCISE at the top, as every exercise document is.
 */
export function aarExport(input: {
  exercise: ExportRecord;
  report: ExportRecord | null;
  observations: readonly ExportRecord[];
  injects: readonly TimelineInject[];
  events: readonly TimelineEvent[];
  improvements: readonly ExportRecord[];
  scenarioNow: number;
  exportedAt: string;
}): string {
  const { exercise, report } = input;
  const document = {
    label: 'EXERCISE EXERCISE EXERCISE',
    exportedAt: input.exportedAt,
    exercise: { id: exercise.id, ...exercise.fields },
    report: report ? { id: report.id, ...report.fields } : null,
    observations: input.observations.map((o) => ({ id: o.id, ...o.fields })),
    timeline: injectTimeline(input.injects, input.events, input.scenarioNow),
    otherActions: otherActions(input.events),
    improvementPlan: input.improvements.map((item) => ({ id: item.id, ...item.fields })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
