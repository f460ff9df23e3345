// /drills/:id/evaluate — evaluators record observations against the exercise's objectives (required) and
// maybe an inject, rated P/S/M/U (radio buttons with the full words), with a strength, an area for
// improvement and its root cause. Anyone who is not a viewer may record one; its author may edit it. The
// observations are listed by objective, read live, so those from other devices appear as they sync.
// Everything is written on this device first: the page works offline.
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import type { Objective, Rating } from '../../../../domain/drills/drill-kinds';
import { RATINGS } from '../../../../domain/drills/drill-kinds';
import type { JsonObject } from '../../../../domain/sync/json-value';
import type { ExerciseRead } from '../../../../storage/drill-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { FormError } from '../../../components/form-error';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import {
  EvaluateFrame,
  FieldProblem,
  injectLabel,
  isRating,
  objectiveLabel,
  objectivesOf,
  ratingFull,
  str,
  timeOf,
  useMe,
  writeProblem,
  type Me,
} from './evaluate-parts';
import type { EvaluateT } from './messages';

export function EvaluatePage() {
  return (
    <EvaluateFrame screen="evaluate" titleKey="drillsEval.evaluate.title">
      {(read, t) => <EvaluateView read={read} t={t} />}
    </EvaluateFrame>
  );
}

function EvaluateView({ read, t }: { read: ExerciseRead; t: EvaluateT }) {
  const me = useMe();
  const announce = useAppStore((state) => state.announce);
  const objectives = objectivesOf(read.exercise);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const save = async (values: ObservationValues, existing?: RecordView): Promise<string | null> => {
    const fields: JsonObject = {
      objectiveId: values.objectiveId,
      rating: values.rating,
      text: values.text.trim(),
      strength: values.strength.trim(),
      areaForImprovement: values.areaForImprovement.trim(),
      rootCause: values.rootCause.trim(),
      ...(values.injectId ? { injectId: values.injectId } : {}),
    };
    let result;
    if (existing) {
      const changed: JsonObject = {};
      for (const [key, value] of Object.entries(fields))
        if (existing.fields[key] !== value && !(value === '' && existing.fields[key] === undefined))
          changed[key] = value;
      if (!values.injectId && existing.fields.injectId !== undefined) changed.injectId = null;
      if (Object.keys(changed).length === 0) return null;
      result = await writeChange('record.update', {
        kind: 'exercise_observation',
        id: existing.id,
        fields: changed,
      });
    } else {
      for (const key of ['strength', 'areaForImprovement', 'rootCause'])
        if (fields[key] === '') delete fields[key];
      result = await writeChange('record.create', {
        kind: 'exercise_observation',
        id: uuidv7(),
        dept: read.exercise.dept,
        fields: {
          exerciseId: read.exercise.id,
          ...fields,
          at: new Date().toISOString(),
          byName: me.name || '—',
        },
      });
    }
    const problem = writeProblem(t, result);
    if (!problem) announce(t(existing ? 'drillsEval.evaluate.updated' : 'drillsEval.evaluate.saved'));
    return problem;
  };

  return (
    <>
      <p>{t('drillsEval.evaluate.intro')}</p>
      {objectives.length === 0 && <p class="empty-state">{t('drillsEval.evaluate.noObjectives')}</p>}
      {!me.canWrite && me.role !== null && <p class="muted">{t('drillsEval.viewerNote')}</p>}
      {me.canWrite && objectives.length > 0 && (
        <section class="drills-eval-form-section" aria-labelledby="observation-new-heading">
          <h2 id="observation-new-heading">{t('drillsEval.evaluate.record')}</h2>
          <ObservationForm
            key={formKey}
            idPrefix="observation-new"
            t={t}
            objectives={objectives}
            injects={read.injects}
            onSave={async (values) => {
              const problem = await save(values);
              if (!problem) setFormKey((k) => k + 1);
              return problem;
            }}
          />
        </section>
      )}
      <section aria-labelledby="observations-heading">
        <h2 id="observations-heading">{t('drillsEval.evaluate.list')}</h2>
        <ObservationList
          t={t}
          read={read}
          me={me}
          editing={editing}
          onEdit={setEditing}
          renderEditor={(observation) => (
            <ObservationForm
              idPrefix={`observation-${observation.id}`}
              t={t}
              objectives={objectives}
              injects={read.injects}
              initial={valuesOf(observation)}
              onCancel={() => setEditing(null)}
              onSave={async (values) => {
                const problem = await save(values, observation);
                if (!problem) setEditing(null);
                return problem;
              }}
            />
          )}
        />
      </section>
    </>
  );
}

