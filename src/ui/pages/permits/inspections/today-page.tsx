// "My inspections today": what is scheduled for today (the device's local date) and still open from
// before, ordered by address for the day's route, each with its permit and "Record result" in place.
// A live Dexie query over what is on the device, so it works the same with no connection at all.
import { useState } from 'preact/hooks';
import { listDueInspections, localDate, type DueInspection } from '../../../../storage/inspection-queries';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { canWrite, formatDay, text } from './inspection-helpers';
import { inspectionMessages, type InspectionT } from './messages';
import { ResultForm } from './result-form';
import '../../../styles/inspections.css';

type Scope = 'mine' | 'all';

function permitLabel(t: InspectionT, row: DueInspection): string {
  if (!row.permit) return t('insp.today.permitMissing');
  const number = text(row.permit.fields.number);
  if (number) return number;
  const provisional = text(row.permit.fields.provisionalNumber);
  return provisional ? t('insp.today.provisional', { number: provisional }) : t('insp.permitPage.noNumber');
}

export function InspectionsTodayPage() {
  const t = useAreaT(inspectionMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const announce = useAppStore((state) => state.announce);
  const [scope, setScope] = useState<Scope>('mine');
  const [recording, setRecording] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const today = localDate(new Date());
  const rows = useLiveQuery(
    () =>
      db && user
        ? listDueInspections(db, {
            today,
            departments: user.role === 'admin' ? undefined : user.departments,
            inspector: scope === 'mine' ? user : undefined,
          })
        : undefined,
    [db, user?.id, user?.displayName, user?.departments.join(','), scope, today],
  );
  const writable = canWrite(user);
  const title = t('insp.today.title');

  const done = (message: string) => {
    setRecording(null);
    setStatus(message);
    announce(message);
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{t('insp.today.date', { date: formatDay(today, t.language) })}</p>
      <fieldset class="insp-scope">
        <legend>{t('insp.today.show')}</legend>
        {(['mine', 'all'] as const).map((value) => (
          <label key={value} class="checkbox" for={`insp-scope-${value}`}>
            <input
              type="radio"
              id={`insp-scope-${value}`}
              name="insp-scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            {t(value === 'mine' ? 'insp.today.mine' : 'insp.today.all')}
          </label>
        ))}
      </fieldset>
      <div role="status" class="status-message">
        {status && <p>{status}</p>}
      </div>
      {rows === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="empty-state">{t(scope === 'mine' ? 'insp.today.emptyMine' : 'insp.today.emptyAll')}</p>
      ) : (
        <>
          <p class="muted" id="insp-today-count">
            {t('insp.today.caption', { count: rows.length })}
          </p>
          <ol class="insp-list insp-route" aria-labelledby="insp-today-count">
            {rows.map((row) => {
              const { inspection, permit } = row;
              const address =
                text(inspection.fields.address) || text(permit?.fields.address) || t('insp.today.noAddress');
              const type = text(inspection.fields.inspectionType);
              const permitId = text(inspection.fields.permitId);
              return (
                <li key={inspection.id} class="insp-item">
                  <h2 class="insp-item-title">
                    {address}
                    {row.overdue && (
                      <span class="tag tag-overdue">
                        <span aria-hidden="true">⚠ </span>
                        {t('insp.overdueTag')}
                      </span>
                    )}
                    {inspection.fields.reinspectionOf && <span class="tag">{t('insp.reinspectionTag')}</span>}
                    {inspection.pending && <span class="tag tag-pending">{t('insp.unsentTag')}</span>}
                  </h2>
                  <dl class="facts insp-facts">
                    <dt>{t('insp.today.col.permit')}</dt>
                    <dd>
                      {permit ? (
                        <a href={`/permits/${permitId}`}>{permitLabel(t, row)}</a>
                      ) : (
                        permitLabel(t, row)
                      )}
                    </dd>
                    <dt>{t('insp.col.type')}</dt>
                    <dd>{type}</dd>
                    <dt>{t('insp.col.date')}</dt>
                    <dd>
                      {t('insp.today.scheduledOn', {
                        date: formatDay(text(inspection.fields.scheduledDate), t.language),
                      })}
                    </dd>
                    <dt>{t('insp.col.inspector')}</dt>
                    <dd>{text(inspection.fields.inspector) || t('insp.noInspector')}</dd>
                    {text(inspection.fields.notes) && (
                      <>
                        <dt>{t('insp.field.notes')}</dt>
                        <dd>{text(inspection.fields.notes)}</dd>
                      </>
                    )}
                  </dl>
                  {writable &&
                    (recording === inspection.id ? (
                      <ResultForm inspection={inspection} onDone={done} onClose={() => setRecording(null)} />
                    ) : (
                      <p>
                        <button
                          type="button"
                          class="button"
                          onClick={() => setRecording(inspection.id)}
                          aria-label={`${t('insp.recordResult')}: ${address}, ${type}`}
                        >
                          {t('insp.recordResult')}
                        </button>
                      </p>
                    ))}
                </li>
              );
            })}
          </ol>
        </>
      )}
      <p>
        <a href="/permits/print/route-sheet">{t('insp.today.printRoute')}</a>
      </p>
      <p>
        <a href="/permits">{t('insp.today.back')}</a>
      </p>
    </>
  );
}
