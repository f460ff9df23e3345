// Records the result of one inspection: the outcome in plain words, notes, and a checklist of corrections
// (at least one for "not approved"). When the outcome needs another visit, the re-inspection is scheduled
// right after, on the date chosen here (the next working day unless changed), and the page says so.
// Photos are saved on the device as they are taken (pending) and the result refers to them by id; the
// photos of a result that is never saved are deleted when the form closes.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import {
  INSPECTION_OUTCOMES,
  inspectionResultKind,
  permitInspectionKind,
  type InspectionOutcome,
} from '../../../../domain/permits/permit-kinds';
import type { JsonObject } from '../../../../domain/sync/json-value';
import { validateFields } from '../../../../domain/sync/record-kinds';
import { localDate, nextWorkingDay } from '../../../../storage/inspection-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { FormError } from '../../../components/form-error';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useAreaT } from '../../../i18n/use-t';
import { discardPhotos, PhotoField } from '../../../photos/photo-field';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import {
  fieldErrorTexts,
  formatDay,
  needsReinspection,
  outcomeKey,
  text,
  writeProblem,
} from './inspection-helpers';
import { inspectionMessages } from './messages';

interface ResultValues {
  outcome: InspectionOutcome | '';
  notes: string;
  corrections: string[];
  reinspectionDate: string;
  photoIds: string[];
}

