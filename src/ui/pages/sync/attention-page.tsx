// Needs attention: changes the server refused. Each says what it was and why; Fix reopens the edit
// with its values, Discard (after confirmation) forgets it. The queue never waits on these.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { discardRejection, getRecord, listRejections, type RejectionRow } from '../../../storage';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../format/format-date-time';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { syncInboxMessages } from './messages';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { fixLink } from '../notes/use-fix';
import { describeEntry } from './describe-entry';
import { reasonText } from './reason-text';

export function AttentionPage() {
  const t = useAreaT(syncInboxMessages);
  const { route } = useLocation();
  const db = useDatabase();
  const announce = useAppStore((state) => state.announce);
  const userId = useCachedSession()?.user.id ?? null;
  const rows = useLiveQuery(async () => {
    if (!db || !userId) return [];
    const list = await listRejections(db, userId);
    return Promise.all(
      list.map(async (row) => {
        const target = (row.entry.args as { id?: string }).id;
        return { row, record: target ? await getRecord(db, target) : null };
      }),
    );
  }, [db, userId]);
  const [discarding, setDiscarding] = useState<RejectionRow | null>(null);

  const onDiscard = async () => {
    if (db && discarding) await discardRejection(db, discarding.clientId, discarding.seq);
    setDiscarding(null);
    return null;
  };

  return (
    <>
      <PageHeading title={t('attention.title')}>{t('attention.title')}</PageHeading>
      <p class="lead">{t('attention.intro')}</p>
      {rows === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="empty-state">{t('attention.empty')}</p>
      ) : (
        <ul class="inbox-list">
          {rows.map(({ row, record }) => {
            const what = describeEntry(t, row.entry, record);
            const fix = fixLink(row);
            const headingId = `rejection-${row.seq}`;
            return (
              <li key={`${row.clientId}:${row.seq}`} class="inbox-item">
                <h2 id={headingId}>{what}</h2>
                <dl class="facts">
                  <div>
                    <dt>{t('attention.reason')}</dt>
                    <dd>{reasonText(t, row.reason)}</dd>
                  </div>
                  <div>
                    <dt>{t('attention.when')}</dt>
                    <dd>
                      {t('attention.whenValue', {
                        made: formatDateTime(row.entry.at, t.language),
                        refused: formatDateTime(row.rejectedAt, t.language),
                      })}
                    </dd>
                  </div>
                </dl>
                <div class="button-row">
                  {fix && (
                    <button
                      type="button"
                      class="button"
                      onClick={() => route(fix)}
                      aria-describedby={headingId}
                    >
                      {t('attention.fix')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="button button-secondary"
                    onClick={() => setDiscarding(row)}
                    aria-describedby={headingId}
                  >
                    {t('attention.discard')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {discarding && (
        <ConfirmDialog
          id="discard-change"
          title={t('attention.discardHeading')}
          body={t('attention.discardBody')}
          confirmLabel={t('attention.discardConfirm')}
          confirm={onDiscard}
          onDone={() => announce(t('attention.discarded'))}
          onClose={() => setDiscarding(null)}
        />
      )}
    </>
  );
}
