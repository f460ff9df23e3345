// An incident's operational periods: the list (numbered 1, 2, 3 …, from/to on the 24-hour clock) and the
// form that adds the next one.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { operationalPeriodKind } from '../../../domain/incidents/incident-kinds';
import { validateFields } from '../../../domain/sync';
import type { RecordView } from '../../../storage/sync-queries';
import { FormError } from '../../components/form-error';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { writeChange } from '../../sync/write-change';
import { errorsByField, formatTime24, isoToLocal, nextPeriodNumber } from './incident-helpers';
import { writeProblem } from './incident-write';
import { incidentsMessages } from './messages';
import { storedTime, TimeField, type TimeValue } from './time-field';

const LABELS = { startsAt: 'incidents.field.startsAt', endsAt: 'incidents.field.endsAt' } as const;

export function IncidentPeriods(props: { incident: RecordView; periods: RecordView[]; writable: boolean }) {
  const t = useAreaT(incidentsMessages);
  const { periods } = props;
  // The period just added takes focus (its form is replaced by the next one's), so keyboard users stay here.
  const [added, setAdded] = useState<number | null>(null);
  useEffect(() => {
    if (added === null) return;
    const row = document.getElementById(`incident-period-${added}`);
    if (!row) return;
    row.focus();
    setAdded(null);
  }, [added, periods]);
  return (
    <section aria-labelledby="incident-periods-heading">
      <h2 id="incident-periods-heading">{t('incidents.periods.heading')}</h2>
      {periods.length === 0 ? (
        <p class="muted">{t('incidents.periods.none')}</p>
      ) : (
        <ol class="incident-periods" aria-label={t('incidents.periods.listLabel')}>
          {periods.map((period) => (
            <li key={period.id} id={`incident-period-${Number(period.fields.number)}`} tabIndex={-1}>
              <strong>{t('incidents.periods.row', { number: Number(period.fields.number) })}</strong>{' '}
              {t('incidents.periods.range', {
                from: formatTime24(period.fields.startsAt, t.language),
                to: formatTime24(period.fields.endsAt, t.language),
              })}
              {period.pending && <span class="tag tag-pending">{t('incidents.unsentTag')}</span>}
            </li>
          ))}
        </ol>
      )}
      {props.writable && (
        <AddPeriod
          key={periods.length}
          incident={props.incident}
          number={nextPeriodNumber(periods)}
          last={periods[periods.length - 1]}
          onAdded={setAdded}
        />
      )}
    </section>
  );
}

function AddPeriod({
  incident,
  number,
  last,
  onAdded,
}: {
  incident: RecordView;
  number: number;
  last?: RecordView;
  onAdded: (number: number) => void;
}) {
  const t = useAreaT(incidentsMessages);
  const announce = useAppStore((state) => state.announce);
  // A new period starts where the last one ended (or now), and runs 12 hours by default.
  const start = typeof last?.fields.endsAt === 'string' ? last.fields.endsAt : new Date().toISOString();
  const [startsAt, setStartsAt] = useState<TimeValue>(isoToLocal(start));
  const [endsAt, setEndsAt] = useState<TimeValue>(
    isoToLocal(new Date(Date.parse(start) + 12 * 3_600_000).toISOString()),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = 'incident-period-add-heading';

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string | number> = { incidentId: incident.id, number };
    const from = storedTime(startsAt);
    const to = storedTime(endsAt);
    if (from !== null) fields.startsAt = from;
    if (to !== null) fields.endsAt = to;
    const next = errorsByField(t, validateFields(operationalPeriodKind, fields, { op: 'create' }), LABELS);
    setErrors(next);
    setFormError(null);
    const firstBad = Object.keys(next)[0];
    if (firstBad) {
      setFormError(t('common.fixErrors'));
      document.getElementById(`period-${firstBad}-date`)?.focus();
      return;
    }
    setBusy(true);
    const result = await writeChange('record.create', {
      kind: 'operational_period',
      id: uuidv7(),
      dept: incident.dept,
      fields,
    });
    setBusy(false);
    const problem = writeProblem(t, result, LABELS);
    if (problem) {
      setErrors(problem.fields);
      setFormError(problem.message);
      return;
    }
    announce(t('incidents.periods.added', { number }));
    onAdded(number);
  };

  return (
    <form class="form incident-period-form" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h3 id={headingId}>{t('incidents.periods.addHeading', { number })}</h3>
      <TimeField
        id="period-startsAt"
        label={t('incidents.field.startsAt')}
        value={startsAt}
        onChange={setStartsAt}
        error={errors.startsAt}
        required
      />
      <TimeField
        id="period-endsAt"
        label={t('incidents.field.endsAt')}
        value={endsAt}
        onChange={setEndsAt}
        error={errors.endsAt}
        required
      />
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : t('incidents.periods.add')}
      </button>
      <FormError id="incident-period-form-error" message={formError} />
    </form>
  );
}
