// The app's version and build, this device's id and the database's state.
import { readSentinel, SCHEMA_VERSION, type HoldfastDatabase } from '../../../storage';
import { formatDateTime } from '../../format/format-date-time';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { deviceMessages, type DeviceT } from './messages';
import type { StorageStatus } from '../../store/app-store';
import { useAppStore } from '../../store/use-app-store';

function databaseText(t: DeviceT, storage: StorageStatus): string {
  switch (storage.state) {
    case 'ready':
      return t('device.dbReady', { version: String(SCHEMA_VERSION) });
    case 'opening':
      return t('device.dbOpening');
    case 'blocked':
      return t('device.dbBlocked');
    case 'closed':
      return t('device.dbClosed');
    case 'failed':
      return storage.kind === 'newer_version'
        ? t('device.dbNewer')
        : t('device.dbUnavailable', { detail: storage.detail });
  }
}

export function AppSection() {
  const t = useAreaT(deviceMessages);
  const storage = useAppStore((state) => state.storage);
  const db: HoldfastDatabase | null = storage.state === 'ready' ? storage.db : null;
  const sentinel = useLiveQuery(() => (db ? readSentinel(db) : null), [db]);

  return (
    <section aria-labelledby="device-app">
      <h2 id="device-app">{t('device.appHeading')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('device.version')}</dt>
          <dd>{__APP_VERSION__}</dd>
        </div>
        <div>
          <dt>{t('device.build')}</dt>
          <dd id="device-build">{__BUILD_ID__}</dd>
        </div>
        <div>
          <dt>{t('device.deviceId')}</dt>
          <dd id="device-id" class="mono">
            {storage.state === 'ready' ? storage.deviceId : t('device.unknown')}
          </dd>
        </div>
        <div>
          <dt>{t('device.createdAt')}</dt>
          <dd>{sentinel ? formatDateTime(sentinel.createdAt, t.language) : t('device.unknown')}</dd>
        </div>
        <div>
          <dt>{t('device.database')}</dt>
          <dd id="device-database">{databaseText(t, storage)}</dd>
        </div>
      </dl>
    </section>
  );
}
