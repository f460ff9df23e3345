// Confirms disabling an account: it says plainly that the user's sessions end now.
import { useState } from 'preact/hooks';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/error-message';
import { FormError } from '../../components/form-error';
import { ModalDialog } from '../../components/modal-dialog';
import { useT } from '../../i18n/use-t';
import { noteUnauthorized } from '../../session/session';
import type { AdminUser } from './use-admin-data';

export function DisableUserDialog(props: { user: AdminUser; onDone: () => void; onClose: () => void }) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onConfirm = async () => {
    setBusy(true);
    try {
      await api.updateUser(props.user.id, { disabled: true });
      props.onDone();
    } catch (error) {
      noteUnauthorized(error);
      setFormError(errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      id="disable-user"
      title={t('admin.disableHeading', { name: props.user.displayName })}
      onClose={props.onClose}
    >
      <p id="disable-user-body">{t('admin.disableBody')}</p>
      <FormError id="disable-user-error" message={formError} />
      <div class="button-row">
        <button
          type="button"
          class="button button-danger"
          onClick={onConfirm}
          disabled={busy}
          aria-describedby="disable-user-body"
        >
          {t('admin.disableConfirm')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
