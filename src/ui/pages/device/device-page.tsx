// The Device page: storage health, app version and build, device id and database status.
import { PageHeading } from '../../components/page-heading';
import { useT } from '../../i18n/use-t';
import { AppSection } from './app-section';
import { StorageSection } from './storage-section';

export function DevicePage() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('device.title')}>{t('device.title')}</PageHeading>
      <StorageSection />
      <AppSection />
    </>
  );
}
