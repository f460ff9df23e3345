// Comments on a note: append-only, so they are listed and added, never edited or removed.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { listRecords, type RecordView } from '../../../storage';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../../format/format-date-time';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { notesMessages } from './messages';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { changeError, text } from './note-helpers';

export function NoteComments({ note, writable }: { note: RecordView; writable: boolean }) {
  const t = useAreaT(notesMessages);
  const db = useDatabase();
  const announce = useAppStore((state) => state.announce);
  const comments = useLiveQuery(
    async () =>
      db
        ? (await listRecords(db, 'note_comment'))
            .filter((c) => c.fields.noteId === note.id)
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        : [],
    [db, note.id],
  );
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft.trim()) {
      setError(t('notes.error.commentRequired'));
      return;
    }
    const result = await writeChange('entry.append', {
      kind: 'note_comment',
      id: uuidv7(),
      dept: note.dept,
      fields: { noteId: note.id, text: draft.trim() },
    });
    const problem = changeError(t, result);
    setError(problem);
    if (!problem) {
      setDraft('');
      announce(t('notes.commentAdded'));
    }
  };

  return (
    <section aria-labelledby="note-comments">
      <h2 id="note-comments">{t('notes.commentsHeading')}</h2>
      {comments && comments.length > 0 ? (
        <ol class="comment-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <p>{text(comment.fields.text)}</p>
              <p class="muted">
                {t('notes.commentBy', {
                  user: comment.createdBy,
                  time: formatDateTime(comment.createdAt, t.language),
                })}
                {comment.pending && <span class="tag tag-pending">{t('notes.unsentTag')}</span>}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('notes.noComments')}</p>
      )}
      {writable && (
        <form class="form" onSubmit={onSubmit} noValidate aria-describedby="comment-error">
          <div class="field">
            <label for="comment-text">{t('notes.commentLabel')}</label>
            <textarea
              id="comment-text"
              rows={3}
              maxLength={2000}
              value={draft}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button button-secondary">
            {t('notes.addComment')}
          </button>
          <FormError id="comment-error" message={error} />
        </form>
      )}
    </section>
  );
}
