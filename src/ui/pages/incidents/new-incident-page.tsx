// A new incident, written on this device at once (no network needed); it is sent with the next sync.
import { useLocation } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { writeChange } from '../../sync/write-change';
import { isoToLocal } from './incident-helpers';
import { INCIDENT_LABELS, IncidentForm, incidentValues } from './incident-form';
import { writeProblem } from './incident-write';
import { incidentsMessages } from './messages';
import '../../styles/incidents.css';

export function NewIncidentPage() {
  const t = useAreaT(incidentsMessages);
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const user = useCachedSession()?.user;
  if (!user) return <p class="muted">{t('app.loading')}</p>;
  const departments = user.departments;
  const first = departments[0] ?? '';
  const initial = {
    ...incidentValues({ status: 'active' }, first),
    startedAt: isoToLocal(new Date().toISOString()),
    departments: first,
  };

  return (
    <>
      <PageHeading title={t('incidents.form.newTitle')}>{t('incidents.form.newTitle')}</PageHeading>
      {departments.length === 0 ? (
        <p class="empty-state">{t('incidents.form.noDepartment')}</p>
      ) : (
        <IncidentForm
          mode="create"
          initial={initial}
          departments={departments}
          submitLabel={t('incidents.form.create')}
          onSave={async (fields, values) => {
            const id = uuidv7();
            const result = await writeChange('record.create', {
              kind: 'incident',
              id,
              dept: values.dept,
              fields,
            });
            const problem = writeProblem(t, result, INCIDENT_LABELS);
            if (problem) return problem;
            announce(t('incidents.form.created'));
            route(`/incidents/${id}`);
            return null;
          }}
        />
      )}
      <p>
        <a href="/incidents">{t('incidents.back')}</a>
      </p>
    </>
  );
}
