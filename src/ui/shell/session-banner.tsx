// Shown after the server answered 401: the app keeps working from this device, sync waits for sign-in.
import { useLocation } from 'preact-iso';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';

export function SessionBanner() {
  const t = useT();
  const { path } = useLocation();
  const expired = useAppStore((state) => state.sessionCheck === 'expired');
  if (!expired || path === '/sign-in') return null;
  return (
    <div class="banner banner-warning" role="region" aria-labelledby="session-banner-text">
      <p id="session-banner-text">
        <span aria-hidden="true">⚠ </span>
        {t('session.expired')}
      </p>
      <a class="button" href={`/sign-in?next=${encodeURIComponent(path)}`}>
        {t('session.signInAgain')}
      </a>
    </div>
  );
}
