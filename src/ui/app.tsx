// The app shell: header, banners, routed main content, footer and the live region. The cached user
// is read from Dexie, so the app opens with no network; only a device with no user goes to sign-in.
import { ErrorBoundary, LocationProvider, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { useCachedSession } from './hooks/use-cached-session';
import { useT } from './i18n/use-t';
import { UpdatePrompt } from './pwa/update-prompt';
import { PUBLIC_PATHS, Routes } from './routes';
import { LiveRegion } from './shell/live-region';
import { SessionBanner } from './shell/session-banner';
import { SiteFooter } from './shell/site-footer';
import { SiteHeader } from './shell/site-header';
import { StorageGate } from './shell/storage-gate';
import { WipedBanner } from './shell/wiped-banner';
import { useAppStore } from './store/use-app-store';
import { currentDatabase } from './store/app-store';
import { readCachedSession } from '../storage';

export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}

function Shell() {
  const t = useT();
  const storage = useAppStore((state) => state.storage);
  const db = storage.state === 'ready' ? storage.db : null;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('shell.skipToMain')}
      </a>
      {db ? (
        <SignedInShell />
      ) : (
        <>
          <SiteHeader user={null} />
          <div class="banners">
            <UpdatePrompt />
          </div>
          <main id="main" tabIndex={-1}>
            <StorageGate />
          </main>
        </>
      )}
      <SiteFooter />
      <LiveRegion />
    </>
  );
}

function SignedInShell() {
  const t = useT();
  const { path, url, route } = useLocation();
  const cached = useCachedSession();
  const sessionCheck = useAppStore((state) => state.sessionCheck);
  const isPublic = PUBLIC_PATHS.includes(path);
  // Without a cached user, wait for the server's answer: a valid cookie can restore a wiped cache.
  const deciding = cached === undefined || (cached === null && sessionCheck === 'pending');
  const mustSignIn = !deciding && cached === null && !isPublic;

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
      <SiteHeader user={cached?.user ?? null} />
      <div class="banners">
        <UpdatePrompt />
        <SessionBanner />
        <WipedBanner />
      </div>
      <main id="main" tabIndex={-1}>
        {deciding || mustSignIn ? (
          <p class="muted">{t('app.loading')}</p>
        ) : (
          <ErrorBoundary onError={(error) => console.error(error)}>
            <Routes />
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}
