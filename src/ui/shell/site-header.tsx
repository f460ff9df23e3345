// The header: app name, primary navigation, connection state, language, the signed-in user and sync.
import type { UserProfile } from '../../domain/users';
import { canManageUsers } from '../../domain/users';
import { useT } from '../i18n/use-t';
import { LanguageSelect } from './language-select';
import { NetworkIndicator } from './network-indicator';
import { PrimaryNav } from './primary-nav';
import { SyncBar } from './sync-bar';
import { UserMenu } from './user-menu';

export function SiteHeader({ user }: { user: UserProfile | null }) {
  const t = useT();
  return (
    <header class="site-header">
      <div class="header-bar">
        <a href="/" class="brand" aria-label={t('shell.homeLink')}>
          {t('app.name')}
        </a>
        <div class="header-tools">
          <NetworkIndicator />
          <LanguageSelect />
          {user && <UserMenu displayName={user.displayName} />}
        </div>
      </div>
      {user && <PrimaryNav isAdmin={canManageUsers(user.role)} />}
      {user && <SyncBar />}
    </header>
  );
}
