// The header: app name, connection state and language, then what the signed-in shell adds (the user's
// menu among the tools; navigation and sync status below), so the first screen needs no storage code.
import type { ComponentChildren } from 'preact';
import { useT } from '../i18n/use-t';
import { LanguageSelect } from './language-select';
import { NetworkIndicator } from './network-indicator';

export function SiteHeader({ tools, children }: { tools?: ComponentChildren; children?: ComponentChildren }) {
  const t = useT();
  return (
    <header class="site-header">
      <div class="header-bar">
        <a href="/" class="brand" aria-label={t('shell.homeLink')}>
          {t('app.name')}
        </a>
        <div class="header-tools">
          <NetworkIndicator />
          <LanguageSelect />
          {tools}
        </div>
      </div>
      {children}
    </header>
  );
}
