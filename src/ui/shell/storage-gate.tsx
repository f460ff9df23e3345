// What the page shows while the database is not usable: opening, blocked by another tab, closed by an
// upgrade in another tab, or failed (newer version, private mode, storage disabled).
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';
import { StatusPage } from '../components/status-page';

export function StorageGate() {
  const t = useT();
  const storage = useAppStore((state) => state.storage);
  const title = t('storage.problemTitle');
  switch (storage.state) {
    case 'ready':
    case 'opening':
      return <p class="muted">{t('app.loading')}</p>;
    case 'blocked':
      return <StatusPage title={t('app.name')} message={t('storage.blocked')} />;
    case 'closed':
      return (
        <StatusPage
          title={t('app.name')}
          message={t('storage.versionChange')}
          reloadLabel={t('common.reload')}
        />
      );
    case 'failed':
      return storage.kind === 'newer_version' ? (
        <StatusPage title={title} message={t('storage.newerVersion')} reloadLabel={t('common.reload')} />
      ) : (
        <StatusPage title={title} message={t('storage.unavailable')} detail={storage.detail} />
      );
  }
}
