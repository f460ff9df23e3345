// The signed-in user's photos the server refused (wrong type, too large, a different file under the same
// id…): they stay on the device, counted as unsent, until the user tries again. Meant for the Device page,
// next to "Needs attention"; renders nothing when there are none.
import { useState } from 'preact/hooks';
import { listRefusedAttachments, retryAttachment, type AttachmentRow } from '../../storage/attachments';
import { useCachedSession } from '../hooks/use-cached-session';
import { useLiveQuery } from '../hooks/use-live-query';
import { useAreaT } from '../i18n/use-t';
import { syncAfterWrite } from '../sync/sync-runtime';
import { useDatabase } from '../sync/use-sync-facts';
import { photoMessages } from './messages';
import { usePhotoUrl } from './use-photo';
import '../styles/photos.css';

function RefusedPhoto(props: { row: AttachmentRow; number: number; onRetry: () => void }) {
  const t = useAreaT(photoMessages);
  const url = usePhotoUrl(props.row);
  return (
    <li class="photo-thumb">
      {url && <img src={url} alt={t('photos.alt', { number: props.number })} />}
      <p class="field-error">{t('photos.refused', { reason: props.row.refused?.message ?? '' })}</p>
      <button type="button" class="button button-secondary button-small" onClick={props.onRetry}>
        {t('photos.retry', { number: props.number })}
      </button>
    </li>
  );
}

export function PhotoProblems() {
  const t = useAreaT(photoMessages);
  const db = useDatabase();
  const userId = useCachedSession()?.user.id ?? null;
  const rows = useLiveQuery(() => (db && userId ? listRefusedAttachments(db, userId) : []), [db, userId]);
  const [status, setStatus] = useState('');
  if (!rows?.length && !status) return null;
  const retry = async (row: AttachmentRow, number: number) => {
    if (!db) return;
    await retryAttachment(db, row.id);
    setStatus(t('photos.retrying', { number }));
    syncAfterWrite();
  };
  return (
    <section aria-labelledby="photo-problems-heading">
      <h2 id="photo-problems-heading">{t('photos.problemsHeading')}</h2>
      <p>{t('photos.problemsIntro')}</p>
      <ul class="photo-thumbs">
        {(rows ?? []).map((row, index) => (
          <RefusedPhoto
            key={row.id}
            row={row}
            number={index + 1}
            onRetry={() => void retry(row, index + 1)}
          />
        ))}
      </ul>
      <p role="status">{status}</p>
    </section>
  );
}
