// Page model: running an exercise — the controller console (/drills/:id/control: the scenario clock, the
// inject schedule with deliver now / hold / release and the expected-action status) and the player view
// (/drills/:id/play: released injects, acknowledge, log an action, the simulated outage switch).
import type { Locator, Page } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class DrillsPlayPage {
  constructor(readonly page: Page) {}

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  async openControl(exerciseId: string, name: string): Promise<void> {
    await this.page.goto(`/drills/${exerciseId}/control`);
    await this.heading(new RegExp(`^(Controller console|Consola de control): ${escape(name)}$`)).waitFor();
  }

  async openPlay(exerciseId: string, name: string): Promise<void> {
    await this.page.goto(`/drills/${exerciseId}/play`);
    await this.heading(new RegExp(`^(Player view|Vista del jugador): ${escape(name)}$`)).waitFor();
  }

  /** The EXERCISE banner's words, shown as text. */
  banner(): Locator {
    return this.page.getByRole('note').filter({ hasText: /EXERCISE|EJERCICIO/ });
  }

  // ---- controller console ----

  /** "T+00:05", the big scenario time. */
  clockTime(): Locator {
    return this.page.locator('#drills-clock-time');
  }

  /** "Running at 60 times real time", "Paused"… */
  clockState(text: string): Locator {
    return this.page.locator('#drills-clock-state').getByText(text, { exact: true });
  }

  async clockButton(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async setSpeed(speed: number): Promise<void> {
    await this.page.getByLabel('Speed', { exact: true }).selectOption(String(speed));
    await this.clockButton('Set the speed');
    await this.clockState(`Running at ${speed} times real time`).waitFor();
  }

  /** An inject of the schedule, by its number ("Inject 3 · T+00:15 · …"). */
  scheduleRow(number: number): Locator {
    return this.page.getByRole('listitem').filter({
      has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^Inject ${number} · `) }),
    });
  }

  /** The state sentence of an inject: "State: Delivered (by the clock)". */
  async stateOf(number: number): Promise<string> {
    return this.scheduleRow(number).locator('.drills-inject-state').innerText();
  }

  async injectAction(number: number, name: 'Deliver now' | 'Hold' | 'Release'): Promise<void> {
    await this.scheduleRow(number)
      .getByRole('button', { name: `${name} (inject ${number})`, exact: true })
      .click();
  }

  async setExpected(number: number, status: 'met' | 'partly' | 'not_met'): Promise<void> {
    const row = this.scheduleRow(number);
    await row.getByLabel(`Expected action status, inject ${number}`).selectOption(status);
    await row.getByRole('button', { name: `Set the status (inject ${number})`, exact: true }).click();
  }

  // ---- player view ----

  /** "Scenario time T+00:05 · Running at 60 times real time". */
  playerClock(): Locator {
    return this.page.locator('#drills-player-clock');
  }

  /** The headings of the injects shown to the player, top to bottom ("Inject 2 · T+00:10"). */
  async shownInjects(): Promise<string[]> {
    const list = this.page.locator('#drills-player-list');
    if ((await list.count()) === 0) return [];
    return list.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  playerInject(number: number): Locator {
    return this.page.getByRole('listitem').filter({
      has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^Inject ${number} · `) }),
    });
  }

  async acknowledge(number: number): Promise<void> {
    await this.playerInject(number)
      .getByRole('button', { name: `Acknowledge (inject ${number})`, exact: true })
      .click();
    await this.playerInject(number)
      .getByText(/^✓ Acknowledged by you/)
      .waitFor();
  }

  async logAction(text: string, number?: number): Promise<void> {
    if (number !== undefined) {
      const item = this.playerInject(number);
      await item.getByRole('button', { name: `Log an action (inject ${number})`, exact: true }).click();
      await item.getByLabel('What did you do?').fill(text);
      await item.getByRole('button', { name: 'Save the action', exact: true }).click();
    } else {
      const section = this.page.getByRole('region', { name: 'Log an action not tied to an inject' });
      await section.getByLabel('What did you do?').fill(text);
      await section.getByRole('button', { name: 'Save the action', exact: true }).click();
    }
    await this.myAction(text).waitFor();
  }

  /** One of my actions in "My actions" ("About inject 2 · <time>: text · not yet sent"). */
  myAction(text: string): Locator {
    return this.page.locator('#drills-my-actions-list li').filter({ hasText: text });
  }

  outageSwitch(): Locator {
    return this.page.getByRole('checkbox', {
      name: /^(Practice offline \(simulated outage\)|Practicar sin conexión \(corte simulado\))$/,
    });
  }

  outageStatus(): Locator {
    return this.page.getByRole('main').getByText('Offline (simulated for the exercise)', { exact: true });
  }

  liveRegion(): Locator {
    return this.page.locator('#live-region');
  }
}
