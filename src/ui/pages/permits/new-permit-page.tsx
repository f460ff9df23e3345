// A new permit, written on this device at once with a provisional number from the device's block; the
// official number arrives from the server with a later sync.
import { useLocation } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import { nextProvisionalNumber } from '../../../storage/provisional-numbers';
import { listPermitTypes } from '../../../storage/permit-queries';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { permitsMessages } from './messages';
import { PermitForm, valuesFrom } from './permit-form';
import { writeProblem } from './permit-write';
import { localToday } from './permit-helpers';
import '../../styles/permits.css';

export function NewPermitPage() {
  const t = useAreaT(permitsMessages);
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const types = useLiveQuery(() => (db ? listPermitTypes(db) : []), [db]);
  if (!user || !db) return <p class="muted">{t('app.loading')}</p>;
  const departments = user.departments;

  return (
    <>
      <PageHeading title={t('permits.newTitle')}>{t('permits.newTitle')}</PageHeading>
      {departments.length === 0 ? (
        <p class="empty-state">{t('permits.noDepartment')}</p>
      ) : (
        <PermitForm
          mode="create"
          initial={valuesFrom({ status: 'submitted', appliedDate: localToday() }, departments[0] ?? '')}
          departments={departments}
          types={types ?? []}
          submitLabel={t('permits.create')}
          onSave={async (fields, values) => {
            const id = uuidv7();
            const provisionalNumber = await nextProvisionalNumber(db, user.id);
            const result = await writeChange('record.create', {
              kind: 'permit',
              id,
              dept: values.dept,
              fields: { ...fields, provisionalNumber },
            });
            const problem = writeProblem(t, result);
            if (problem) return problem.message;
            announce(t('permits.created', { number: provisionalNumber }));
            route(`/permits/${id}`);
            return null;
          }}
        />
      )}
      <p>
        <a href="/permits">{t('permits.back')}</a>
      </p>
    </>
  );
}
