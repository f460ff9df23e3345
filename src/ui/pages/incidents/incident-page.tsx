// One incident: its header (name, number, type, severity, status, EXERCISE), its details with "Edit
// details", operational periods, activity logs, the timeline merging all logs, ICS 213 general messages,
// and the links to the print and export pages.
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { JsonValue } from '../../../domain/sync';
import { getRecord } from '../../../storage';
import { listLogs, listMessages, listPeriods, unsentCounts } from '../../../storage/incident-queries';
import type { RecordView } from '../../../storage/sync-queries';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { ExerciseBadge } from './exercise-badge';
import { INCIDENT_LABELS, IncidentForm, incidentValues } from './incident-form';
import { formatTime24, text } from './incident-helpers';
import { IncidentChecklists } from './incident-checklists';
import { IncidentPeriods } from './incident-periods';
import { IncidentTimeline } from './incident-timeline';
import { writeProblem } from './incident-write';
import { severityKey, statusKey, typeKey } from './labels';
import { incidentsMessages, type IncidentsT } from './messages';
import { MessageList } from './general-messages/message-list';
import { readEarly, useEarlyRead } from '../../boot/early-reads';
import '../../styles/incidents.css';

interface FirstScreen {
  incident: RecordView | null;
  periods: RecordView[];
  logs: RecordView[];
}

// Opened on an incident: what its heading, logs and periods need is read as soon as storage is open,
// beside the shell's reads (the timeline reads its first page the same way); messages and unsent counts
// follow through the live queries.
readEarly('/incidents/:id', 'first', async (db, { id = '' }): Promise<FirstScreen> => {
  const [incident, periods, logs] = await Promise.all([
    getRecord(db, id),
    listPeriods(db, id),
    listLogs(db, id),
  ]);
  return { incident, periods, logs };
});

