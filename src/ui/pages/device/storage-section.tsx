// Persistent storage (with a Request button) and how much space Holdfast uses of what it may use.
import { useEffect, useState } from 'preact/hooks';
import {
  persistenceState,
  requestPersistence,
  storageEstimate,
  type PersistenceState,
  type StorageEstimateInfo,
} from '../../../storage';
import { formatBytes } from '../../format/format-bytes';
import { useAreaT } from '../../i18n/use-t';
import { deviceMessages } from './messages';
import type { DeviceKey } from './messages';
import { useAppStore } from '../../store/use-app-store';

const persistenceText: Record<PersistenceState, DeviceKey> = {
  granted: 'device.persistGranted',
  not_granted: 'device.persistNotGranted',
  unsupported: 'device.persistUnsupported',
};

export function StorageSection() {
  const t = useAreaT(deviceMessages);
  const announce = useAppStore((state) => state.announce);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [estimate, setEstimate] = useState<StorageEstimateInfo | null | undefined>(undefined);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    void persistenceState().then(setPersistence);
    void storageEstimate().then(setEstimate);
  }, []);

  const onRequest = async () => {
    const result = await requestPersistence();
    setPersistence(result);
    setDenied(result !== 'granted');
    announce(t(persistenceText[result]));
  };

  return (
    <section aria-labelledby="device-storage">
      <h2 id="device-storage">{t('device.storageHeading')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('device.persistence')}</dt>
          <dd>
            <p id="device-persistence">{persistence ? t(persistenceText[persistence]) : t('app.loading')}</p>
            {persistence === 'not_granted' && (
              <button
                type="button"
                class="button button-secondary"
                onClick={onRequest}
                aria-describedby="device-persistence"
              >
                {t('device.persistRequest')}
              </button>
            )}
            {denied && <p class="muted">{t('device.persistDenied')}</p>}
          </dd>
        </div>
        <div>
          <dt>{t('device.usage')}</dt>
          <dd id="device-usage">
            {estimate === undefined
              ? t('app.loading')
              : estimate === null
                ? t('device.usageUnknown')
                : t('device.usageValue', {
                    used: formatBytes(estimate.usage, t.language),
                    quota: formatBytes(estimate.quota, t.language),
                  })}
          </dd>
        </div>
      </dl>
    </section>
  );
}
