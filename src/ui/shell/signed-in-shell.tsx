// The shell once storage is open: the header with the user's menu, navigation and sync status, the
// banners and the routed page. A chunk of its own (it reads Dexie), loaded while the first screen paints.
// Only a device with no cached user goes to sign-in. Public pages (sign-in, setup) never come here: the
// app shows them in its public shell (app.tsx).
import { ErrorBoundary, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { canManageUsers } from '../../domain/users';
import { readCachedSession } from '../../storage';
import { useCachedSession } from '../hooks/use-cached-session';
import { useT } from '../i18n/use-t';
import { UpdatePrompt } from '../pwa/update-prompt';
import { Routes } from '../routes';
import { currentDatabase } from '../store/app-store';
import { useAppStore } from '../store/use-app-store';
import { PrimaryNav } from './primary-nav';
import { SessionBanner } from './session-banner';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { SyncBar } from './sync-bar';
import { UserMenu } from './user-menu';
import { ExerciseModeBanner } from './exercise-mode-banner';
import { WipedBanner } from './wiped-banner';

export function SignedInShell() {
  const t = useT();
  const { path, url, route } = useLocation();
  const cached = useCachedSession();
  const sessionCheck = useAppStore((state) => state.sessionCheck);
  // Without a cached user, wait for the server's answer: a valid cookie can restore a wiped cache.
  const deciding = cached === undefined || (cached === null && sessionCheck === 'pending');
  const mustSignIn = !deciding && cached === null;
  const user = cached?.user ?? null;

  useEffect(() => {
    if (!mustSignIn) return;
    let cancelled = false;
    // Ask the database itself: right after sign-in the live query may not have caught up yet.
    const db = currentDatabase();
    void (db ? readCachedSession(db) : Promise.resolve(null)).then((session) => {
      if (!cancelled && !session)
        route(`/sign-in${path === '/' ? '' : `?next=${encodeURIComponent(url)}`}`, true);
    });
    return () => {
      cancelled = true;
    };
  }, [mustSignIn, path, url, route]);

  return (
    <>
      <SiteHeader tools={user && <UserMenu displayName={user.displayName} />}>
        {user && <PrimaryNav isAdmin={canManageUsers(user.role)} />}
        {user && <SyncBar />}
      </SiteHeader>
      <div class="banners">
        <UpdatePrompt />
        <SessionBanner />
        <WipedBanner />
        <ExerciseModeBanner />
      </div>
      {/* The page replaces the loading note (a new main, not the old one pushed down by the navigation that
          appears with the user), and the footer comes with the page rather than jumping ahead of it. */}
      {deciding || mustSignIn ? (
        <main id="main" tabIndex={-1} key="loading">
          <p class="muted">{t('app.loading')}</p>
        </main>
      ) : (
        <>
          <main id="main" tabIndex={-1} key="page">
            <ErrorBoundary onError={(error) => console.error(error)}>
              <Routes />
            </ErrorBoundary>
          </main>
          <SiteFooter />
        </>
      )}
    </>
  );
}
