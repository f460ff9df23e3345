// Asks before signing out with unsent changes: they stay on this device, tied to this user, and are
// sent when the same user signs in here again.
import { ModalDialog } from '../components/modal-dialog';
import { useT } from '../i18n/use-t';

export function SignOutDialog(props: { unsent: number; onConfirm: () => void; onClose: () => void }) {
  const t = useT();
  return (
    <ModalDialog id="sign-out" title={t('signOut.heading')} onClose={props.onClose}>
      <p id="sign-out-body">{t('signOut.body', { count: props.unsent })}</p>
      <div class="button-row">
        <button type="button" class="button" onClick={props.onConfirm} aria-describedby="sign-out-body">
          {t('signOut.confirm')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('signOut.stay')}
        </button>
      </div>
    </ModalDialog>
  );
}
