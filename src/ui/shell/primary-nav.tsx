// Primary navigation: the areas, the Device page and (for admins) Administration; the current page
// is marked with aria-current.
import { useLocation } from 'preact-iso';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/en';

const links: { href: string; label: MessageKey; adminOnly?: boolean }[] = [
  { href: '/notes', label: 'nav.notes' },
  { href: '/permits', label: 'nav.permits' },
  { href: '/incidents', label: 'nav.incidents' },
  { href: '/contacts', label: 'nav.contacts' },
  { href: '/checklists', label: 'nav.checklists' },
  { href: '/drills', label: 'nav.drills' },
  { href: '/device', label: 'nav.device' },
  { href: '/admin', label: 'nav.admin', adminOnly: true },
];

export function PrimaryNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const { path } = useLocation();
  return (
    <nav class="primary-nav" aria-label={t('shell.primaryNav')}>
      <ul>
        {links
          .filter((link) => isAdmin || !link.adminOnly)
          .map((link) => {
            const current = path === link.href || path.startsWith(`${link.href}/`);
            return (
              <li key={link.href}>
                <a href={link.href} aria-current={current ? 'page' : undefined}>
                  {t(link.label)}
                </a>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
