// Confirms deleting a note. Deletes always win in sync and nothing undeletes, so there is no undo: the
// dialog says so plainly instead.
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useAreaT } from '../../i18n/use-t';
import { notesMessages } from './messages';
import { writeChange } from '../../sync/write-change';
import { changeError } from './note-helpers';

export function DeleteNoteDialog(props: {
  id: string;
  title: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const t = useAreaT(notesMessages);
  return (
    <ConfirmDialog
      id="delete-note"
      title={t('notes.deleteHeading', { title: props.title })}
      body={t('notes.deleteBody')}
      confirmLabel={t('notes.deleteConfirm')}
      confirm={async () => changeError(t, await writeChange('record.delete', { kind: 'note', id: props.id }))}
      onDone={props.onDone}
      onClose={props.onClose}
    />
  );
}
