// "A new version is ready." with a Reload button; the new worker takes over only when the user asks.
import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';

export function UpdatePrompt() {
  const t = useT();
  const applyUpdate = useAppStore((state) => state.applyUpdate);
  const [applying, setApplying] = useState(false);
  if (!applyUpdate) return null;
  return (
    <div class="banner banner-info" role="region" aria-labelledby="update-prompt-text" id="update-prompt">
      <p id="update-prompt-text">{t('update.ready')}</p>
      <button
        type="button"
        class="button"
        disabled={applying}
        onClick={() => {
          setApplying(true);
          applyUpdate();
        }}
      >
        {t('update.reload')}
      </button>
    </div>
  );
}
