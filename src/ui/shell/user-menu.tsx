// The signed-in user's name and the Sign out button.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import { signOut } from '../session/session';

export function UserMenu({ displayName }: { displayName: string }) {
  const t = useT();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const onSignOut = async () => {
    setBusy(true);
    await signOut();
    setBusy(false);
    route('/sign-in');
  };
  return (
    <div class="user-menu">
      <span class="user-name">{t('shell.signedInAs', { name: displayName })}</span>
      <button type="button" class="button button-secondary" onClick={onSignOut} disabled={busy}>
        {t('shell.signOut')}
      </button>
    </div>
  );
}
