// The page model: where things are in the inspector, and the few gestures
// the specs repeat. Specs say what they check; this file says how to reach it.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Harness } from './fixtures';

const REPO = resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = resolve(REPO, 'test-results/screenshots');

export class InspectorPage {
  readonly page: Page;
  readonly origin: string;
  readonly harness: Harness;

  constructor(page: Page, origin: string, harness: Harness) {
    this.page = page;
    this.origin = origin;
    this.harness = harness;
  }

  async open(): Promise<void> {
    await this.page.goto(`${this.origin}/`);
    await expect(this.page.getByText('Open Lines Inspector', { exact: true })).toBeVisible();
  }

  /** Opens the app already connected to the test emulator's webhook. */
  async openConnected(): Promise<void> {
    await this.harness.connectWebhook();
    await this.open();
    await expect(this.lookupInput).toBeVisible();
  }

  /** The header's portal menu button. */
  get accountMenuButton(): Locator {
    return this.page.getByLabel('Connection').locator('button[aria-haspopup="menu"]');
  }

  /** Opens the portal menu and chooses an item (an account, the demo, or a command) by its name. */
  async accountMenuItem(name: string | RegExp): Promise<void> {
    await this.accountMenuButton.click();
    const menu = this.page.getByRole('menu', { name: 'Portals' });
    await menu.getByRole('menuitem', { name }).or(menu.getByRole('menuitemradio', { name })).click();
  }

  get lookupInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Dialog identifier' });
  }

  get lookupButton(): Locator {
    // Exact: the hint's "Look up all 12" (a list's offer) is another button.
    return this.page.getByRole('button', { name: /^(Look up|Looking up…)$/ });
  }

  get hint(): Locator {
    return this.page.locator('#lookup-hint');
  }

  get announcer(): Locator {
    return this.page.getByTestId('announcer');
  }

  get dialogName(): Locator {
    return this.page.locator('#dialog-name');
  }

  get errorPanel(): Locator {
    return this.page.locator('.error-panel');
  }

  get filterInput(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter fields' });
  }

  get filterCount(): Locator {
    return this.page.locator('#filter-count');
  }

  get sections(): Locator {
    return this.page.locator('section[data-section]');
  }

  numberAs(label: 'Chat id' | 'Session id'): Locator {
    return this.page.getByRole('radio', { name: label });
  }

  /** The table row of a field, by its path in the answer. */
  row(path: string): Locator {
    return this.page.locator(`tr[data-path="${path}"]`);
  }

  /** The "History" button in the title bar that shows and hides the history panel. */
  get historyToggle(): Locator {
    return this.page.locator('#history-toggle');
  }

  get historyPanel(): Locator {
    return this.page.locator('#history-panel');
  }

  /** The rows of the history panel, newest first. */
  get historyRows(): Locator {
    return this.historyPanel.locator('[data-history-id]');
  }

  /** A history row's re-run button (what is typed, what it found, when). */
  historyEntry(index: number): Locator {
    return this.historyRows.nth(index).locator('button.list-button');
  }

  get historySearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search history' });
  }

  /** The dialogs kept on this computer that match the history search. */
  get dialogHits(): Locator {
    return this.historyPanel.getByRole('list', { name: 'Dialogs kept on this computer' }).locator('li[data-hit]');
  }

  /** The banner over a copy read from this computer instead of the portal. */
  get offlineBanner(): Locator {
    return this.page.getByRole('status').filter({ hasText: /(Offline — showing the|Kept|still the) copy from/ });
  }

  /** Types an identifier and presses Enter; waits for a result or an error. */
  async lookUp(identifier: string): Promise<void> {
    await this.lookupInput.fill(identifier);
    await this.lookupInput.press('Enter');
    await expect(this.lookupButton).toHaveText('Look up');
  }

  async expectLoaded(name: string): Promise<void> {
    await expect(this.dialogName).toHaveText(name);
  }

  /** Full-page PNGs of the current state in the light and the dark theme. */
  async screenshot(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    // Clicks scroll the page; start from the top so sticky bars sit where a user sees them.
    await this.page.evaluate('window.scrollTo(0, 0)');
    for (const theme of ['light', 'dark'] as const) {
      await this.page.emulateMedia({ colorScheme: theme });
      await this.page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}-${theme}.png`), fullPage: true, animations: 'disabled' });
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
  }

  /** The window as seen, without scrolling, in the light and the dark theme: for overlays (palette, dialogs). */
  async windowScreenshot(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await this.page.emulateMedia({ colorScheme: theme });
      await this.page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}-${theme}.png`), animations: 'disabled' });
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
  }

  /** What the window shows without scrolling, light theme (the README's pictures come from readme-screenshots.spec.ts). */
  async viewportScreenshot(path: string): Promise<void> {
    await this.page.evaluate('window.scrollTo(0, 0)');
    await this.page.screenshot({ path, animations: 'disabled' });
  }
}
