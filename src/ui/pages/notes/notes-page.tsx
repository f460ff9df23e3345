// Notes: shift handover notes, the first synced record kind. The list reads Dexie live, so it shows
// this device's own changes at once and what others wrote after each sync.
import { useLocation } from 'preact-iso';
import { listRecords } from '../../../storage';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../format/format-date-time';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { notesMessages } from './messages';
import { useDatabase } from '../../sync/use-sync-facts';
import { canWrite, noteStatusKey, text } from './note-helpers';
import { useCachedSession } from '../../hooks/use-cached-session';

export function NotesPage() {
  const t = useAreaT(notesMessages);
  const { route } = useLocation();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const notes = useLiveQuery(() => (db ? listRecords(db, 'note') : []), [db]);

  return (
    <>
      <PageHeading title={t('notes.title')}>{t('notes.title')}</PageHeading>
      <p class="lead">{t('notes.intro')}</p>
      {user && canWrite(user) && (
        <p>
          <button type="button" class="button" onClick={() => route('/notes/new')}>
            {t('notes.new')}
          </button>
        </p>
      )}
      {notes === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : notes.length === 0 ? (
        <p class="empty-state">{t('notes.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <caption>{t('notes.caption', { count: notes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notes.field.title')}</th>
                <th scope="col">{t('notes.field.status')}</th>
                <th scope="col">{t('notes.col.dept')}</th>
                <th scope="col">{t('notes.col.changed')}</th>
              </tr>
            </thead>
            <tbody>
              {notes.map((note) => (
                <tr key={note.id}>
                  <th scope="row">
                    <a href={`/notes/${note.id}`}>{text(note.fields.title)}</a>
                    {note.pending && <span class="tag tag-pending">{t('notes.unsentTag')}</span>}
                  </th>
                  <td>{t(noteStatusKey(note.fields.status))}</td>
                  <td>{note.dept}</td>
                  <td>
                    {t('notes.changedBy', {
                      time: formatDateTime(note.updatedAt, t.language),
                      user: note.updatedBy,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
