// The inspections of one permit, for its detail page: scheduled, completed (with the result and its
// corrections) and cancelled ones; schedule, reschedule or cancel one, and record a result. Reads Dexie
// live, so what this device writes and what a sync brings show at once.
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { permitInspectionKind } from '../../../../domain/permits/permit-kinds';
import type { JsonObject } from '../../../../domain/sync/json-value';
import { validateFields } from '../../../../domain/sync/record-kinds';
import {
  listPermitInspections,
  localDate,
  type InspectionView,
} from '../../../../storage/inspection-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PhotoGallery } from '../../../photos/photo-gallery';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import {
  canWrite,
  formatDay,
  isOutcome,
  outcomeKey,
  statusKey,
  text,
  writeProblem,
} from './inspection-helpers';
import { inspectionMessages } from './messages';
import { ResultForm } from './result-form';
import { ScheduleForm, scheduleLabels, type ScheduleValues } from './schedule-form';
import '../../../styles/inspections.css';

type Panel = { kind: 'schedule' } | { kind: 'reschedule' | 'result'; id: string } | null;

const values = (fields: JsonObject): ScheduleValues => ({
  inspectionType: text(fields.inspectionType),
  scheduledDate: text(fields.scheduledDate),
  inspector: text(fields.inspector),
  notes: text(fields.notes),
});

/** Only the values the person changed in the form (a field changed meanwhile by a sync is not sent back). */
function changedFields(now: ScheduleValues, started: ScheduleValues): JsonObject {
  const fields: JsonObject = {};
  for (const key of Object.keys(now) as (keyof ScheduleValues)[])
    if (now[key] !== started[key])
      fields[key] = now[key] === '' && key !== 'inspectionType' ? null : now[key];
  return fields;
}

