// The Device page: storage health, moving changes by file, the outage packet reminder, app version and build, device id and database.
import { PageHeading } from '../../components/page-heading';
import { useAreaT } from '../../i18n/use-t';
import { deviceMessages } from './messages';
import { AppSection } from './app-section';
import { StorageSection } from './storage-section';
import { PhotoProblems } from '../../photos/photo-problems';
import { SyncSection } from './sync-section';
import { PacketSection } from './packet-section';

export function DevicePage() {
  const t = useAreaT(deviceMessages);
  return (
    <>
      <PageHeading title={t('device.title')}>{t('device.title')}</PageHeading>
      <StorageSection />
      <SyncSection />
      <PacketSection />
      <PhotoProblems />
      <AppSection />
    </>
  );
}