export function IncidentPage() {
  const t = useAreaT(incidentsMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const id = params.id ?? '';
  const early = useEarlyRead<FirstScreen>('/incidents/:id', 'first', db);
  const liveIncident = useLiveQuery(() => (db ? getRecord(db, id) : undefined), [db, id]);
  const livePeriods = useLiveQuery(() => (db ? listPeriods(db, id) : []), [db, id]);
  const liveLogs = useLiveQuery(() => (db ? listLogs(db, id) : []), [db, id]);
  // The early read stands in until each live query has answered.
  const incident = liveIncident !== undefined ? liveIncident : early?.incident;
  const periods = livePeriods ?? early?.periods;
  const logs = liveLogs ?? early?.logs;
  const messages = useLiveQuery(() => (db ? listMessages(db, id) : []), [db, id]);
  const unsent = useLiveQuery(() => (db ? unsentCounts(db) : null), [db]);
  const [editing, setEditing] = useState(false);

  if (incident === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (incident === null || incident.kind !== 'incident' || incident.deleted)
    return (
      <>
        <PageHeading title={t('incidents.title')}>{t('incidents.title')}</PageHeading>
        <p class="empty-state">{t('incidents.notFound')}</p>
        <p>
          <a href="/incidents">{t('incidents.back')}</a>
        </p>
      </>
    );

  const f = incident.fields;
  const name = text(f.name);
  const writable = !!user && user.role !== 'viewer';
  const periodList = periods ?? [];
  const logList = logs ?? [];

  return (
    <>
      <PageHeading title={name}>{name}</PageHeading>
      <IncidentSummary t={t} incident={incident} />

      <section aria-labelledby="incident-details-heading">
        <h2 id="incident-details-heading">{t('incidents.page.details')}</h2>
        {editing ? (
          <EditIncident incident={incident} onDone={() => setEditing(false)} />
        ) : (
          <>
            <IncidentDetails t={t} incident={incident} />
            {writable && (
              <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
                {t('incidents.page.edit')}
              </button>
            )}
          </>
        )}
      </section>

      <IncidentPeriods incident={incident} periods={periodList} writable={writable} />

      <section aria-labelledby="incident-logs-heading">
        <h2 id="incident-logs-heading">{t('incidents.logs.heading')}</h2>
        {writable && (
          <p>
            <a class="button" href={`/incidents/${incident.id}/logs/new`}>
              {t('incidents.logs.new')}
            </a>
          </p>
        )}
        <LogTable
          t={t}
          incidentId={incident.id}
          logs={logList}
          periods={periodList}
          unsent={unsent?.byLog ?? new Map()}
        />
      </section>

      <IncidentTimeline incidentId={incident.id} logs={logList} periods={periodList} />

      <section aria-labelledby="incident-messages-heading">
        <h2 id="incident-messages-heading">{t('incidents.msg.heading')}</h2>
        {writable && (
          <p>
            <a class="button" href={`/incidents/${incident.id}/general-messages/new`}>
              {t('incidents.msg.new')}
            </a>
          </p>
        )}
        <MessageList t={t} incidentId={incident.id} messages={messages ?? []} />
      </section>

      <IncidentChecklists incidentId={incident.id} writable={writable} />

      <section aria-labelledby="incident-print-heading">
        <h2 id="incident-print-heading">{t('incidents.page.printExport')}</h2>
        <ul class="incident-links">
          <li>
            <a href={`/incidents/${incident.id}/export`}>{t('incidents.page.export')}</a>
          </li>
          {logList.map((log) => (
            <li key={log.id}>
              <a href={`/incidents/${incident.id}/logs/${log.id}/print`}>
                {t('incidents.logs.print', { name: text(log.fields.name) })}
              </a>
            </li>
          ))}
          <li>
            <a href="/incidents/print/blank-214">{t('incidents.page.blank214')}</a>
          </li>
          <li>
            <a href="/incidents/print/blank-213">{t('incidents.page.blank213')}</a>
          </li>
        </ul>
      </section>
      <p>
        <a href="/incidents">{t('incidents.back')}</a>
      </p>
    </>
  );
}

/** The line under the heading: number, type, severity, status, EXERCISE; shared by the board. */
export function IncidentSummary({ t, incident }: { t: IncidentsT; incident: RecordView }) {
  const f = incident.fields;
  return (
    <p class="incident-summary">
      <ExerciseBadge exercise={f.exercise} long />
      {text(f.number) && <span>{t('incidents.numberShort', { number: text(f.number) })}</span>}
      <span>{t(typeKey(f.incidentType))}</span>
      <span>
        {t('incidents.field.severity')}: {t(severityKey(f.severity))}
      </span>
      <span class="incident-status">
        {t('incidents.field.status')}: <strong>{t(statusKey(f.status))}</strong>
      </span>
      {incident.pending && <span class="tag tag-pending">{t('incidents.unsentTag')}</span>}
    </p>
  );
}

function IncidentDetails({ t, incident }: { t: IncidentsT; incident: RecordView }) {
  const f = incident.fields;
  const value = (v: JsonValue | undefined) => (typeof v === 'string' && v ? v : t('incidents.none'));
  const rows: [string, string][] = [
    [t('incidents.field.name'), value(f.name)],
    [t('incidents.field.number'), value(f.number)],
    [t('incidents.field.incidentType'), t(typeKey(f.incidentType))],
    [t('incidents.field.severity'), t(severityKey(f.severity))],
    [t('incidents.field.status'), t(statusKey(f.status))],
    [
      t('incidents.page.kind'),
      t(f.exercise === true ? 'incidents.page.kindExercise' : 'incidents.page.kindReal'),
    ],
    [t('incidents.field.location'), value(f.location)],
    [t('incidents.field.startedAt'), formatTime24(f.startedAt, t.language) || t('incidents.none')],
    [t('incidents.field.closedAt'), formatTime24(f.closedAt, t.language) || t('incidents.none')],
    [
      t('incidents.field.departments'),
      Array.isArray(f.departments) && f.departments.length ? f.departments.join(', ') : t('incidents.none'),
    ],
    [t('incidents.field.description'), value(f.description)],
  ];
  return (
    <dl class="facts incident-facts">
      {rows.map(([label, v]) => (
        <div key={label} class="incident-fact">
          <dt>{label}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function EditIncident({ incident, onDone }: { incident: RecordView; onDone: () => void }) {
  const t = useAreaT(incidentsMessages);
  const announce = useAppStore((state) => state.announce);
  return (
    <>
      <h3>{t('incidents.page.editHeading')}</h3>
      <IncidentForm
        mode="update"
        initial={incidentValues(incident.fields, incident.dept)}
        previous={incident.fields}
        submitLabel={t('incidents.form.save')}
        onSave={async (fields) => {
          if (Object.keys(fields).length === 0) {
            announce(t('incidents.form.nothingChanged'));
            onDone();
            return null;
          }
          const result = await writeChange('record.update', { kind: 'incident', id: incident.id, fields });
          const problem = writeProblem(t, result, INCIDENT_LABELS);
          if (problem) return problem;
          announce(t('incidents.form.saved'));
          onDone();
          return null;
        }}
      />
      <button type="button" class="button button-secondary" onClick={onDone}>
        {t('incidents.page.cancelEdit')}
      </button>
    </>
  );
}

function LogTable(props: {
  t: IncidentsT;
  incidentId: string;
  logs: RecordView[];
  periods: RecordView[];
  unsent: Map<string, number>;
}) {
  const { t, incidentId, logs, periods, unsent } = props;
  if (logs.length === 0) return <p class="muted">{t('incidents.logs.none')}</p>;
  const periodNumber = new Map(periods.map((p) => [p.id, Number(p.fields.number)]));
  return (
    <div class="table-wrap">
      <table class="table incident-logs">
        <caption class="visually-hidden">{t('incidents.logs.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents.logs.col.name')}</th>
            <th scope="col">{t('incidents.logs.col.position')}</th>
            <th scope="col">{t('incidents.logs.col.period')}</th>
            <th scope="col">{t('incidents.logs.col.entries')}</th>
            <th scope="col">{t('incidents.logs.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {logs.map((log) => {
            const count = unsent.get(log.id) ?? 0;
            const period = periodNumber.get(text(log.fields.periodId));
            return (
              <tr key={log.id}>
                <th scope="row">
                  <a href={`/incidents/${incidentId}/logs/${log.id}`}>{text(log.fields.name)}</a>
                </th>
                <td>{text(log.fields.icsPosition) || t('incidents.none')}</td>
                <td>{period ? t('incidents.periods.row', { number: period }) : t('incidents.none')}</td>
                <td>{Number(log.fields.entryCount ?? 0)}</td>
                <td>
                  {count > 0 ? (
                    <span class="tag tag-pending">{t('incidents.logs.unsent', { count })}</span>
                  ) : (
                    t('incidents.logs.allSent')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