export function PermitInspections(props: { permit: RecordView }) {
  const { permit } = props;
  const t = useAreaT(inspectionMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const announce = useAppStore((state) => state.announce);
  const list = useLiveQuery(() => (db ? listPermitInspections(db, permit.id) : undefined), [db, permit.id]);
  const [panel, setPanel] = useState<Panel>(null);
  const [cancelling, setCancelling] = useState<InspectionView['inspection'] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const writable = canWrite(user) && !permit.deleted;
  const labels = scheduleLabels(t);

  const done = (message: string) => {
    setPanel(null);
    setStatus(message);
    announce(message);
  };

  const schedule = async (v: ScheduleValues) => {
    const fields: JsonObject = {
      permitId: permit.id,
      inspectionType: v.inspectionType,
      scheduledDate: v.scheduledDate,
      ...(v.inspector ? { inspector: v.inspector } : {}),
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      ...(text(permit.fields.address) ? { address: text(permit.fields.address) } : {}),
      status: 'scheduled',
    };
    const result = await writeChange('record.create', {
      kind: 'permit_inspection',
      id: uuidv7(),
      dept: permit.dept,
      fields,
    });
    const problem = writeProblem(t, result, labels);
    if (!problem) done(t('insp.scheduled', { date: formatDay(v.scheduledDate, t.language) }));
    return problem;
  };

  const reschedule = (inspection: RecordView) => async (v: ScheduleValues, started: ScheduleValues) => {
    const fields = changedFields(v, started);
    if (Object.keys(fields).length === 0) {
      done(t('insp.nothingChanged'));
      return null;
    }
    const result = await writeChange('record.update', {
      kind: 'permit_inspection',
      id: inspection.id,
      fields,
    });
    const problem = writeProblem(t, result, labels);
    if (!problem) done(t('insp.updated'));
    return problem;
  };

  const cancel = async (inspection: RecordView) => {
    const result = await writeChange('record.update', {
      kind: 'permit_inspection',
      id: inspection.id,
      fields: { status: 'cancelled' },
    });
    return writeProblem(t, result, labels)?.form ?? null;
  };

  const checkNew = (v: ScheduleValues) =>
    validateFields(
      permitInspectionKind,
      {
        permitId: permit.id,
        inspectionType: v.inspectionType,
        scheduledDate: v.scheduledDate,
        inspector: v.inspector,
        notes: v.notes,
        status: 'scheduled',
      },
      { op: 'create' },
    );
  const checkChange = (inspection: RecordView) => (v: ScheduleValues) =>
    validateFields(
      permitInspectionKind,
      { ...inspection.fields, ...v },
      { op: 'update', previous: inspection.fields },
      Object.keys(v),
    );

  const defaults: ScheduleValues = {
    inspectionType: '',
    scheduledDate: localDate(new Date()),
    inspector: user?.displayName || user?.username || user?.id || '',
    notes: '',
  };

  return (
    <section class="insp-section" aria-labelledby="permit-inspections-heading">
      <h2 id="permit-inspections-heading">{t('insp.heading')}</h2>
      <div role="status" class="status-message">
        {status && <p>{status}</p>}
      </div>
      {list === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p class="empty-state">{t('insp.none')}</p>
      ) : (
        <ul class="insp-list" aria-label={t('insp.caption', { count: list.length })}>
          {list.map(({ inspection, result }) => {
            const fields = inspection.fields;
            const type = text(fields.inspectionType);
            const day = formatDay(text(fields.scheduledDate), t.language);
            const scheduled = fields.status === 'scheduled';
            const corrections = Array.isArray(result?.fields.corrections)
              ? (result.fields.corrections as string[])
              : [];
            const photoIds = Array.isArray(result?.fields.photoIds)
              ? (result.fields.photoIds as unknown[]).filter((id): id is string => typeof id === 'string')
              : [];
            return (
              <li key={inspection.id} class={`insp-item insp-${text(fields.status) || 'scheduled'}`}>
                <h3 class="insp-item-title">
                  {type} · {day}
                  {fields.reinspectionOf && <span class="tag">{t('insp.reinspectionTag')}</span>}
                  {inspection.pending && <span class="tag tag-pending">{t('insp.unsentTag')}</span>}
                </h3>
                <dl class="facts insp-facts">
                  <dt>{t('insp.col.status')}</dt>
                  <dd>{t(statusKey(fields.status))}</dd>
                  <dt>{t('insp.col.inspector')}</dt>
                  <dd>{text(fields.inspector) || t('insp.noInspector')}</dd>
                  {isOutcome(fields.outcome) && (
                    <>
                      <dt>{t('insp.col.result')}</dt>
                      <dd>{t(outcomeKey(fields.outcome))}</dd>
                    </>
                  )}
                  {text(fields.notes) && (
                    <>
                      <dt>{t('insp.field.notes')}</dt>
                      <dd>{text(fields.notes)}</dd>
                    </>
                  )}
                </dl>
                {result && text(result.fields.notes) && (
                  <p>{t('insp.resultNotes', { notes: text(result.fields.notes) })}</p>
                )}
                {corrections.length > 0 && (
                  <>
                    <h4>{t('insp.correctionsList')}</h4>
                    <ol class="insp-correction-list">
                      {corrections.map((line, index) => (
                        <li key={index}>{line}</li>
                      ))}
                    </ol>
                  </>
                )}
                {result && photoIds.length > 0 && (
                  <>
                    <h4>{t('insp.resultPhotos')}</h4>
                    <PhotoGallery ids={photoIds} dept={result.dept} label={t('insp.resultPhotos')} />
                  </>
                )}
                {fields.status === 'completed' && (
                  <p>
                    <a
                      href={`/permits/inspections/${inspection.id}/print`}
                      aria-label={t('insp.printResultOf', { type, date: day })}
                    >
                      {t('insp.printResult')}
                    </a>
                  </p>
                )}
                {writable && scheduled && (
                  <div class="button-row">
                    <button
                      type="button"
                      class="button"
                      onClick={() => setPanel({ kind: 'result', id: inspection.id })}
                      aria-label={`${t('insp.recordResult')}: ${type}, ${day}`}
                    >
                      {t('insp.recordResult')}
                    </button>
                    <button
                      type="button"
                      class="button button-secondary"
                      onClick={() => setPanel({ kind: 'reschedule', id: inspection.id })}
                      aria-label={`${t('insp.reschedule')}: ${type}, ${day}`}
                    >
                      {t('insp.reschedule')}
                    </button>
                    <button
                      type="button"
                      class="button button-danger"
                      onClick={() => setCancelling(inspection)}
                      aria-label={`${t('insp.cancel')}: ${type}, ${day}`}
                    >
                      {t('insp.cancel')}
                    </button>
                  </div>
                )}
                {panel?.kind === 'result' && panel.id === inspection.id && (
                  <ResultForm inspection={inspection} onDone={done} onClose={() => setPanel(null)} />
                )}
                {panel?.kind === 'reschedule' && panel.id === inspection.id && (
                  <ScheduleForm
                    id={`reschedule-${inspection.id}`}
                    heading={t('insp.rescheduleHeading')}
                    submitLabel={t('insp.saveChanges')}
                    initial={values(fields)}
                    check={checkChange(inspection)}
                    onSave={reschedule(inspection)}
                    onClose={() => setPanel(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {writable &&
        (panel?.kind === 'schedule' ? (
          <ScheduleForm
            id="schedule-inspection"
            heading={t('insp.scheduleHeading')}
            submitLabel={t('insp.saveSchedule')}
            initial={defaults}
            check={checkNew}
            onSave={schedule}
            onClose={() => setPanel(null)}
          />
        ) : (
          <p>
            <button type="button" class="button" onClick={() => setPanel({ kind: 'schedule' })}>
              {t('insp.schedule')}
            </button>
          </p>
        ))}
      {cancelling && (
        <ConfirmDialog
          id="cancel-inspection"
          title={t('insp.cancelHeading', {
            type: text(cancelling.fields.inspectionType),
            date: formatDay(text(cancelling.fields.scheduledDate), t.language),
          })}
          body={t('insp.cancelBody')}
          confirmLabel={t('insp.cancelConfirm')}
          confirm={() => cancel(cancelling)}
          onDone={() => {
            setCancelling(null);
            done(t('insp.cancelled'));
          }}
          onClose={() => setCancelling(null)}
        />
      )}
    </section>
  );
}
