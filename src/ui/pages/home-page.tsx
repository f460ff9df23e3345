// The overview: what each area is for, and whether this device is connected and has anything unsent.
import { PageHeading } from '../components/page-heading';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/en';
import { useAppStore } from '../store/use-app-store';
import type { NetworkState } from '../store/app-store';
import { useSyncFacts } from '../sync/use-sync-facts';

const areas: { href: string; name: MessageKey; about: MessageKey }[] = [
  { href: '/notes', name: 'nav.notes', about: 'notes.intro' },
  { href: '/permits', name: 'nav.permits', about: 'home.area.permits' },
  { href: '/incidents', name: 'nav.incidents', about: 'home.area.incidents' },
  { href: '/contacts', name: 'nav.contacts', about: 'home.area.contacts' },
  { href: '/checklists', name: 'nav.checklists', about: 'home.area.checklists' },
  { href: '/drills', name: 'nav.drills', about: 'home.area.drills' },
  { href: '/print/packet', name: 'home.packet', about: 'home.area.packet' },
];

// Worded differently from the header's indicator on purpose: one "Online" per page for tests and readers.
const connection: Record<NetworkState, MessageKey> = {
  online: 'home.connectionOnline',
  offline: 'home.connectionOffline',
  unreachable: 'home.connectionUnreachable',
};

export function HomePage() {
  const t = useT();
  const network = useAppStore((state) => state.network);
  const unsent = useSyncFacts()?.unsent ?? 0;
  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.title')}</PageHeading>
      <p class="lead">{t('home.intro')}</p>
      <section aria-labelledby="home-status">
        <h2 id="home-status">{t('home.statusHeading')}</h2>
        <dl class="facts">
          <div>
            <dt>{t('home.connection')}</dt>
            <dd>{t(connection[network])}</dd>
          </div>
          <div>
            <dt>{t('home.sync')}</dt>
            <dd>{unsent > 0 ? t('sync.unsent', { count: unsent }) : t('home.syncIdle')}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="home-areas">
        <h2 id="home-areas">{t('home.areasHeading')}</h2>
        <ul class="area-list">
          {areas.map((area) => (
            <li key={area.href}>
              <a href={area.href}>{t(area.name)}</a>
              <p>{t(area.about)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
