// /drills/new and /drills/:id/edit — the exercise form: name, type, dates, scope, threat or hazard, scenario,
// objectives (text and core capability, FEMA's 32 offered in the reader's language, free text allowed),
// modules (title, start in scenario time, summary) and participants (name, username, role, organization),
// sponsor and point of contact. Rows are added, moved and removed with buttons that work from the
// keyboard; focus follows the moved row. The domain's validation is shown next to its field or row.
// Managers and administrators only; others are sent to the read-only exercise page.
import { useLocation, useRoute } from 'preact-iso';
import { useLayoutEffect, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import {
  EXERCISE_TYPES,
  PARTICIPANT_ROLES,
  type ExerciseType,
  type ParticipantRole,
} from '../../../../domain/drills/drill-kinds';
import { coreCapabilityNames } from '../../../../domain/drills/templates';
import { canonicalJson } from '../../../../domain/sync/canonical-json';
import type { JsonObject } from '../../../../domain/sync/json-value';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBanner } from '../exercise-banner';
import {
  canPlan,
  draftErrors,
  draftFields,
  draftOf,
  emptyDraft,
  moveRow,
  nextRowId,
  today,
  type DraftError,
  type ExerciseDraft,
} from './exercise-model';
import { drillsPlanMessages, type DrillsPlanT } from './messages';
import { ExerciseMissing, useExercise, writeProblem } from './plan-parts';
import '../../../styles/drills.css';

export function ExerciseFormPage() {
  const t = useAreaT(drillsPlanMessages);
  const { params } = useRoute();
  const user = useCachedSession()?.user;
  const id = params.id ?? '';
  const record = useExercise(id || 'none');
  if (!user || (id && record === undefined)) return <p class="muted">{t('app.loading')}</p>;
  const title = t(id ? 'drillsPlan.form.editTitle' : 'drillsPlan.form.newTitle');
  if (id && !record) return <ExerciseMissing t={t} title={title} />;
  if (!canPlan(user.role))
    return (
      <>
        <ExerciseBanner />
        <PageHeading title={title}>{title}</PageHeading>
        <p class="empty-state">{t('drillsPlan.readOnly')}</p>
        <p>
          <a href={id ? `/drills/${id}` : '/drills'}>
            {t(id ? 'drillsPlan.backToExercise' : 'drillsPlan.back')}
          </a>
        </p>
      </>
    );
  return record ? (
    <ExerciseForm
      key={record.id}
      t={t}
      title={title}
      existing={{ id: record.id, fields: record.fields }}
      initial={draftOf(record.fields)}
      departments={user.departments}
    />
  ) : (
    <ExerciseForm
      key="new"
      t={t}
      title={title}
      initial={emptyDraft(today())}
      departments={user.departments}
    />
  );
}

