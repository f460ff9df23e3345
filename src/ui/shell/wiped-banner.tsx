// Explains a database that was cleared behind the app's back (detected by the missing sentinel row).
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';

export function WipedBanner() {
  const t = useT();
  const wiped = useAppStore((state) => state.storage.state === 'ready' && state.storage.wiped);
  const dismissed = useAppStore((state) => state.wipeNoticeDismissed);
  const set = useAppStore((state) => state.set);
  if (!wiped || dismissed) return null;
  return (
    <div class="banner banner-warning" role="region" aria-labelledby="wiped-banner-text">
      <p id="wiped-banner-text">
        <span aria-hidden="true">⚠ </span>
        {t('storage.wiped')}
      </p>
      <button
        type="button"
        class="button button-secondary"
        onClick={() => set({ wipeNoticeDismissed: true })}
      >
        {t('common.dismiss')}
      </button>
    </div>
  );
}
