// Conflicts: a field two devices changed at once. The server kept its value; the user sees both values
// side by side and picks one, or types a merged value. The choice is itself a synced change.
import { conflictFieldsOf } from '../../../domain/sync';
import { getRecord, listOpenConflicts } from '../../../storage';
import { PageHeading } from '../../components/page-heading';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { syncInboxMessages } from './messages';
import { useDatabase } from '../../sync/use-sync-facts';
import { ConflictCard } from './conflict-card';

export function ConflictsPage() {
  const t = useAreaT(syncInboxMessages);
  const db = useDatabase();
  const items = useLiveQuery(async () => {
    if (!db) return [];
    const conflicts = await listOpenConflicts(db);
    return Promise.all(
      conflicts.flatMap((record) => {
        const fields = conflictFieldsOf(record);
        return fields ? [getRecord(db, fields.recordId).then((target) => ({ record, fields, target }))] : [];
      }),
    );
  }, [db]);

  return (
    <>
      <PageHeading title={t('conflicts.title')}>{t('conflicts.title')}</PageHeading>
      <p class="lead">{t('conflicts.intro')}</p>
      {items === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p class="empty-state">{t('conflicts.empty')}</p>
      ) : (
        <ul class="inbox-list">
          {items.map((item) => (
            <ConflictCard key={item.record.id} {...item} />
          ))}
        </ul>
      )}
    </>
  );
}
