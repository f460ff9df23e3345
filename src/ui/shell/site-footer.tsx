// The footer carries the app version and build id (the update test tells two builds apart by it).
import { useT } from '../i18n/use-t';

export function SiteFooter() {
  const t = useT();
  return (
    <footer class="site-footer">
      <p id="app-version">{t('shell.footer', { version: __APP_VERSION__, build: __BUILD_ID__ })}</p>
    </footer>
  );
}
