// /drills/:id/report — the after-action report. A manager or administrator generates the draft from the
// exercise record (domain/drills/aar.ts: the overview, each objective's suggested rating and summary, the
// strengths and areas for improvement from the observations), edits it (text areas, a rating select per
// objective) and marks it final. Below, read live from the records: the inject timeline with the players'
// acknowledgements and actions, the observations and the hot-wash feedback.
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import {
  aarExercise,
  aarExport,
  aarObservation,
  draftReport,
  type AarObservation,
} from '../../../../domain/drills/aar';
import { clockFields, scenarioMinutesAt } from '../../../../domain/drills/drill-rules';
import { RATINGS, type Objective } from '../../../../domain/drills/drill-kinds';
import type { JsonObject, JsonValue } from '../../../../domain/sync/json-value';
import type { ExerciseRead } from '../../../../storage/drill-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError } from '../../../components/form-error';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import { ObservationList } from './evaluate-page';
import {
  aarWords,
  EvaluateFrame,
  isRating,
  objectiveLabel,
  objectivesOf,
  ratingFull,
  str,
  timelineEvents,
  timelineInjects,
  useMe,
  writeProblem,
} from './evaluate-parts';
import { HotwashList } from './hotwash-page';
import type { EvaluateT } from './messages';
import { InjectTimeline } from './timeline';

export function ReportPage() {
  return (
    <EvaluateFrame screen="report" titleKey="drillsEval.report.title">
      {(read, t) => <ReportView read={read} t={t} />}
    </EvaluateFrame>
  );
}

/** The draft of the report from the exercise record, in the reader's language. */
export function draftOf(t: EvaluateT, read: ExerciseRead) {
  const observations = read.observations
    .map((o) => aarObservation(o.id, o.fields))
    .filter((o): o is AarObservation => o !== null);
  return draftReport(aarExercise(read.exercise.fields), observations, aarWords(t));
}

