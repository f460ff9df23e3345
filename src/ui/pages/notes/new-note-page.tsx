// A new note, written on this device at once and sent with the next sync.
import { useLocation } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useAreaT } from '../../i18n/use-t';
import { notesMessages } from './messages';
import { useAppStore } from '../../store/use-app-store';
import { writeChange } from '../../sync/write-change';
import { changeError, text } from './note-helpers';
import { NoteForm, type NoteValues } from './note-form';
import { useFix } from './use-fix';

export function NewNotePage() {
  const t = useAreaT(notesMessages);
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const user = useCachedSession()?.user;
  const fix = useFix();
  if (!user || fix.fields === undefined) return <p class="muted">{t('app.loading')}</p>;
  const departments = user.departments;

  const onSave = async (values: NoteValues) => {
    const id = uuidv7();
    const result = await writeChange('record.create', {
      kind: 'note',
      id,
      dept: values.dept,
      fields: { title: values.title, body: values.body, status: values.status },
    });
    const problem = changeError(t, result);
    if (problem) return problem;
    await fix.resolve();
    announce(t('notes.saved'));
    route(`/notes/${id}`);
    return null;
  };

  const from = fix.fields ?? {};
  return (
    <>
      <PageHeading title={t('notes.newTitle')}>{t('notes.newTitle')}</PageHeading>
      {departments.length === 0 ? (
        <p class="empty-state">{t('notes.noDepartment')}</p>
      ) : (
        <NoteForm
          initial={{
            title: text(from.title),
            body: text(from.body),
            status: text(from.status) || 'open',
            dept: departments[0] ?? '',
          }}
          departments={departments}
          onSave={onSave}
        />
      )}
      <p>
        <a href="/notes">{t('notes.back')}</a>
      </p>
    </>
  );
}