export function ResultForm(props: {
  inspection: RecordView;
  /** Says what was saved (the result, and the re-inspection when one was scheduled). */
  onDone: (message: string) => void;
  onClose: () => void;
  /** Later sections of the result (photos, once attachments exist) go between corrections and saving. */
  children?: ComponentChildren;
}) {
  const t = useAreaT(inspectionMessages);
  const { inspection } = props;
  const id = `result-${inspection.id}`;
  const type = text(inspection.fields.inspectionType);
  const [values, setValues] = useState<ResultValues>(() => ({
    outcome: '',
    notes: '',
    corrections: [],
    reinspectionDate: nextWorkingDay(localDate(new Date())),
    photoIds: [],
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preparingPhotos, setPreparingPhotos] = useState(false);
  const db = useDatabase();
  const userId = useCachedSession()?.user.id ?? '';
  // The photos of a result never saved are deleted when the form goes (closed, or the page left).
  const unsaved = useRef({ ids: [] as string[], saved: false, db, userId });
  Object.assign(unsaved.current, { ids: values.photoIds, db, userId });
  useEffect(
    () => () => {
      const { saved, ids } = unsaved.current;
      if (!saved) void discardPhotos(unsaved.current.db, ids, unsaved.current.userId);
    },
    [],
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<string | null>(null);
  const set = (patch: Partial<ResultValues>) => setValues((v) => ({ ...v, ...patch }));

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const fieldId = (field: string) => `${id}-${field}`;
  const correctionId = (index: number) => fieldId(`correction-${index}`);
  const labels: Record<string, string> = {
    outcome: t('insp.field.outcome'),
    notes: t('insp.field.notes'),
    corrections: t('insp.field.corrections'),
    reinspectionDate: t('insp.field.reinspectionDate'),
    photoIds: t('insp.field.photos'),
  };
  const reinspect = needsReinspection(values.outcome);

  const resultFields = (v: ResultValues): JsonObject => {
    const corrections = v.corrections.map((line) => line.trim());
    return {
      inspectionId: inspection.id,
      permitId: text(inspection.fields.permitId),
      outcome: v.outcome || null,
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      ...(corrections.length ? { corrections } : {}),
      ...(v.photoIds.length ? { photoIds: v.photoIds } : {}),
      inspectedAt: new Date().toISOString(),
    };
  };

  const reinspectionFields = (v: ResultValues): JsonObject => ({
    permitId: text(inspection.fields.permitId),
    inspectionType: type,
    scheduledDate: v.reinspectionDate,
    ...(text(inspection.fields.inspector) ? { inspector: text(inspection.fields.inspector) } : {}),
    ...(text(inspection.fields.address) ? { address: text(inspection.fields.address) } : {}),
    reinspectionOf: inspection.id,
    status: 'scheduled',
  });

  /** The domain's checks plus the form's own: corrections for "not approved", no empty lines. */
  const check = (v: ResultValues): Record<string, string> => {
    const found = fieldErrorTexts(
      t,
      validateFields(inspectionResultKind, resultFields(v), { op: 'append' }),
      labels,
    );
    if (found.outcome && v.outcome === '') found.outcome = t('insp.error.chooseOne');
    if (v.outcome === 'not_approved' && v.corrections.length === 0)
      found.corrections ??= t('insp.error.correctionsRequired');
    v.corrections.forEach((line, index) => {
      if (!line.trim()) found[`correction-${index}`] = t('insp.error.emptyCorrection');
    });
    if (needsReinspection(v.outcome)) {
      const date = fieldErrorTexts(
        t,
        validateFields(permitInspectionKind, reinspectionFields(v), { op: 'create' }),
        labels,
        { scheduledDate: 'reinspectionDate' },
      );
      if (date.reinspectionDate) found.reinspectionDate = date.reinspectionDate;
      else if (v.reinspectionDate < text(inspection.fields.scheduledDate))
        found.reinspectionDate = t('insp.error.beforeInspection', {
          date: formatDay(text(inspection.fields.scheduledDate), t.language),
        });
    }
    return found;
  };

  const firstInvalid = (found: Record<string, string>, v: ResultValues): string | null => {
    if (found.outcome) return fieldId(`outcome-${INSPECTION_OUTCOMES[0]}`);
    if (found.notes) return fieldId('notes');
    const line = v.corrections.findIndex((_, index) => found[`correction-${index}`]);
    if (line >= 0) return correctionId(line);
    if (found.corrections) return fieldId('add-correction');
    if (found.photoIds) return fieldId('photos-take');
    if (found.reinspectionDate) return fieldId('reinspectionDate');
    return null;
  };

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check(values);
    setErrors(found);
    setFormError(null);
    const first = firstInvalid(found, values);
    if (Object.keys(found).length > 0) {
      if (first) document.getElementById(first)?.focus();
      return;
    }
    const outcome = values.outcome as InspectionOutcome;
    if (preparingPhotos) return;
    setBusy(true);
    const saved = await writeChange('entry.append', {
      kind: 'inspection_result',
      id: uuidv7(),
      dept: inspection.dept,
      fields: resultFields(values),
    });
    const problem = writeProblem(t, saved, labels);
    if (problem) {
      setBusy(false);
      setErrors(problem.fields);
      setFormError(problem.form);
      return;
    }
    unsaved.current.saved = true;
    const outcomeText = t(outcomeKey(outcome));
    if (!needsReinspection(outcome)) {
      setBusy(false);
      props.onDone(t('insp.resultSaved', { outcome: outcomeText }));
      return;
    }
    const created = await writeChange('record.create', {
      kind: 'permit_inspection',
      id: uuidv7(),
      dept: inspection.dept,
      fields: reinspectionFields(values),
    });
    setBusy(false);
    const failed = writeProblem(t, created, labels, { scheduledDate: 'reinspectionDate' });
    props.onDone(
      failed
        ? t('insp.reinspectionFailed', {
            reason: Object.values(failed.fields)[0] ?? failed.form ?? '',
          })
        : t('insp.reinspectionCreated', {
            outcome: outcomeText,
            date: formatDay(values.reinspectionDate, t.language),
          }),
    );
  };

  const fieldError = (key: string, elementId = fieldId(key)) =>
    errors[key] && (
      <p id={`${elementId}-error`} class="field-error">
        <span aria-hidden="true">⚠ </span>
        {errors[key]}
      </p>
    );
  const described = (key: string, elementId: string, hint?: string) =>
    [hint, errors[key] ? `${elementId}-error` : undefined].filter(Boolean).join(' ') || undefined;

  const addCorrection = () => {
    focusNext.current = correctionId(values.corrections.length);
    set({ corrections: [...values.corrections, ''] });
  };
  const removeCorrection = (index: number) => {
    const corrections = values.corrections.filter((_, i) => i !== index);
    focusNext.current = corrections.length
      ? correctionId(Math.min(index, corrections.length - 1))
      : fieldId('add-correction');
    // Line errors follow their lines.
    setErrors((old) => {
      const next: Record<string, string> = {};
      for (const [key, message] of Object.entries(old)) {
        const match = /^correction-(\d+)$/.exec(key);
        if (!match) next[key] = message;
        else if (Number(match[1]) < index) next[key] = message;
        else if (Number(match[1]) > index) next[`correction-${Number(match[1]) - 1}`] = message;
      }
      return next;
    });
    set({ corrections });
  };

  return (
    <section class="insp-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('insp.resultHeading', { type })}
      </h3>
      <form class="form" onSubmit={onSubmit} noValidate aria-describedby={`${id}-form-error`}>
        <fieldset
          class={errors.outcome ? 'field field-invalid insp-outcomes' : 'field insp-outcomes'}
          aria-describedby={errors.outcome ? `${fieldId('outcome')}-error` : undefined}
        >
          <legend>{labels.outcome}</legend>
          {fieldError('outcome')}
          {INSPECTION_OUTCOMES.map((outcome) => (
            <label key={outcome} class="checkbox" for={fieldId(`outcome-${outcome}`)}>
              <input
                type="radio"
                id={fieldId(`outcome-${outcome}`)}
                name={fieldId('outcome')}
                value={outcome}
                checked={values.outcome === outcome}
                onChange={() => set({ outcome })}
                aria-invalid={errors.outcome ? 'true' : undefined}
              />
              {t(outcomeKey(outcome))}
            </label>
          ))}
        </fieldset>
        <div class={errors.notes ? 'field field-invalid' : 'field'}>
          <label for={fieldId('notes')}>{labels.notes}</label>
          {fieldError('notes')}
          <textarea
            id={fieldId('notes')}
            rows={3}
            value={values.notes}
            onInput={(event) => set({ notes: event.currentTarget.value })}
            aria-invalid={errors.notes ? 'true' : undefined}
            aria-describedby={described('notes', fieldId('notes'))}
          />
        </div>
        <fieldset
          class={errors.corrections ? 'field field-invalid' : 'field'}
          aria-describedby={described(
            'corrections',
            fieldId('corrections'),
            `${fieldId('corrections')}-hint`,
          )}
        >
          <legend>{labels.corrections}</legend>
          <p id={`${fieldId('corrections')}-hint`} class="field-hint">
            {t('insp.field.correctionsHint')}
          </p>
          {fieldError('corrections')}
          {values.corrections.length > 0 && (
            <ol class="insp-corrections">
              {values.corrections.map((line, index) => {
                const key = `correction-${index}`;
                const inputId = correctionId(index);
                return (
                  <li key={index} class={errors[key] ? 'field field-invalid' : 'field'}>
                    <label for={inputId}>{t('insp.field.correction', { number: index + 1 })}</label>
                    {fieldError(key, inputId)}
                    <div class="insp-correction-row">
                      <input
                        id={inputId}
                        type="text"
                        value={line}
                        onInput={(event) => {
                          const corrections = [...values.corrections];
                          corrections[index] = event.currentTarget.value;
                          set({ corrections });
                        }}
                        aria-invalid={errors[key] ? 'true' : undefined}
                        aria-describedby={described(key, inputId)}
                      />
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => removeCorrection(index)}
                      >
                        {t('insp.removeCorrection', { number: index + 1 })}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
          <p>
            <button
              type="button"
              id={fieldId('add-correction')}
              class="button button-secondary"
              onClick={addCorrection}
              aria-describedby={errors.corrections ? `${fieldId('corrections')}-error` : undefined}
            >
              {t('insp.addCorrection')}
            </button>
          </p>
        </fieldset>
        <PhotoField
          id={fieldId('photos')}
          label={t('insp.field.photos')}
          dept={inspection.dept}
          userId={userId}
          photoIds={values.photoIds}
          onAdd={(ids) => setValues((v) => ({ ...v, photoIds: [...v.photoIds, ...ids] }))}
          onRemove={(photoId) =>
            setValues((v) => ({ ...v, photoIds: v.photoIds.filter((other) => other !== photoId) }))
          }
          error={errors.photoIds}
          onBusy={setPreparingPhotos}
        />
        {props.children}
        {reinspect && (
          <div class={errors.reinspectionDate ? 'field field-invalid' : 'field'}>
            <p class="notice">{t('insp.outcomeNeedsReinspection')}</p>
            <label for={fieldId('reinspectionDate')}>{labels.reinspectionDate}</label>
            <p id={`${fieldId('reinspectionDate')}-hint`} class="field-hint">
              {t('insp.field.reinspectionDateHint')}
            </p>
            {fieldError('reinspectionDate')}
            <input
              id={fieldId('reinspectionDate')}
              type="date"
              required
              value={values.reinspectionDate}
              onInput={(event) => set({ reinspectionDate: event.currentTarget.value })}
              aria-invalid={errors.reinspectionDate ? 'true' : undefined}
              aria-describedby={described(
                'reinspectionDate',
                fieldId('reinspectionDate'),
                `${fieldId('reinspectionDate')}-hint`,
              )}
            />
          </div>
        )}
        <div class="button-row">
          <button type="submit" class="button" disabled={busy || preparingPhotos}>
            {busy ? t('common.saving') : t('insp.saveResult')}
          </button>
          <button type="button" class="button button-secondary" onClick={props.onClose}>
            {t('insp.close')}
          </button>
        </div>
        <FormError id={`${id}-form-error`} message={formError} />
      </form>
    </section>
  );
}
