// A new ICS 213 general message for an incident: to and from (name, position), subject, date and time,
// message, approved by. Saved on this device at once; sent with the next sync.
import { useLocation, useRoute } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import { ics213MessageKind } from '../../../../domain/incidents/incident-kinds';
import { getRecord } from '../../../../storage';
import { PageHeading } from '../../../components/page-heading';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBadge } from '../exercise-badge';
import { text } from '../incident-helpers';
import { writeProblem } from '../incident-write';
import { incidentsMessages } from '../messages';
import { EntryForm, type EntryGroup } from './entry-form';
import '../../../styles/incidents.css';

export const MESSAGE_GROUPS: EntryGroup[] = [
  {
    legend: 'incidents.msg.group.to',
    fields: [
      { field: 'toName', label: 'incidents.field.toName', required: true },
      { field: 'toPosition', label: 'incidents.field.toPosition' },
    ],
  },
  {
    legend: 'incidents.msg.group.from',
    fields: [
      { field: 'fromName', label: 'incidents.field.fromName', required: true },
      { field: 'fromPosition', label: 'incidents.field.fromPosition' },
    ],
  },
  {
    legend: 'incidents.msg.group.message',
    fields: [
      { field: 'subject', label: 'incidents.field.subject', required: true },
      { field: 'sentAt', label: 'incidents.field.sentAt', control: 'time', required: true },
      { field: 'message', label: 'incidents.field.message', control: 'textarea', required: true },
    ],
  },
  {
    legend: 'incidents.msg.group.approved',
    fields: [
      { field: 'approvedByName', label: 'incidents.field.approvedByName' },
      { field: 'approvedByPosition', label: 'incidents.field.approvedByPosition' },
    ],
  },
];

export function NewMessagePage() {
  const t = useAreaT(incidentsMessages);
  const { params } = useRoute();
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const db = useDatabase();
  const incidentId = params.id ?? '';
  const incident = useLiveQuery(() => (db ? getRecord(db, incidentId) : undefined), [db, incidentId]);
  const title = t('incidents.msg.newTitle');

  if (incident === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (incident === null || incident.kind !== 'incident' || incident.deleted)
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <p class="empty-state">{t('incidents.notFound')}</p>
        <p>
          <a href="/incidents">{t('incidents.back')}</a>
        </p>
      </>
    );

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="incident-summary">
        <ExerciseBadge exercise={incident.fields.exercise} long />
        <span>
          {t('incidents.msg.incident')}: <strong>{text(incident.fields.name)}</strong>
        </span>
      </p>
      <EntryForm
        idPrefix="message"
        kind={ics213MessageKind}
        groups={MESSAGE_GROUPS}
        base={{ incidentId }}
        submitLabel={t('incidents.msg.send')}
        onSave={async (fields) => {
          const id = uuidv7();
          const result = await writeChange('entry.append', {
            kind: 'ics213_message',
            id,
            dept: incident.dept,
            fields,
          });
          const problem = writeProblem(t, result);
          if (problem) return problem;
          announce(t('incidents.msg.saved'));
          route(`/incidents/${incidentId}/general-messages/${id}`);
          return null;
        }}
      />
      <p>
        <a href={`/incidents/${incidentId}`}>{t('incidents.msg.backToIncident')}</a>
      </p>
    </>
  );
}
