// Asks before a destructive action: says what will happen, runs it, and keeps the dialog open with a
// plain message when it fails. `confirm` resolves to an error message, or null when it succeeded.
import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import { FormError } from './form-error';
import { ModalDialog } from './modal-dialog';

export function ConfirmDialog(props: {
  id: string;
  title: string;
  body: string;
  confirmLabel: string;
  confirm: () => Promise<string | null>;
  onDone: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onConfirm = async () => {
    setBusy(true);
    const problem = await props.confirm();
    setBusy(false);
    if (problem) setError(problem);
    else props.onDone();
  };

  return (
    <ModalDialog id={props.id} title={props.title} onClose={props.onClose}>
      <p id={`${props.id}-body`}>{props.body}</p>
      <FormError id={`${props.id}-error`} message={error} />
      <div class="button-row">
        <button
          type="button"
          class="button button-danger"
          onClick={onConfirm}
          disabled={busy}
          aria-describedby={`${props.id}-body`}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
