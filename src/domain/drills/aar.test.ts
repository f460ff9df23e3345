import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  aarExercise,
  aarExport,
  aarObservation,
  csvOf,
  draftReport,
  improvementCandidates,
  injectTimeline,
  otherActions,
  suggestRating,
  type AarLabel,
  type AarObservation,
  type AarWords,
  type TimelineEvent,
} from './aar';

const LABELS: Record<string, string> = {
  name: 'Exercise name: {value}',
  type: 'Type: {value}',
  dates: 'Dates: {start} to {end}',
  datesOne: 'Date: {date}',
  scope: 'Scope: {value}',
  hazard: 'Threat or hazard: {value}',
  scenario: 'Scenario: {value}',
  sponsor: 'Sponsor: {value}',
  pointOfContact: 'Point of contact: {value}',
  participants: 'Participants ({count}):',
  participant: '- {name}, {role}',
  participantOrg: '- {name}, {role}, {organization}',
  objectives: 'Objectives ({count}):',
  objective: '{n}. {text} ({capability})',
  none: '- none',
  summary: '{name}: {objectives} objectives, {observations} observations by {evaluators} evaluators.',
  summaryNoObservations: '{name}: {objectives} objectives, no observations.',
  summaryRatings: 'Ratings: {ratings}.',
  objectiveSummary: '{count} observations: {ratings}.',
  objectiveNoObservations: 'Not observed.',
  observationLine: '- {rating}: {text} ({by})',
  strengthLine: '- {text} ({by})',
  areaLine: '- {text} ({by})',
  areaLineCause: '- {text}; root cause: {cause} ({by})',
  ratingCount: '{count} {rating}',
};
const label: AarLabel = (key, params = {}) =>
  LABELS[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
const words: AarWords = {
  label,
  exerciseType: (type) => (type === 'tabletop' ? 'Tabletop' : type),
  role: (role) => role.replace('_', ' '),
  date: (date) => date,
};

const exercise = aarExercise({
  name: 'Blackout 2026',
  exerciseType: 'tabletop',
  startDate: '2026-03-02',
  endDate: '2026-03-03',
  scope: 'City departments, EOC',
  hazard: 'Power outage',
  scenario: 'A storm takes out the grid for three days.',
  sponsor: 'City Manager',
  pointOfContact: 'Rita Moreno, 555-0100',
  objectives: [
    { id: 'o1', text: 'Activate the EOC within an hour', capability: 'Operational Coordination' },
    { id: 'o2', text: 'Warn the public', capability: 'Public Information and Warning' },
    { id: 'o3', text: 'Keep water running', capability: 'Infrastructure Systems' },
  ],
  participants: [
    { username: 'rita', name: 'Rita Moreno', role: 'lead_controller', organization: 'Emergency Management' },
    { username: 'omar', name: 'Omar Haddad', role: 'player' },
  ],
});

const obs = (id: string, objectiveId: string, rating: string, at: string, more = {}): AarObservation =>
  aarObservation(id, { objectiveId, rating, text: `Saw ${id}`, at, byName: 'Ines Ortega', ...more })!;

describe('suggestRating', () => {
  it('takes the most severe rating seen, none when nothing was observed', () => {
    expect(suggestRating([])).toBeNull();
    expect(suggestRating(['P', 'P', 'S'])).toBe('S');
    expect(suggestRating(['P', 'M', 'S', 'P', 'P'])).toBe('M');
    expect(suggestRating(['U', 'P'])).toBe('U');
  });
});

describe('aarObservation', () => {
  it('leaves out an observation with no valid rating and trims empty parts away', () => {
    expect(aarObservation('x', { objectiveId: 'o1', rating: 'Q', text: 't', at: '', byName: '' })).toBeNull();
    expect(
      aarObservation('x', { objectiveId: 'o1', rating: 'P', text: 't', strength: '  ', at: '', byName: '' }),
    ).not.toHaveProperty('strength', '  ');
  });
});

describe('draftReport', () => {
  const observations = [
    obs('b', 'o1', 'M', '2026-03-02T10:00:00Z', {
      areaForImprovement: 'The EOC roster was out of date',
      rootCause: 'Nobody owns the roster',
    }),
    obs('a', 'o1', 'S', '2026-03-02T09:00:00Z', { strength: 'Quick call-down' }),
    obs('c', 'o2', 'P', '2026-03-02T09:30:00Z', { strength: 'Clear message in two languages' }),
  ];
  const draft = draftReport(exercise, observations, words);

  it('writes the overview from the exercise record', () => {
    expect(draft.overview.split('\n')).toEqual([
      'Exercise name: Blackout 2026',
      'Type: Tabletop',
      'Dates: 2026-03-02 to 2026-03-03',
      'Scope: City departments, EOC',
      'Threat or hazard: Power outage',
      'Scenario: A storm takes out the grid for three days.',
      'Sponsor: City Manager',
      'Point of contact: Rita Moreno, 555-0100',
      '',
      'Participants (2):',
      '- Rita Moreno, lead controller, Emergency Management',
      '- Omar Haddad, player',
      '',
      'Objectives (3):',
      '1. Activate the EOC within an hour (Operational Coordination)',
      '2. Warn the public (Public Information and Warning)',
      '3. Keep water running (Infrastructure Systems)',
    ]);
  });

  it('suggests each objective the most severe rating observed, with a summary of the observations', () => {
    expect(draft.objectiveRatings).toEqual([
      {
        objectiveId: 'o1',
        rating: 'M',
        summary: '2 observations: 1 S, 1 M.\n- S: Saw a (Ines Ortega)\n- M: Saw b (Ines Ortega)',
      },
      { objectiveId: 'o2', rating: 'P', summary: '1 observations: 1 P.\n- P: Saw c (Ines Ortega)' },
      { objectiveId: 'o3', rating: '', summary: 'Not observed.' },
    ]);
    expect(draft.executiveSummary).toBe(
      'Blackout 2026: 3 objectives, 3 observations by 1 evaluators. Ratings: 1 P, 1 M.',
    );
  });

  it('gathers strengths and areas for improvement with root causes under their objectives', () => {
    expect(draft.strengths).toBe(
      [
        '1. Activate the EOC within an hour (Operational Coordination)',
        '- Quick call-down (Ines Ortega)',
        '',
        '2. Warn the public (Public Information and Warning)',
        '- Clear message in two languages (Ines Ortega)',
      ].join('\n'),
    );
    expect(draft.areasForImprovement).toBe(
      [
        '1. Activate the EOC within an hour (Operational Coordination)',
        '- The EOC roster was out of date; root cause: Nobody owns the roster (Ines Ortega)',
      ].join('\n'),
    );
  });

  it('drafts a report with no observations and a one-day exercise without empty facts', () => {
    const oneDay = { ...exercise, endDate: undefined, scope: undefined, participants: [] };
    const empty = draftReport(oneDay, [], words);
    expect(empty.overview).toContain('Date: 2026-03-02');
    expect(empty.overview).not.toContain('Scope');
    expect(empty.overview).toContain('Participants (0):\n- none');
    expect(empty.executiveSummary).toBe('Blackout 2026: 3 objectives, no observations.');
    expect(empty.strengths).toBe('');
    expect(empty.objectiveRatings.map((r) => r.rating)).toEqual(['', '', '']);
  });
});

describe('improvementCandidates', () => {
  const text = [
    '1. Activate the EOC within an hour (Operational Coordination)',
    '- The EOC roster was out of date; root cause: Nobody owns the roster',
    '- Radios not charged',
    '',
    'Logistics:',
    '* Generator fuel contract lapsed',
    '- Radios not charged',
  ].join('\n');

  it('offers each bullet with the capability of the objective it sits under', () => {
    expect(improvementCandidates(text, exercise.objectives, [], label)).toEqual([
      {
        capability: 'Operational Coordination',
        issue: 'The EOC roster was out of date; root cause: Nobody owns the roster',
      },
      { capability: 'Operational Coordination', issue: 'Radios not charged' },
      { capability: 'Logistics', issue: 'Generator fuel contract lapsed' },
    ]);
  });

  it('leaves the evaluator’s name out of the issue', () => {
    expect(
      improvementCandidates('- Radios not charged (Ines Ortega)\n- Maps (old) (Omar)', [], [], label, [
        'Ines Ortega',
      ]),
    ).toEqual([
      { capability: '—', issue: 'Radios not charged' },
      { capability: '—', issue: 'Maps (old) (Omar)' },
    ]);
  });

  it('leaves out issues already in the plan', () => {
    expect(
      improvementCandidates(
        text,
        exercise.objectives,
        ['  radios NOT charged', 'Generator fuel contract lapsed'],
        label,
      ),
    ).toEqual([
      {
        capability: 'Operational Coordination',
        issue: 'The EOC roster was out of date; root cause: Nobody owns the roster',
      },
    ]);
  });
});

describe('injectTimeline', () => {
  const injects = [
    { id: 'i2', number: 2, scenarioMinute: 30, synopsis: 'Water pressure drops', players: [] },
    { id: 'i1', number: 1, scenarioMinute: 0, synopsis: 'Grid down', players: ['omar'] },
    { id: 'i3', number: 3, scenarioMinute: 90, synopsis: 'Hospital asks for fuel', players: [] },
  ];
  const ev = (id: string, action: TimelineEvent['action'], at: string, more = {}): TimelineEvent => ({
    id,
    action,
    at,
    byName: 'Omar Haddad',
    ...more,
  });
  const events = [
    ev('e5', 'player_action', '2026-03-02T09:20:00Z', { injectId: 'i1', text: 'Opened the EOC' }),
    ev('e1', 'acknowledged', '2026-03-02T09:01:00Z', { injectId: 'i1' }),
    ev('e2', 'acknowledged', '2026-03-02T09:05:00Z', { injectId: 'i1' }),
    ev('e3', 'delivered_early', '2026-03-02T09:10:00Z', {
      injectId: 'i3',
      scenarioMinute: 40,
      byName: 'Rita Moreno',
    }),
    ev('e4', 'player_action', '2026-03-02T09:15:00Z', { text: 'Called the utility' }),
    ev('e6', 'expected_met', '2026-03-02T09:25:00Z', { injectId: 'i1', byName: 'Rita Moreno' }),
  ];

  it('orders injects by scenario time and says how each was delivered, who acknowledged and what they did', () => {
    const timeline = injectTimeline(injects, events, 45);
    expect(timeline.map((t) => [t.inject.number, t.deliveredBy])).toEqual([
      [1, 'clock'],
      [2, 'clock'],
      [3, 'early'],
    ]);
    expect(timeline[0]!.acknowledgements.map((a) => a.id)).toEqual(['e1']);
    expect(timeline[0]!.actions.map((a) => a.text)).toEqual(['Opened the EOC']);
    expect(timeline[0]!.expected).toBe('met');
    expect(timeline[2]).toMatchObject({ earlyAt: '2026-03-02T09:10:00Z', earlyScenarioMinute: 40 });
    expect(injectTimeline(injects, events, 10)[1]!.delivered).toBe(false);
  });

  it('lists players’ actions not tied to an inject', () => {
    expect(otherActions(events).map((e) => e.id)).toEqual(['e4']);
  });
});

describe('csvOf', () => {
  it('writes quoted CSV with a byte order mark, and formulas as text', () => {
    const csv = csvOf(['Issue', 'Action'], [['Radios, "old"', '=SUM(A1)']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(parsed).toEqual([
      ['Issue', 'Action'],
      ['Radios, "old"', "'=SUM(A1)"],
    ]);
  });
});

describe('the AAR/IP export', () => {
  it('is one labelled JSON document with the report, observations, timeline and plan', () => {
    const json = aarExport({
      exercise: { id: 'x1', fields: { name: 'Ice storm', exerciseType: 'tabletop' } },
      report: {
        id: 'r1',
        fields: { status: 'final', objectiveRatings: [{ objectiveId: 'o1', rating: 'S' }] },
      },
      observations: [{ id: 'ob1', fields: { objectiveId: 'o1', rating: 'S', text: 'Slow start' } }],
      injects: [{ id: 'i1', number: 1, scenarioMinute: 5, synopsis: 'Lines down', players: [] }],
      events: [
        { id: 'e1', injectId: 'i1', action: 'acknowledged', at: '2026-03-02T10:00:00.000Z', byName: 'Pat' },
        {
          id: 'e2',
          action: 'player_action',
          at: '2026-03-02T10:01:00.000Z',
          byName: 'Pat',
          text: 'Opened EOC',
        },
      ],
      improvements: [{ id: 'p1', fields: { capability: 'Operational Coordination', status: 'open' } }],
      scenarioNow: 10,
      exportedAt: '2026-03-02T12:00:00.000Z',
    });
    const doc = JSON.parse(json) as Record<string, unknown> & {
      timeline: { delivered: boolean; acknowledgements: unknown[] }[];
      otherActions: { text: string }[];
    };
    expect(doc.label).toBe('EXERCISE EXERCISE EXERCISE');
    expect(doc.exercise).toMatchObject({ id: 'x1', name: 'Ice storm' });
    expect(doc.report).toMatchObject({ id: 'r1', status: 'final' });
    expect(doc.timeline[0]).toMatchObject({ delivered: true });
    expect(doc.timeline[0]!.acknowledgements).toHaveLength(1);
    expect(doc.otherActions.map((a) => a.text)).toEqual(['Opened EOC']);
    expect(doc.improvementPlan).toEqual([
      { id: 'p1', capability: 'Operational Coordination', status: 'open' },
    ]);
  });
});