export interface ObservationValues {
  objectiveId: string;
  injectId: string;
  rating: Rating | '';
  text: string;
  strength: string;
  areaForImprovement: string;
  rootCause: string;
}

const EMPTY: ObservationValues = {
  objectiveId: '',
  injectId: '',
  rating: '',
  text: '',
  strength: '',
  areaForImprovement: '',
  rootCause: '',
};

const valuesOf = (o: RecordView): ObservationValues => ({
  objectiveId: str(o.fields.objectiveId),
  injectId: str(o.fields.injectId),
  rating: isRating(o.fields.rating) ? o.fields.rating : '',
  text: str(o.fields.text),
  strength: str(o.fields.strength),
  areaForImprovement: str(o.fields.areaForImprovement),
  rootCause: str(o.fields.rootCause),
});

type Errors = Partial<Record<'objectiveId' | 'rating' | 'text', string>>;

function ObservationForm({
  idPrefix,
  t,
  objectives,
  injects,
  initial = EMPTY,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  t: EvaluateT;
  objectives: readonly Objective[];
  injects: readonly RecordView[];
  initial?: ObservationValues;
  onSave: (values: ObservationValues) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<ObservationValues>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof ObservationValues) => (event: Event) =>
    setValues((v) => ({ ...v, [key]: (event.currentTarget as HTMLInputElement).value }));
  const id = (name: string) => `${idPrefix}-${name}`;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: Errors = {};
    if (!values.objectiveId) found.objectiveId = t('drillsEval.evaluate.objectiveRequired');
    if (!values.rating) found.rating = t('drillsEval.evaluate.ratingRequired');
    if (!values.text.trim()) found.text = t('drillsEval.evaluate.textRequired');
    setErrors(found);
    const first = (['objectiveId', 'rating', 'text'] as const).find((key) => found[key]);
    if (first) {
      const target =
        first === 'rating'
          ? document.querySelector<HTMLInputElement>(`input[name="${id('rating')}"]`)
          : document.getElementById(id(first));
      target?.focus();
      return;
    }
    setBusy(true);
    const message = await onSave(values);
    setBusy(false);
    setProblem(message);
  };

  const textArea = (key: 'text' | 'strength' | 'areaForImprovement' | 'rootCause', label: string) => {
    const error = key === 'text' ? errors.text : undefined;
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={id(key)}>{label}</label>
        <FieldProblem id={id(`${key}-error`)} message={error} />
        <textarea
          id={id(key)}
          rows={key === 'text' ? 3 : 2}
          maxLength={key === 'text' ? 4000 : 2000}
          required={key === 'text'}
          value={values[key]}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? id(`${key}-error`) : undefined}
          onInput={set(key)}
        />
      </div>
    );
  };

  return (
    <form class="form drills-eval-form" onSubmit={onSubmit} noValidate>
      <div class={errors.objectiveId ? 'field field-invalid' : 'field'}>
        <label for={id('objectiveId')}>{t('drillsEval.evaluate.objective')}</label>
        <FieldProblem id={id('objectiveId-error')} message={errors.objectiveId} />
        <select
          id={id('objectiveId')}
          required
          value={values.objectiveId}
          aria-invalid={errors.objectiveId ? 'true' : undefined}
          aria-describedby={errors.objectiveId ? id('objectiveId-error') : undefined}
          onChange={set('objectiveId')}
        >
          <option value="">{t('drillsEval.evaluate.chooseObjective')}</option>
          {objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {objectiveLabel(t, objectives, o.id)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('injectId')}>{t('drillsEval.evaluate.inject')}</label>
        <select id={id('injectId')} value={values.injectId} onChange={set('injectId')}>
          <option value="">{t('drillsEval.evaluate.noInject')}</option>
          {injects.map((inject) => (
            <option key={inject.id} value={inject.id}>
              {injectLabel(t, inject)}
            </option>
          ))}
        </select>
      </div>
      <fieldset
        class={errors.rating ? 'field drills-eval-ratings field-invalid' : 'field drills-eval-ratings'}
        aria-describedby={errors.rating ? id('rating-error') : undefined}
      >
        <legend>{t('drillsEval.evaluate.rating')}</legend>
        <FieldProblem id={id('rating-error')} message={errors.rating} />
        {RATINGS.map((rating) => (
          <div key={rating} class="drills-eval-rating">
            <input
              type="radio"
              id={id(`rating-${rating}`)}
              name={id('rating')}
              value={rating}
              checked={values.rating === rating}
              aria-invalid={errors.rating ? 'true' : undefined}
              onChange={() => setValues((v) => ({ ...v, rating }))}
            />
            <label for={id(`rating-${rating}`)}>{ratingFull(t, rating)}</label>
          </div>
        ))}
      </fieldset>
      {textArea('text', t('drillsEval.evaluate.text'))}
      {textArea('strength', t('drillsEval.evaluate.strength'))}
      {textArea('areaForImprovement', t('drillsEval.evaluate.area'))}
      {textArea('rootCause', t('drillsEval.evaluate.rootCause'))}
      <FormError id={id('error')} message={problem} />
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {t('drillsEval.evaluate.save')}
        </button>
        {onCancel && (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            {t('drillsEval.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The observations grouped by objective (those of an objective no longer there come last). */
export function ObservationList({
  t,
  read,
  me,
  editing,
  onEdit,
  renderEditor,
  headingLevel = 3,
}: {
  t: EvaluateT;
  read: ExerciseRead;
  me?: Me;
  editing?: string | null;
  onEdit?: (id: string | null) => void;
  renderEditor?: (observation: RecordView) => preact.ComponentChildren;
  headingLevel?: 3 | 4;
}) {
  const objectives = objectivesOf(read.exercise);
  const known = new Set(objectives.map((o) => o.id));
  const orphans = read.observations.filter((o) => !known.has(str(o.fields.objectiveId)));
  const groups: [string, string, RecordView[]][] = objectives.map((o) => [
    o.id,
    objectiveLabel(t, objectives, o.id),
    read.observations.filter((x) => x.fields.objectiveId === o.id),
  ]);
  if (orphans.length > 0) groups.push(['unknown', t('drillsEval.unknownObjective'), orphans]);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const injectOf = (id: unknown) => read.injects.find((i) => i.id === id);
  return (
    <div class="drills-eval-observations">
      {groups.map(([key, label, rows]) => (
        <section key={key} class="drills-eval-objective" data-objective={key} aria-labelledby={`obj-${key}`}>
          <Heading id={`obj-${key}`}>{label}</Heading>
          <p class="muted">{t('drillsEval.evaluate.count', { count: rows.length })}</p>
          {rows.length === 0 ? (
            <p class="muted">{t('drillsEval.evaluate.empty')}</p>
          ) : (
            <ul class="drills-eval-observation-list">
              {rows.map((o) => {
                const f = o.fields;
                const inject = injectOf(f.injectId);
                const mine = !!me && me.canWrite && o.createdBy === me.id;
                return (
                  <li key={o.id} class="drills-eval-observation" data-observation={o.id}>
                    {editing === o.id && renderEditor ? (
                      renderEditor(o)
                    ) : (
                      <>
                        <p class="drills-eval-observation-rating">
                          <strong>{isRating(f.rating) ? ratingFull(t, f.rating) : ''}</strong>
                        </p>
                        <p class="drills-eval-observation-text">{str(f.text)}</p>
                        {inject && (
                          <p>{t('drillsEval.evaluate.injectLine', { inject: injectLabel(t, inject) })}</p>
                        )}
                        {str(f.strength) && (
                          <p>{t('drillsEval.evaluate.strengthLine', { text: str(f.strength) })}</p>
                        )}
                        {str(f.areaForImprovement) && (
                          <p>{t('drillsEval.evaluate.areaLine', { text: str(f.areaForImprovement) })}</p>
                        )}
                        {str(f.rootCause) && (
                          <p>{t('drillsEval.evaluate.causeLine', { text: str(f.rootCause) })}</p>
                        )}
                        <p class="muted">
                          {t('drillsEval.by', { by: str(f.byName), time: timeOf(t, f.at) })}
                          {o.pending && <> · {t('drillsEval.unsent')}</>}
                        </p>
                        {mine && onEdit && (
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            aria-label={t('drillsEval.evaluate.editNamed', { text: str(f.text) })}
                            onClick={() => onEdit(o.id)}
                          >
                            {t('drillsEval.editShort')}
                          </button>
                        )}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
