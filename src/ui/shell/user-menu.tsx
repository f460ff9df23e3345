// The signed-in user's name and the Sign out button (which asks first when changes are unsent).
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { countUnsent, readCachedSession } from '../../storage';
import { useT } from '../i18n/use-t';
import { signOut } from '../session/session';
import { currentDatabase } from '../store/app-store';
import { SignOutDialog } from './sign-out-dialog';

async function unsentOfCurrentUser(): Promise<number> {
  const db = currentDatabase();
  const user = db ? (await readCachedSession(db))?.user : null;
  return db && user ? countUnsent(db, user.id) : 0;
}

export function UserMenu({ displayName }: { displayName: string }) {
  const t = useT();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);

  const doSignOut = async () => {
    setConfirming(null);
    setBusy(true);
    await signOut();
    setBusy(false);
    route('/sign-in');
  };
  const onSignOut = async () => {
    const unsent = await unsentOfCurrentUser();
    if (unsent > 0) setConfirming(unsent);
    else await doSignOut();
  };

  return (
    <div class="user-menu">
      <span class="user-name">{t('shell.signedInAs', { name: displayName })}</span>
      <button type="button" class="button button-secondary" onClick={onSignOut} disabled={busy}>
        {t('shell.signOut')}
      </button>
      {confirming !== null && (
        <SignOutDialog unsent={confirming} onConfirm={doSignOut} onClose={() => setConfirming(null)} />
      )}
    </div>
  );
}
