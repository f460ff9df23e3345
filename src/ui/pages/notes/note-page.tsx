// One note: edit its title, body and status, delete it (after confirmation), and read or add comments.
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { JsonObject } from '../../../domain/sync';
import { getRecord } from '../../../storage';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../format/format-date-time';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { notesMessages } from './messages';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { DeleteNoteDialog } from './delete-note-dialog';
import { canWrite, changeError, text } from './note-helpers';
import { NoteComments } from './note-comments';
import { NoteForm, type NoteValues } from './note-form';
import { useFix } from './use-fix';

export function NotePage() {
  const t = useAreaT(notesMessages);
  const { params } = useRoute();
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const id = params.id ?? '';
  const note = useLiveQuery(() => (db ? getRecord(db, id) : undefined), [db, id]);
  const fix = useFix();
  const [deleting, setDeleting] = useState(false);

  if (note === undefined || fix.fields === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (note === null || note.kind !== 'note' || note.deleted) {
    const message = note?.deleted ? t('notes.deletedPage') : t('notes.notFound');
    return (
      <>
        <PageHeading title={t('notes.title')}>{t('notes.title')}</PageHeading>
        <p class="empty-state">{message}</p>
        <p>
          <a href="/notes">{t('notes.back')}</a>
        </p>
      </>
    );
  }

  const title = text(note.fields.title);
  const start: JsonObject = { ...note.fields, ...fix.fields };
  const onSave = async (values: NoteValues, started: NoteValues) => {
    // Only what the person changed in this form; a fix sends the refused values again.
    const fields: JsonObject = {};
    for (const key of ['title', 'body', 'status'] as const) {
      const changed = fix.fields ? values[key] !== text(note.fields[key]) : values[key] !== started[key];
      if (changed) fields[key] = values[key];
    }
    if (Object.keys(fields).length === 0) {
      await fix.resolve();
      announce(t('notes.nothingChanged'));
      return null;
    }
    const problem = changeError(t, await writeChange('record.update', { kind: 'note', id, fields }));
    if (problem) return problem;
    await fix.resolve();
    announce(t('notes.saved'));
    return null;
  };

  const onDeleted = () => {
    announce(t('notes.deleted', { title }));
    route('/notes');
  };

  const writable = !!user && canWrite(user);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="muted">
        {t('notes.meta', {
          dept: note.dept,
          user: note.updatedBy,
          time: formatDateTime(note.updatedAt, t.language),
        })}
        {note.pending && <span class="tag tag-pending">{t('notes.unsentTag')}</span>}
      </p>
      {writable ? (
        <NoteForm
          key={`${note.id}:${fix.fields ? 'fix' : 'edit'}`}
          initial={{
            title: text(start.title),
            body: text(start.body),
            status: text(start.status),
            dept: note.dept,
          }}
          onSave={onSave}
        />
      ) : (
        <p class="note-body">{text(note.fields.body)}</p>
      )}
      {writable && (
        <p>
          <button type="button" class="button button-danger" onClick={() => setDeleting(true)}>
            {t('notes.delete')}
          </button>
        </p>
      )}
      {deleting && (
        <DeleteNoteDialog id={id} title={title} onDone={onDeleted} onClose={() => setDeleting(false)} />
      )}
      <NoteComments note={note} writable={writable} />
      <p>
        <a href="/notes">{t('notes.back')}</a>
      </p>
    </>
  );
}
