// Page model: the sign-in screen.
import type { Locator, Page } from 'playwright-core';

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^(Sign in|Iniciar sesión)$/ });
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel(/^(Username|Nombre de usuario)$/).fill(username);
    await this.page.getByLabel(/^(Password|Contraseña)$/).fill(password);
    await this.page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
  }

  /** Signs in and waits until the shell shows the user's home screen. */
  async signInAs(username: string, password: string): Promise<void> {
    await this.signIn(username, password);
    await this.page.getByRole('button', { name: /^(Sign out|Cerrar sesión)$/ }).waitFor();
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}