function FieldErrors({ t, id, errors }: { t: DrillsPlanT; id: string; errors: DraftError[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {errors.map((e) => t(e.key, e.params)).join(' ')}
    </p>
  );
}

interface InputProps {
  t: DrillsPlanT;
  id: string;
  label: string;
  value: string;
  errors: DraftError[];
  onInput: (value: string) => void;
  type?: string;
  multiline?: number;
  hint?: string;
  list?: string;
  maxLength?: number;
}

/** A labelled input or textarea with its errors above it and aria-invalid/aria-describedby set. */
function Input({
  t,
  id,
  label,
  value,
  errors,
  onInput,
  type = 'text',
  multiline,
  hint,
  list,
  maxLength,
}: InputProps) {
  const described = [errors.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    'aria-invalid': errors.length ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <div class={errors.length ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <FieldErrors t={t} id={`${id}-error`} errors={errors} />
      {multiline ? (
        <textarea
          {...common}
          rows={multiline}
          maxLength={maxLength}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          type={type}
          list={list}
          maxLength={maxLength}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </div>
  );
}

/** Up, down and remove buttons of one row; ids so focus can follow the row after a move. */
function RowButtons({
  t,
  idBase,
  what,
  first,
  last,
  onMove,
  onRemove,
}: {
  t: DrillsPlanT;
  idBase: string;
  what: string;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <div class="button-row">
      <button
        type="button"
        id={`${idBase}-up`}
        class="button button-small button-secondary"
        disabled={first}
        aria-label={t('drillsPlan.form.up', { what })}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        id={`${idBase}-down`}
        class="button button-small button-secondary"
        disabled={last}
        aria-label={t('drillsPlan.form.down', { what })}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" class="button button-small button-secondary" onClick={onRemove}>
        {t('drillsPlan.form.remove', { what })}
      </button>
    </div>
  );
}

function ExerciseForm({
  t,
  title,
  existing,
  initial,
  departments,
}: {
  t: DrillsPlanT;
  title: string;
  existing?: { id: string; fields: JsonObject };
  initial: ExerciseDraft;
  departments: readonly string[];
}) {
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const [draft, setDraft] = useState(initial);
  const [dept, setDept] = useState(departments[0] ?? '');
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusAfter, setFocusAfter] = useState<string[] | null>(null);

  useLayoutEffect(() => {
    if (!focusAfter) return;
    for (const id of focusAfter) {
      const el = document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null;
      if (el && !el.disabled) {
        el.focus();
        break;
      }
    }
    setFocusAfter(null);
  }, [focusAfter]);

  const change = (next: ExerciseDraft) => {
    setDraft(next);
    if (errors.length > 0) setErrors(draftErrors(next));
  };
  const fieldErrors = (field: string) =>
    errors.filter((e) => e.place.at === 'field' && e.place.field === field);
  const rowErrors = (list: string, id: string, part: string) =>
    errors.filter(
      (e) => e.place.at === 'row' && e.place.list === list && e.place.id === id && e.place.part === part,
    );
  const set = (key: keyof ExerciseDraft) => (value: string) => change({ ...draft, [key]: value });

  /** Moves a row of a list and keeps the focus on the moved row's button. */
  const move = <K extends 'objectives' | 'modules' | 'participants'>(
    list: K,
    index: number,
    by: -1 | 1,
    idBase: string,
  ) => {
    change({ ...draft, [list]: moveRow(draft[list] as unknown[], index, by) });
    const [a, b] = by === -1 ? ['up', 'down'] : ['down', 'up'];
    setFocusAfter([`${idBase}-${a}`, `${idBase}-${b}`]);
    announce(t('drillsPlan.form.moved'));
  };
  const remove = <K extends 'objectives' | 'modules' | 'participants'>(
    list: K,
    index: number,
    addId: string,
  ) => {
    change({ ...draft, [list]: (draft[list] as unknown[]).filter((_, i) => i !== index) });
    setFocusAfter([addId]);
    announce(t('drillsPlan.form.removed'));
  };

  const onSave = async (event: Event) => {
    event.preventDefault();
    const found = draftErrors(draft);
    setErrors(found);
    if (found.length > 0) {
      setFormError(t('common.fixErrors'));
      requestAnimationFrame(() =>
        (document.querySelector('.drills-form [aria-invalid="true"]') as HTMLElement | null)?.focus(),
      );
      return;
    }
    const fields = draftFields(draft);
    setBusy(true);
    if (existing) {
      const changed: JsonObject = {};
      for (const key of Object.keys(fields))
        if (canonicalJson(fields[key] ?? null) !== canonicalJson(existing.fields[key] ?? null))
          changed[key] = fields[key]!;
      if (!draft.endDate && existing.fields.endDate) changed.endDate = '';
      if (Object.keys(changed).length === 0) {
        setBusy(false);
        setFormError(null);
        announce(t('drillsPlan.form.noChange'));
        return;
      }
      const result = await writeChange('record.update', {
        kind: 'exercise',
        id: existing.id,
        fields: changed,
      });
      setBusy(false);
      const problem = writeProblem(t, result);
      setFormError(problem);
      if (problem) return;
      announce(t('drillsPlan.form.saved'));
      route(`/drills/${existing.id}`);
      return;
    }
    const id = uuidv7();
    const result = await writeChange('record.create', {
      kind: 'exercise',
      id,
      dept,
      fields: {
        ...fields,
        status: 'planning',
        clockState: 'not_started',
        clockScenarioMinutes: 0,
        clockSpeed: 1,
      },
    });
    setBusy(false);
    const problem = writeProblem(t, result);
    setFormError(problem);
    if (problem) return;
    announce(t('drillsPlan.form.created'));
    route(`/drills/${id}`);
  };

  const capabilities = coreCapabilityNames(t.language);
  const roleOptions = PARTICIPANT_ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`drillsPlan.role.${role}`)}
    </option>
  ));

  return (
    <div class="drills-form">
      <ExerciseBanner />
      <PageHeading title={title}>{title}</PageHeading>
      <form class="form" onSubmit={onSave} noValidate aria-describedby="exercise-form-error">
        <Input
          t={t}
          id="exercise-name"
          label={t('drillsPlan.form.name')}
          value={draft.name}
          errors={fieldErrors('name')}
          onInput={set('name')}
          maxLength={200}
        />
        <div class="field">
          <label for="exercise-type">{t('drillsPlan.form.type')}</label>
          <select
            id="exercise-type"
            value={draft.exerciseType}
            onChange={(e) => change({ ...draft, exerciseType: e.currentTarget.value as ExerciseType })}
          >
            {EXERCISE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`drillsPlan.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="drills-form-row">
          <Input
            t={t}
            id="exercise-start"
            type="date"
            label={t('drillsPlan.form.startDate')}
            value={draft.startDate}
            errors={fieldErrors('startDate')}
            onInput={set('startDate')}
          />
          <Input
            t={t}
            id="exercise-end"
            type="date"
            label={t('drillsPlan.form.endDate')}
            value={draft.endDate}
            errors={fieldErrors('endDate')}
            onInput={set('endDate')}
          />
        </div>
        {!existing && departments.length > 1 && (
          <div class="field">
            <label for="exercise-dept">{t('drillsPlan.form.department')}</label>
            <select id="exercise-dept" value={dept} onChange={(e) => setDept(e.currentTarget.value)}>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        )}
        <Input
          t={t}
          id="exercise-hazard"
          label={t('drillsPlan.form.hazard')}
          value={draft.hazard}
          errors={fieldErrors('hazard')}
          onInput={set('hazard')}
          maxLength={300}
        />
        <Input
          t={t}
          id="exercise-scope"
          label={t('drillsPlan.form.scope')}
          value={draft.scope}
          errors={fieldErrors('scope')}
          onInput={set('scope')}
          multiline={3}
        />
        <Input
          t={t}
          id="exercise-scenario"
          label={t('drillsPlan.form.scenario')}
          value={draft.scenario}
          errors={fieldErrors('scenario')}
          onInput={set('scenario')}
          multiline={6}
        />
        <Input
          t={t}
          id="exercise-sponsor"
          label={t('drillsPlan.form.sponsor')}
          value={draft.sponsor}
          errors={fieldErrors('sponsor')}
          onInput={set('sponsor')}
          maxLength={200}
        />
        <Input
          t={t}
          id="exercise-poc"
          label={t('drillsPlan.form.pointOfContact')}
          value={draft.pointOfContact}
          errors={fieldErrors('pointOfContact')}
          onInput={set('pointOfContact')}
          maxLength={300}
        />

        <fieldset class="drills-rows" data-rows="objectives">
          <legend>
            <h2>{t('drillsPlan.form.objectives')}</h2>
          </legend>
          <FieldErrors t={t} id="objectives-error" errors={fieldErrors('objectives')} />
          <datalist id="core-capabilities">
            {capabilities.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {draft.objectives.length === 0 && <p class="muted">{t('drillsPlan.form.none')}</p>}
          <ol class="drills-row-list">
            {draft.objectives.map((o, i) => {
              const what = t('drillsPlan.form.objective', { n: i + 1 });
              const base = `objective-${o.id}`;
              const update = (c: Partial<typeof o>) =>
                change({
                  ...draft,
                  objectives: draft.objectives.map((x) => (x.id === o.id ? { ...x, ...c } : x)),
                });
              return (
                <li key={o.id} class="drills-row" data-row={o.id}>
                  <fieldset>
                    <legend>{what}</legend>
                    <Input
                      t={t}
                      id={`${base}-text`}
                      label={t('drillsPlan.form.objectiveText')}
                      value={o.text}
                      errors={rowErrors('objectives', o.id, 'text')}
                      onInput={(v) => update({ text: v })}
                      multiline={2}
                    />
                    <Input
                      t={t}
                      id={`${base}-capability`}
                      label={t('drillsPlan.form.capability')}
                      hint={t('drillsPlan.form.capabilityHint')}
                      list="core-capabilities"
                      value={o.capability}
                      errors={[]}
                      onInput={(v) => update({ capability: v })}
                      maxLength={200}
                    />
                    <RowButtons
                      t={t}
                      idBase={base}
                      what={what}
                      first={i === 0}
                      last={i === draft.objectives.length - 1}
                      onMove={(by) => move('objectives', i, by, base)}
                      onRemove={() => remove('objectives', i, 'add-objective')}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            id="add-objective"
            class="button button-small button-secondary"
            onClick={() => {
              const id = nextRowId(
                'o',
                draft.objectives.map((o) => o.id),
              );
              change({ ...draft, objectives: [...draft.objectives, { id, text: '', capability: '' }] });
              setFocusAfter([`objective-${id}-text`]);
            }}
          >
            {t('drillsPlan.form.addObjective')}
          </button>
        </fieldset>

        <fieldset class="drills-rows" data-rows="modules">
          <legend>
            <h2>{t('drillsPlan.form.modules')}</h2>
          </legend>
          <FieldErrors t={t} id="modules-error" errors={fieldErrors('modules')} />
          {draft.modules.length === 0 && <p class="muted">{t('drillsPlan.form.none')}</p>}
          <ol class="drills-row-list">
            {draft.modules.map((m, i) => {
              const what = t('drillsPlan.form.module', { n: i + 1 });
              const base = `module-${m.id}`;
              const update = (c: Partial<typeof m>) =>
                change({ ...draft, modules: draft.modules.map((x) => (x.id === m.id ? { ...x, ...c } : x)) });
              return (
                <li key={m.id} class="drills-row" data-row={m.id}>
                  <fieldset>
                    <legend>{what}</legend>
                    <Input
                      t={t}
                      id={`${base}-title`}
                      label={t('drillsPlan.form.moduleTitle')}
                      value={m.title}
                      errors={rowErrors('modules', m.id, 'title')}
                      onInput={(v) => update({ title: v })}
                      maxLength={200}
                    />
                    <Input
                      t={t}
                      id={`${base}-start`}
                      label={t('drillsPlan.form.moduleStart')}
                      hint={t('drillsPlan.form.moduleStartHint')}
                      value={m.start}
                      errors={rowErrors('modules', m.id, 'start')}
                      onInput={(v) => update({ start: v })}
                      maxLength={12}
                    />
                    <Input
                      t={t}
                      id={`${base}-summary`}
                      label={t('drillsPlan.form.moduleSummary')}
                      value={m.summary}
                      errors={[]}
                      onInput={(v) => update({ summary: v })}
                      multiline={2}
                    />
                    <RowButtons
                      t={t}
                      idBase={base}
                      what={what}
                      first={i === 0}
                      last={i === draft.modules.length - 1}
                      onMove={(by) => move('modules', i, by, base)}
                      onRemove={() => remove('modules', i, 'add-module')}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            id="add-module"
            class="button button-small button-secondary"
            onClick={() => {
              const id = nextRowId(
                'm',
                draft.modules.map((m) => m.id),
              );
              change({
                ...draft,
                modules: [...draft.modules, { id, title: '', start: 'T+00:00', summary: '' }],
              });
              setFocusAfter([`module-${id}-title`]);
            }}
          >
            {t('drillsPlan.form.addModule')}
          </button>
        </fieldset>

        <fieldset class="drills-rows" data-rows="participants">
          <legend>
            <h2>{t('drillsPlan.form.participants')}</h2>
          </legend>
          <FieldErrors t={t} id="participants-error" errors={fieldErrors('participants')} />
          {draft.participants.length === 0 && <p class="muted">{t('drillsPlan.form.none')}</p>}
          <ol class="drills-row-list">
            {draft.participants.map((p, i) => {
              const what = t('drillsPlan.form.participant', { n: i + 1 });
              const base = `participant-${p.key}`;
              const update = (c: Partial<typeof p>) =>
                change({
                  ...draft,
                  participants: draft.participants.map((x) => (x.key === p.key ? { ...x, ...c } : x)),
                });
              return (
                <li key={p.key} class="drills-row" data-row={p.key}>
                  <fieldset>
                    <legend>{what}</legend>
                    <div class="drills-form-row">
                      <Input
                        t={t}
                        id={`${base}-name`}
                        label={t('drillsPlan.form.participantName')}
                        value={p.name}
                        errors={rowErrors('participants', p.key, 'name')}
                        onInput={(v) => update({ name: v })}
                        maxLength={200}
                      />
                      <div class="field">
                        <label for={`${base}-role`}>{t('drillsPlan.form.participantRole')}</label>
                        <select
                          id={`${base}-role`}
                          value={p.role}
                          onChange={(e) => update({ role: e.currentTarget.value as ParticipantRole })}
                        >
                          {roleOptions}
                        </select>
                      </div>
                    </div>
                    <div class="drills-form-row">
                      <Input
                        t={t}
                        id={`${base}-username`}
                        label={t('drillsPlan.form.participantUsername')}
                        hint={t('drillsPlan.form.participantUsernameHint')}
                        value={p.username}
                        errors={[]}
                        onInput={(v) => update({ username: v })}
                        maxLength={64}
                      />
                      <Input
                        t={t}
                        id={`${base}-org`}
                        label={t('drillsPlan.form.participantOrg')}
                        value={p.organization}
                        errors={[]}
                        onInput={(v) => update({ organization: v })}
                        maxLength={200}
                      />
                    </div>
                    <RowButtons
                      t={t}
                      idBase={base}
                      what={what}
                      first={i === 0}
                      last={i === draft.participants.length - 1}
                      onMove={(by) => move('participants', i, by, base)}
                      onRemove={() => remove('participants', i, 'add-participant')}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            id="add-participant"
            class="button button-small button-secondary"
            onClick={() => {
              const key = nextRowId(
                'p',
                draft.participants.map((p) => p.key),
              );
              change({
                ...draft,
                participants: [
                  ...draft.participants,
                  { key, name: '', username: '', role: 'player', organization: '' },
                ],
              });
              setFocusAfter([`participant-${key}-name`]);
            }}
          >
            {t('drillsPlan.form.addParticipant')}
          </button>
        </fieldset>

        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : t(existing ? 'drillsPlan.form.save' : 'drillsPlan.form.create')}
        </button>
        <FormError id="exercise-form-error" message={formError} />
      </form>
      <p>
        <a href={existing ? `/drills/${existing.id}` : '/drills'}>
          {t(existing ? 'drillsPlan.backToExercise' : 'drillsPlan.back')}
        </a>
      </p>
    </div>
  );
}
