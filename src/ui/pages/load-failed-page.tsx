// Shown when a page's code could not be downloaded; reloading fetches it again.
import { StatusPage } from '../components/status-page';
import { useT } from '../i18n/use-t';

export function LoadFailedPage() {
  const t = useT();
  return (
    <StatusPage
      title={t('app.loadFailedTitle')}
      message={t('app.loadFailed')}
      reloadLabel={t('common.reload')}
    />
  );
}
