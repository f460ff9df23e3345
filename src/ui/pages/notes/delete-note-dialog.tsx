// Confirms deleting a note. Deletes always win in sync and nothing undeletes, so there is no undo: the
// dialog says so plainly instead.
import { useState } from 'preact/hooks';
import { FormError } from '../../components/form-error';
import { ModalDialog } from '../../components/modal-dialog';
import { useT } from '../../i18n/use-t';
import { writeChange } from '../../sync/write-change';
import { changeError } from './note-helpers';

export function DeleteNoteDialog(props: {
  id: string;
  title: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onConfirm = async () => {
    setBusy(true);
    const problem = changeError(t, await writeChange('record.delete', { kind: 'note', id: props.id }));
    setBusy(false);
    if (problem) setError(problem);
    else props.onDone();
  };

  return (
    <ModalDialog
      id="delete-note"
      title={t('notes.deleteHeading', { title: props.title })}
      onClose={props.onClose}
    >
      <p id="delete-note-body">{t('notes.deleteBody')}</p>
      <FormError id="delete-note-error" message={error} />
      <div class="button-row">
        <button
          type="button"
          class="button button-danger"
          onClick={onConfirm}
          disabled={busy}
          aria-describedby="delete-note-body"
        >
          {t('notes.deleteConfirm')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
