// Confirms disabling an account: it says plainly that the user's sessions end now.
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/error-message';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';
import { noteUnauthorized } from '../../session/session';
import type { AdminUser } from './use-admin-data';

export function DisableUserDialog(props: { user: AdminUser; onDone: () => void; onClose: () => void }) {
  const t = useAreaT(adminMessages);
  const disable = async () => {
    try {
      await api.updateUser(props.user.id, { disabled: true });
      return null;
    } catch (error) {
      noteUnauthorized(error);
      return errorMessage(t, error);
    }
  };
  return (
    <ConfirmDialog
      id="disable-user"
      title={t('admin.disableHeading', { name: props.user.displayName })}
      body={t('admin.disableBody')}
      confirmLabel={t('admin.disableConfirm')}
      confirm={disable}
      onDone={props.onDone}
      onClose={props.onClose}
    />
  );
}