function ReportView({ read, t }: { read: ExerciseRead; t: EvaluateT }) {
  const me = useMe();
  const announce = useAppStore((state) => state.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const report = read.report;

  const generate = async () => {
    setBusy(true);
    const draft = draftOf(t, read);
    const result = await writeChange('record.create', {
      kind: 'after_action_report',
      id: uuidv7(),
      dept: read.exercise.dept,
      fields: {
        exerciseId: read.exercise.id,
        ...draft,
        objectiveRatings: draft.objectiveRatings as unknown as JsonValue,
        status: 'draft',
      },
    });
    setBusy(false);
    const message = writeProblem(t, result);
    setProblem(message);
    if (!message) announce(t('drillsEval.report.generated'));
  };

  return (
    <>
      {!report ? (
        <section aria-labelledby="report-none-heading" class="drills-eval-generate">
          <h2 id="report-none-heading">{t('drillsEval.nav.report')}</h2>
          <p>{t('drillsEval.report.none')}</p>
          {me.canManage ? (
            <>
              <p class="muted" id="report-generate-hint">
                {t('drillsEval.report.generateHint')}
              </p>
              <FormError id="report-generate-error" message={problem} />
              <button
                type="button"
                class="button"
                disabled={busy}
                aria-describedby="report-generate-hint"
                onClick={() => void generate()}
              >
                {t('drillsEval.report.generate')}
              </button>
            </>
          ) : (
            <p class="muted">{t('drillsEval.report.managersOnly')}</p>
          )}
        </section>
      ) : me.canManage && report.fields.status !== 'final' ? (
        <ReportEditor key={report.id} t={t} read={read} report={report} />
      ) : (
        <ReportReadOnly t={t} read={read} report={report} canManage={me.canManage} />
      )}

      <ExportReport t={t} read={read} />

      <section aria-labelledby="report-live-heading" class="drills-eval-live">
        <h2 id="report-live-heading">{t('drillsEval.report.live')}</h2>
        <h3 id="report-timeline-heading">{t('drillsEval.report.timeline')}</h3>
        <InjectTimeline t={t} read={read} headingId="report-timeline-heading" />
        <h3 id="report-observations-heading">{t('drillsEval.report.observations')}</h3>
        {read.observations.length === 0 ? (
          <p class="muted">{t('drillsEval.report.noObservations')}</p>
        ) : (
          <ObservationList t={t} read={read} headingLevel={4} />
        )}
        <h3>{t('drillsEval.report.hotwash')}</h3>
        <HotwashList t={t} read={read} />
      </section>
    </>
  );
}

interface RatingRow {
  objectiveId: string;
  rating: string;
  summary: string;
}

const ratingRowsOf = (report: RecordView, objectives: readonly Objective[]): RatingRow[] => {
  const saved = Array.isArray(report.fields.objectiveRatings)
    ? (report.fields.objectiveRatings as unknown as RatingRow[])
    : [];
  // Every objective of the exercise has a row, in the exercise's order (one added after the draft too).
  return objectives.map(
    (o) => saved.find((r) => r.objectiveId === o.id) ?? { objectiveId: o.id, rating: '', summary: '' },
  );
};

const TEXTS = [
  ['executiveSummary', 'drillsEval.report.executiveSummary', 6],
  ['overview', 'drillsEval.report.overview', 14],
  ['strengths', 'drillsEval.report.strengths', 8],
  ['areasForImprovement', 'drillsEval.report.areas', 8],
] as const;
type TextKey = (typeof TEXTS)[number][0];

function ReportEditor({ t, read, report }: { t: EvaluateT; read: ExerciseRead; report: RecordView }) {
  const announce = useAppStore((state) => state.announce);
  const objectives = objectivesOf(read.exercise);
  const initialTexts = Object.fromEntries(TEXTS.map(([key]) => [key, str(report.fields[key])])) as Record<
    TextKey,
    string
  >;
  const [texts, setTexts] = useState(initialTexts);
  const [ratings, setRatings] = useState<RatingRow[]>(() => ratingRowsOf(report, objectives));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<'final' | 'regenerate' | null>(null);
  const suggested = draftOf(t, read).objectiveRatings;

  const changes = (): JsonObject => {
    const changed: JsonObject = {};
    for (const [key] of TEXTS) if (texts[key] !== str(report.fields[key])) changed[key] = texts[key];
    const before = JSON.stringify(ratingRowsOf(report, objectives));
    if (JSON.stringify(ratings) !== before || !Array.isArray(report.fields.objectiveRatings))
      changed.objectiveRatings = ratings as unknown as JsonValue;
    return changed;
  };

  const save = async (extra: JsonObject = {}): Promise<string | null> => {
    const fields = { ...changes(), ...extra };
    if (Object.keys(fields).length === 0) return null;
    const result = await writeChange('record.update', { kind: 'after_action_report', id: report.id, fields });
    return writeProblem(t, result);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (Object.keys(changes()).length === 0) {
      setProblem(null);
      announce(t('drillsEval.report.noChanges'));
      return;
    }
    setBusy(true);
    const message = await save();
    setBusy(false);
    setProblem(message);
    if (!message) announce(t('drillsEval.report.saved'));
  };

  const regenerate = async (): Promise<string | null> => {
    const draft = draftOf(t, read);
    const result = await writeChange('record.update', {
      kind: 'after_action_report',
      id: report.id,
      fields: { ...draft, objectiveRatings: draft.objectiveRatings as unknown as JsonValue },
    });
    const message = writeProblem(t, result);
    if (!message) {
      setTexts({
        executiveSummary: draft.executiveSummary,
        overview: draft.overview,
        strengths: draft.strengths,
        areasForImprovement: draft.areasForImprovement,
      });
      setRatings(draft.objectiveRatings);
    }
    return message;
  };

  const textArea = (key: TextKey, label: string, rows: number) => (
    <div class="field" key={key}>
      <label for={`report-${key}`}>{label}</label>
      <textarea
        id={`report-${key}`}
        rows={rows}
        maxLength={20000}
        value={texts[key]}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setTexts((x) => ({ ...x, [key]: value }));
        }}
      />
    </div>
  );

  return (
    <section aria-labelledby="report-edit-heading">
      <h2 id="report-edit-heading">{t('drillsEval.nav.report')}</h2>
      <p>
        <strong>{t('drillsEval.report.status', { status: t('drillsEval.report.statusDraft') })}</strong>
        {report.pending && <> · {t('drillsEval.unsent')}</>}
      </p>
      <form class="form drills-eval-form drills-eval-report-form" onSubmit={onSubmit} noValidate>
        {textArea('executiveSummary', t('drillsEval.report.executiveSummary'), 5)}
        {textArea('overview', t('drillsEval.report.overview'), 14)}
        <fieldset class="drills-eval-objectives">
          <legend>{t('drillsEval.report.objectives')}</legend>
          {objectives.map((objective, i) => {
            const row = ratings[i] ?? { objectiveId: objective.id, rating: '', summary: '' };
            const hint = suggested.find((s) => s.objectiveId === objective.id)?.rating;
            const set = (patch: Partial<RatingRow>) =>
              setRatings((rows) =>
                objectives.map((o, k) => {
                  const r = rows[k] ?? { objectiveId: o.id, rating: '', summary: '' };
                  return k === i ? { ...r, ...patch } : r;
                }),
              );
            return (
              <div key={objective.id} class="drills-eval-objective-rating" data-objective={objective.id}>
                <h3 id={`report-objective-${i}`}>{objectiveLabel(t, objectives, objective.id)}</h3>
                <div class="field">
                  <label for={`report-rating-${i}`}>{t('drillsEval.report.ratingOf', { n: i + 1 })}</label>
                  <p id={`report-rating-${i}-hint`} class="field-hint">
                    {t('drillsEval.report.suggested', {
                      rating: isRating(hint) ? ratingFull(t, hint) : t('drillsEval.notRated'),
                    })}
                  </p>
                  <select
                    id={`report-rating-${i}`}
                    value={row.rating}
                    aria-describedby={`report-rating-${i}-hint`}
                    onChange={(e) => set({ rating: e.currentTarget.value })}
                  >
                    <option value="">{t('drillsEval.notRated')}</option>
                    {RATINGS.map((r) => (
                      <option key={r} value={r}>
                        {ratingFull(t, r)}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`report-summary-${i}`}>{t('drillsEval.report.summaryOf', { n: i + 1 })}</label>
                  <textarea
                    id={`report-summary-${i}`}
                    rows={4}
                    maxLength={4000}
                    value={row.summary}
                    onInput={(e) => set({ summary: e.currentTarget.value })}
                  />
                </div>
              </div>
            );
          })}
        </fieldset>
        {textArea('strengths', t('drillsEval.report.strengths'), 8)}
        {textArea('areasForImprovement', t('drillsEval.report.areas'), 8)}
        <FormError id="report-error" message={problem} />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {t('drillsEval.report.save')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => setConfirm('final')}>
            {t('drillsEval.report.markFinal')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => setConfirm('regenerate')}>
            {t('drillsEval.report.generate')}
          </button>
        </div>
      </form>
      {confirm === 'final' && (
        <ConfirmDialog
          id="report-final"
          title={t('drillsEval.report.markFinal')}
          body={t('drillsEval.report.markFinalConfirm')}
          confirmLabel={t('drillsEval.report.markFinal')}
          confirm={() => save({ status: 'final' })}
          onDone={() => {
            setConfirm(null);
            announce(t('drillsEval.report.finalDone'));
          }}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm === 'regenerate' && (
        <ConfirmDialog
          id="report-regenerate"
          title={t('drillsEval.report.generate')}
          body={t('drillsEval.report.generateHint')}
          confirmLabel={t('drillsEval.report.generate')}
          confirm={regenerate}
          onDone={() => {
            setConfirm(null);
            announce(t('drillsEval.report.generated'));
          }}
          onClose={() => setConfirm(null)}
        />
      )}
    </section>
  );
}

function ReportReadOnly({
  t,
  read,
  report,
  canManage,
}: {
  t: EvaluateT;
  read: ExerciseRead;
  report: RecordView;
  canManage: boolean;
}) {
  const announce = useAppStore((state) => state.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const objectives = objectivesOf(read.exercise);
  const rows = ratingRowsOf(report, objectives);
  const final = report.fields.status === 'final';
  const reopen = async () => {
    const result = await writeChange('record.update', {
      kind: 'after_action_report',
      id: report.id,
      fields: { status: 'draft' },
    });
    const message = writeProblem(t, result);
    setProblem(message);
    if (!message) announce(t('drillsEval.report.reopened'));
  };
  const text = (value: unknown) => <p class="drills-eval-text">{str(value) || t('drillsEval.none')}</p>;
  return (
    <section aria-labelledby="report-view-heading">
      <h2 id="report-view-heading">{t('drillsEval.nav.report')}</h2>
      <p>
        <strong>
          {t('drillsEval.report.status', {
            status: t(final ? 'drillsEval.report.statusFinal' : 'drillsEval.report.statusDraft'),
          })}
        </strong>
      </p>
      <h3>{t('drillsEval.report.executiveSummary')}</h3>
      {text(report.fields.executiveSummary)}
      <h3>{t('drillsEval.report.overview')}</h3>
      {text(report.fields.overview)}
      <h3>{t('drillsEval.report.objectives')}</h3>
      <ul class="drills-eval-objective-ratings">
        {rows.map((row) => (
          <li key={row.objectiveId} data-objective={row.objectiveId}>
            <strong>{objectiveLabel(t, objectives, row.objectiveId)}</strong>
            <p>{isRating(row.rating) ? ratingFull(t, row.rating) : t('drillsEval.notRated')}</p>
            {row.summary && <p class="drills-eval-text">{row.summary}</p>}
          </li>
        ))}
      </ul>
      <h3>{t('drillsEval.report.strengths')}</h3>
      {text(report.fields.strengths)}
      <h3>{t('drillsEval.report.areas')}</h3>
      {text(report.fields.areasForImprovement)}
      <FormError id="report-reopen-error" message={problem} />
      {canManage && final && (
        <button type="button" class="button button-secondary" onClick={() => void reopen()}>
          {t('drillsEval.report.reopen')}
        </button>
      )}
    </section>
  );
}

/** "Export the AAR/IP (JSON)": the report, observations, timeline and improvement plan as one file. */
function ExportReport({ t, read }: { t: EvaluateT; read: ExerciseRead }) {
  const announce = useAppStore((state) => state.announce);
  const exportJson = () => {
    const now = new Date().toISOString();
    const json = aarExport({
      exercise: read.exercise,
      report: read.report,
      observations: read.observations,
      injects: timelineInjects(read.injects),
      events: timelineEvents(read.events),
      improvements: read.improvements,
      scenarioNow: scenarioMinutesAt(clockFields(read.exercise.fields), now),
      exportedAt: now,
    });
    const slug =
      String(read.exercise.fields.name ?? '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || read.exercise.id;
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('drillsEval.report.exportName', { name: slug });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce(t('drillsEval.report.exported'));
  };
  return (
    <p>
      <button type="button" class="button button-secondary" onClick={exportJson}>
        {t('drillsEval.report.export')}
      </button>
    </p>
  );
}
