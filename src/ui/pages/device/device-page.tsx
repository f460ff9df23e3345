// The Device page: storage health, moving changes by file, app version and build, device id and database.
import { PageHeading } from '../../components/page-heading';
import { useT } from '../../i18n/use-t';
import { AppSection } from './app-section';
import { StorageSection } from './storage-section';
import { SyncSection } from './sync-section';

export function DevicePage() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('device.title')}>{t('device.title')}</PageHeading>
      <StorageSection />
      <SyncSection />
      <AppSection />
    </>
  );
}
