// Page model: the shell around every screen (navigation, network indicator, language, update prompt).
import type { Locator, Page } from 'playwright-core';

export const AREAS = [
  { link: 'Permits', heading: 'Permits', path: '/permits' },
  { link: 'Incidents', heading: 'Incidents', path: '/incidents' },
  { link: 'Contacts', heading: 'Contacts', path: '/contacts' },
  { link: 'Checklists', heading: 'Checklists', path: '/checklists' },
  { link: 'Drills', heading: 'Drills', path: '/drills' },
  { link: 'Device', heading: 'Device', path: '/device' },
] as const;

export class AppShell {
  constructor(readonly page: Page) {}

  nav(): Locator {
    return this.page.getByRole('navigation', { name: /main|principal/i });
  }

  navLink(name: string): Locator {
    return this.nav().getByRole('link', { name, exact: true });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  networkStatus(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }

  language(): Locator {
    return this.page.getByRole('combobox', { name: /^(Language|Idioma)/ });
  }

  signOut(): Locator {
    return this.page.getByRole('button', { name: /^(Sign out|Cerrar sesión)$/ });
  }

  reloadPrompt(): Locator {
    return this.page.getByRole('button', { name: 'Reload' });
  }

  async open(area: string): Promise<void> {
    await this.navLink(area).click();
    await this.page.getByRole('heading', { level: 1, name: area }).waitFor();
  }

  /** Resolves once a service worker controls this page. */
  async waitForServiceWorker(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
  }
}
