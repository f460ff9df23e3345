// The sync status on every page: state (icon and word, never colour alone), what is unsent, the last
// good sync, the current problem in plain words, the two inboxes and a "Sync now" button.
import type { SyncStatus } from '../../sync';
import { formatDateTime } from '../format/format-date-time';
import type { MessageKey } from '../i18n/en';
import { useT, type Translate } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';
import { useSyncFacts } from '../sync/use-sync-facts';
import { syncEngine } from '../sync/sync-runtime';
import { problemText } from '../sync/problem-text';

type Shown = SyncStatus['state'] | 'synced' | 'never';

const stateText: Record<Shown, MessageKey> = {
  idle: 'sync.state.waiting',
  synced: 'sync.state.synced',
  never: 'sync.state.never',
  syncing: 'sync.state.syncing',
  offline: 'sync.state.offline',
  error: 'sync.state.error',
  'paused-signed-out': 'sync.state.paused',
};

// Shapes that differ by form: a check, two arrows, a hollow ring, a triangle, a pause sign.
const icons: Record<Shown, string> = {
  synced: 'M6.5 11.2 3.3 8l-1.1 1.1 4.3 4.3 8-8-1.1-1.1z',
  idle: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zm-.8 3v4.2l3.4 2 .7-1.2-2.6-1.5V4.5z',
  never: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zm-.8 3v4.2l3.4 2 .7-1.2-2.6-1.5V4.5z',
  syncing:
    'M8 2a6 6 0 0 1 5.7 4H11l3 3 3-3h-1.9A8 8 0 0 0 8 0zM8 14a6 6 0 0 1-5.7-4H5L2 7l-3 3h1.9A8 8 0 0 0 8 16z',
  offline: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2zm0 2.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
  error: 'M8 1.5 15 14H1L8 1.5zm-.9 4.5v4h1.8V6H7.1zm0 5v1.8h1.8V11H7.1z',
  'paused-signed-out': 'M4 2h3v12H4zm5 0h3v12H9z',
};

function shownState(status: SyncStatus, unsent: number, lastSyncAt: string | null): Shown {
  if (status.state !== 'idle') return status.state;
  if (unsent > 0) return 'idle';
  return lastSyncAt ? 'synced' : 'never';
}

function lastSyncText(t: Translate, lastSyncAt: string | null): string {
  return lastSyncAt
    ? t('sync.lastSync', { time: formatDateTime(lastSyncAt, t.language) })
    : t('sync.neverSynced');
}

export function SyncBar() {
  const t = useT();
  const status = useAppStore((state) => state.sync);
  const announce = useAppStore((state) => state.announce);
  const facts = useSyncFacts();
  const unsent = facts?.unsent ?? status.unsent;
  const lastSyncAt = facts?.lastSyncAt ?? status.lastSyncAt;
  const shown = shownState(status, unsent, lastSyncAt);

  const onSyncNow = async () => {
    const engine = syncEngine();
    if (!engine) return;
    announce(t('sync.started'));
    const after = await engine.syncNow();
    announce(after.problem ? problemText(t, after.problem) : t('sync.finished'));
  };

  return (
    <div class="sync-bar" data-state={shown}>
      <p class={`sync-state sync-${shown}`} id="sync-state">
        <svg
          class="sync-icon"
          viewBox="0 0 16 16"
          width="16"
          height="16"
          aria-hidden="true"
          focusable="false"
        >
          <path d={icons[shown]} fill="currentColor" fill-rule="evenodd" />
        </svg>
        <span>{t(stateText[shown])}</span>
      </p>
      <p id="sync-unsent">{unsent > 0 ? t('sync.unsent', { count: unsent }) : t('sync.allSent')}</p>
      <p id="sync-last">{lastSyncText(t, lastSyncAt)}</p>
      {status.problem && (
        <p id="sync-problem" class="sync-problem">
          <span aria-hidden="true">⚠ </span>
          {problemText(t, status.problem)}
        </p>
      )}
      <p class="sync-inboxes">
        <a href="/sync/attention">{t('attention.title')}</a>
        <span class="sync-count">{t('sync.count', { count: facts?.rejections ?? 0 })}</span>
        <a href="/sync/conflicts">{t('conflicts.title')}</a>
        <span class="sync-count">{t('sync.count', { count: facts?.conflicts ?? 0 })}</span>
      </p>
      <button type="button" class="button button-secondary button-small" onClick={onSyncNow}>
        {t('sync.now')}
      </button>
    </div>
  );
}
