// /permits/:id/inspections: one permit's inspections on a page of their own (the route sheet links here
// too); the permit's detail page shows the same PermitInspections component.
import { useRoute } from 'preact-iso';
import { getRecord } from '../../../../storage/sync-queries';
import { PageHeading } from '../../../components/page-heading';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useDatabase } from '../../../sync/use-sync-facts';
import { text } from './inspection-helpers';
import { inspectionMessages } from './messages';
import { PermitInspections } from './permit-inspections';

export function PermitInspectionsPage() {
  const t = useAreaT(inspectionMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const id = params.id ?? '';
  const permit = useLiveQuery(() => (db ? getRecord(db, id) : undefined), [db, id]);

  if (permit === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (permit === null || permit.kind !== 'permit' || permit.deleted) {
    const title = t('insp.heading');
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <p class="empty-state">{t('insp.permitPage.notFound')}</p>
        <p>
          <a href="/permits/inspections/today">{t('insp.today.link')}</a>
        </p>
      </>
    );
  }
  const number =
    text(permit.fields.number) || text(permit.fields.provisionalNumber) || t('insp.permitPage.noNumber');
  const title = t('insp.permitPage.title', { number });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{text(permit.fields.address)}</p>
      <PermitInspections permit={permit} />
      <p>
        <a href={`/permits/${permit.id}`}>{t('insp.permitPage.back')}</a>
      </p>
      <p>
        <a href="/permits/inspections/today">{t('insp.today.link')}</a>
      </p>
    </>
  );
}
