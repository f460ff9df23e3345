// Editing a permit's details. Number and status are not edited here: the server gives the number, and
// the status moves only through status changes on the permit's page.
import { useLocation, useRoute } from 'preact-iso';
import type { JsonObject } from '../../../domain/sync';
import { getRecord } from '../../../storage';
import { listPermitTypes } from '../../../storage/permit-queries';
import { PageHeading } from '../../components/page-heading';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { permitsMessages } from './messages';
import { PermitForm, valuesFrom } from './permit-form';
import { permitNumberText } from './permit-number';
import { writeProblem } from './permit-write';
import '../../styles/permits.css';

export function EditPermitPage() {
  const t = useAreaT(permitsMessages);
  const { params } = useRoute();
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const db = useDatabase();
  const id = params.id ?? '';
  // The form keeps what the person types; a pull while it is open only refreshes `previous` (validation).
  const permit = useLiveQuery(() => (db ? getRecord(db, id) : undefined), [db, id]);
  const types = useLiveQuery(() => (db ? listPermitTypes(db) : []), [db]);

  if (permit === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (permit === null || permit.kind !== 'permit' || permit.deleted)
    return (
      <>
        <PageHeading title={t('permits.title')}>{t('permits.title')}</PageHeading>
        <p class="empty-state">{t('permits.notFound')}</p>
        <p>
          <a href="/permits">{t('permits.back')}</a>
        </p>
      </>
    );

  const number = permitNumberText(t, permit.fields);
  const title = t('permits.editTitle', { number });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <PermitForm
        key={permit.id}
        mode="update"
        initial={valuesFrom(permit.fields, permit.dept)}
        previous={permit.fields}
        types={types ?? []}
        submitLabel={t('common.save')}
        onSave={async (fields: JsonObject) => {
          if (Object.keys(fields).length === 0) {
            announce(t('permits.nothingChanged'));
            route(`/permits/${id}`);
            return null;
          }
          const problem = writeProblem(t, await writeChange('record.update', { kind: 'permit', id, fields }));
          if (problem) return problem.message;
          announce(t('permits.saved'));
          route(`/permits/${id}`);
          return null;
        }}
      />
      <p>
        <a href={`/permits/${id}`}>{t('permits.backToPermit', { number })}</a>
      </p>
    </>
  );
}
