// Every main screen scanned with axe-core (WCAG 2.0-2.2 A and AA) in the light
// and the dark theme: no serious or critical violation. Plus what a scan cannot
// see: results said in the polite live region, a visible focus ring, and no
// motion for those who asked the system for less.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';
// WCAG 2.0/2.1 A and AA as asked, plus 2.2 AA (target size) and axe's best practices: only
// serious and critical findings fail, and none of these has any today.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Waits until no transition or finite animation is running, so colours are read as they settle. */
async function settle(page: Page): Promise<void> {
  // Polled from here: waitForFunction evaluates its string with eval, which the app's CSP refuses.
  await expect
    .poll(() =>
      page.evaluate(`document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`),
    )
    .toBe(true);
}

/**
 * Scans the page as it is now in both themes. Soft assertions, so one run
 * lists every screen's problems; each line says which rule, how bad, what to
 * do and where. `within` scans one part that changed (a menu, a panel's state)
 * after the whole page was scanned: the same rules, in a fraction of the time.
 */
async function scan(page: Page, screen: string, within?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    // The theme changes only colours: the dark pass checks contrast alone, which halves the time.
    // Only violations are detailed, and legacy mode (the page has no frames) skips the extra
    // page axe otherwise opens to finish a run: together some three times faster.
    const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);
    if (within) builder.include(within);
    if (colorScheme === 'light') builder.withTags(TAGS);
    else builder.withRules(['color-contrast']);
    const results = await builder.analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect.soft(serious, `axe on "${screen}", ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function connectByWebhook(inspector: InspectorPage): Promise<void> {
  const { page, harness } = inspector;
  await page.getByLabel('Inbound webhook URL').fill(harness.emulator.webhookUrl());
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(inspector.lookupInput).toBeVisible();
}

test('the start screen, a decoded dialog, its filter, raw JSON and an error pass axe in both themes', async ({ inspector, page }) => {
  await inspector.open();
  await expect(page.getByRole('heading', { name: 'Connect to Bitrix24' })).toBeVisible();
  await scan(page, 'start: connect to Bitrix24');

  await connectByWebhook(inspector);
  await expect(inspector.historyPanel).toContainText('No lookups yet');
  await scan(page, 'connected, nothing looked up');

  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  // The result is said in the polite live region, not only drawn.
  await expect(inspector.announcer).toHaveText('Loaded chat1777');
  await scan(page, 'a decoded dialog');

  await inspector.filterInput.fill('crm');
  await expect(inspector.filterCount).toBeVisible();
  await scan(page, 'the field filter in use', 'main');
  await inspector.filterInput.fill('no-such-field-anywhere');
  await scan(page, 'the field filter matching nothing', 'main');
  await inspector.filterInput.fill('');

  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.locator('#panel-raw pre')).toBeVisible();
  await scan(page, 'the raw JSON view', 'main');

  // A second copy kept, then the two compared in the timeline.
  await inspector.lookUp('chat1777');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline-copies').locator('li.copy')).toHaveCount(2);
  for (const pick of await page.getByRole('button', { name: /^Compare the copy of / }).all()) await pick.click();
  await expect(page.getByTestId('timeline-comparison')).toContainText('Nothing changed between these two copies.');
  await scan(page, 'the timeline comparing two copies', 'main');
  await page.getByRole('tab', { name: 'Fields' }).click();

  await inspector.lookUp('2999');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'ACCESS_ERROR');
  await expect(inspector.announcer).toHaveText(await inspector.errorPanel.getByRole('heading').innerText());
  await scan(page, 'an error panel');
});

test('an offline copy, changes, the history with search and filters, settings, the palette and the shortcut sheet pass axe in both themes', async ({
  inspector,
  harness,
  page,
}) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.lookUp('2999');
  harness.emulator.updateDialog(1777, { owner: 31 });
  await inspector.lookUp('chat1777');
  await expect(page.getByRole('region', { name: 'Changes since the previous lookup' })).toContainText('Changed since the previous lookup');
  await scan(page, 'a dialog with its changes since the previous lookup');

  harness.emulator.injectFault({ kind: 'reset' });
  await inspector.lookUp('chat1777');
  await expect(inspector.offlineBanner).toContainText('Offline — showing the copy from');
  await expect(inspector.historyRows).toHaveCount(4);
  // The row under the pointer shows its pin, copy and delete buttons.
  await inspector.historyRows.nth(0).hover();
  await inspector.windowScreenshot('a11y-history-row-actions');
  await scan(page, 'an offline copy, and the history panel with entries');

  await inspector.historySearch.fill('chat17');
  await expect(inspector.dialogHits).toHaveCount(1);
  // What the narrowed lists hold is said too: the three chat1777 lookups, and the one kept dialog.
  await expect(inspector.announcer).toHaveText('Matching: 3 lookups, 1 kept dialog');
  await scan(page, 'history search with kept dialogs', '#history-panel');
  await inspector.historyPanel.getByRole('radio', { name: 'Errors' }).check();
  await expect(inspector.announcer).toHaveText('Matching: no lookups, 1 kept dialog');
  await expect(inspector.historyPanel).toContainText('Nothing matches');
  await inspector.historyPanel.getByRole('button', { name: 'Clear…' }).click();
  await expect(inspector.historyPanel.getByRole('group', { name: 'Confirm clearing the history' })).toBeVisible();
  await scan(page, 'history filters matching nothing, asking before clearing', '#history-panel');
  await inspector.historyPanel.getByRole('button', { name: 'Cancel' }).click();
  await inspector.historyPanel.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await scan(page, 'the settings dialog', 'dialog[open]');
  await page.keyboard.press('Escape');

  await inspector.lookupInput.focus();
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await scan(page, 'the command palette', 'dialog[open]');
  await page.keyboard.press('Escape');

  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await scan(page, 'the shortcut sheet', 'dialog[open]');
  await page.keyboard.press('Escape');

  // Below 1000 px the history opens over the inspector.
  await page.setViewportSize({ width: 800, height: 820 });
  await inspector.historyToggle.click();
  await expect(inspector.historyPanel).toBeVisible();
  await scan(page, 'the history over a narrow window');
  // It covers the page as a modal does: what is behind is inert, the live region still speaks.
  const inert = (selector: string) => page.evaluate(`document.querySelector('${selector}').closest('[inert]') !== null`);
  expect(await inert('main')).toBe(true);
  expect(await inert('header')).toBe(true);
  expect(await inert('[data-testid="announcer"]')).toBe(false);
  expect(await inert('#history-panel')).toBe(false);
  // Re-running an entry closes it and gives the page, and the lookup field the focus, back.
  await inspector.historyEntry(0).click();
  await expect(inspector.historyPanel).toHaveCount(0);
  await expect(inspector.lookupInput).toBeFocused();
  expect(await inert('main')).toBe(false);
});

test('the portal menu, the saved portals page and the sign-in dialog pass axe in both themes', async ({ inspector, page }) => {
  await inspector.openConnected();

  await inspector.accountMenuButton.click();
  await expect(page.getByRole('menu', { name: 'Portals' })).toBeVisible();
  await scan(page, 'the portal menu open', 'header');
  await page.keyboard.press('Escape');

  await inspector.accountMenuItem('Add or manage portals…');
  await expect(page.getByRole('region', { name: 'Saved portals' })).toBeVisible();
  await scan(page, 'the saved portals page');

  await page.getByRole('button', { name: 'Sign in…' }).click();
  await expect(page.getByRole('dialog', { name: 'Sign in with your application' })).toBeVisible();
  await scan(page, 'the sign-in dialog', 'dialog[open]');
});

/**
 * Defines `__focusRing` in the page. `capture()` notes the focused element's outline and
 * box-shadow, and those of its two ancestors (search fields and segmented controls draw the
 * ring on a wrapper); `lost()` says, once focus has moved on, whether any of them changed —
 * a ring that came with focus — and names the element for the failure message.
 */
const FOCUS_RING_PROBE = `window.__focusRing = (() => {
  let chain = [];
  let before = [];
  const look = (el) => { const s = getComputedStyle(el); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' | ' + s.boxShadow; };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 40) + '"';
  return {
    capture() {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      chain = [el, el.parentElement, el.parentElement?.parentElement].filter(Boolean);
      before = chain.map(look);
      return name(el);
    },
    lost() {
      if (chain.length === 0) return null;
      const ringed = chain[0].isConnected && chain.some((el, i) => look(el) !== before[i]);
      return ringed ? null : name(chain[0]);
    },
  };
})()`;

/** Tabs through up to `stops` places; returns each one reached and those that showed no ring. */
async function tabThrough(page: Page, stops: number): Promise<{ reached: string[]; ringless: string[] }> {
  await page.evaluate(FOCUS_RING_PROBE);
  const reached: string[] = [];
  const ringless: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const missing = (await page.evaluate('window.__focusRing.lost()')) as string | null;
    if (missing) ringless.push(missing);
    const now = (await page.evaluate('window.__focusRing.capture()')) as string | null;
    if (now) reached.push(now);
  }
  return { reached, ringless };
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string): number => {
    const [r = 0, g = 0, bl = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('every place Tab reaches shows a focus ring, in contrast with the page in both themes', async ({ inspector, page }) => {
  await inspector.open();
  const start = await tabThrough(page, 25);
  expect(new Set(start.reached).size, 'different Tab stops on the start screen').toBeGreaterThanOrEqual(5);
  expect(start.ringless, 'Tab stops on the start screen without a visible focus ring').toEqual([]);

  await connectByWebhook(inspector);
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const inspecting = await tabThrough(page, 60);
  expect(new Set(inspecting.reached).size, 'different Tab stops around a decoded dialog').toBeGreaterThanOrEqual(40);
  expect(inspecting.ringless, 'Tab stops around a decoded dialog without a visible focus ring').toEqual([]);

  // The portal menu moves with the arrow keys; each item it lands on is ringed as well.
  await inspector.accountMenuButton.focus();
  await page.keyboard.press('Enter');
  await page.evaluate(FOCUS_RING_PROBE);
  await page.evaluate('window.__focusRing.capture()');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate('window.__focusRing.lost()'), 'a portal menu item without a visible focus ring').toBeNull();
  await inspector.windowScreenshot('a11y-focus-menu');
  await page.keyboard.press('Escape');
  await expect(inspector.accountMenuButton).toBeFocused();
  await inspector.windowScreenshot('a11y-focus-button');

  // The ring itself: at least 2 px, and 3:1 against the page (WCAG 1.4.11) in either theme.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    const ring = (await page.evaluate(`(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, page: getComputedStyle(document.querySelector('header') ?? document.body).backgroundColor };
    })()`)) as { style: string; width: number; color: string; page: string };
    expect(ring.style, `${colorScheme}: the focused button's outline`).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.page), `${colorScheme}: ${ring.color} on ${ring.page}`).toBeGreaterThanOrEqual(3);
  }
});

test('with reduced motion asked for, nothing slides, fades or spins', async ({ inspector, page }) => {
  // Every transition and animation in the page, longest first.
  const longestMotion = `(() => {
    let longest = 0;
    for (const el of document.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      for (const d of [...s.transitionDuration.split(','), ...s.animationDuration.split(',')]) longest = Math.max(longest, parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1));
    }
    return longest;
  })()`;
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  // Without the preference, buttons fade their colours: the check below can fail.
  expect(await page.evaluate(longestMotion)).toBeGreaterThan(0.1);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await page.evaluate(longestMotion), 'the longest transition or animation, in seconds').toBeLessThan(0.01);

  // The history panel slides in over a narrow window; with the preference it just appears.
  await page.setViewportSize({ width: 800, height: 820 });
  await inspector.historyToggle.click();
  await expect(inspector.historyPanel).toBeVisible();
  const panelMotion = (await page.evaluate(
    `(() => { const s = getComputedStyle(document.getElementById('history-panel')); return parseFloat(s.animationDuration) + parseFloat(s.transitionDuration); })()`,
  )) as number;
  expect(panelMotion).toBeLessThan(0.01);
  expect(await page.evaluate(longestMotion)).toBeLessThan(0.01);
});

test('the portal menu closes back to its button; the sign-in dialog and the shortcut sheet keep Tab inside and give focus back', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.accountMenuButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Portals' });
  await expect(menu.getByRole('menuitemradio').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(inspector.accountMenuButton).toBeFocused();

  await inspector.accountMenuItem('Add or manage portals…');
  const opener = page.getByRole('button', { name: 'Sign in…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sign in with your application' });
  await expect(dialog.getByLabel('Portal address')).toBeFocused();
  // Round the dialog more than once each way: past its last control Tab comes back to its first.
  const inDialog = "document.activeElement?.closest('dialog[open]') !== null";
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(inDialog), `focus in the dialog after ${i + 1} Tab presses`).toBe(true);
  }
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(inDialog), `focus in the dialog after ${i + 1} Shift+Tab presses`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // The shortcut sheet has one control, its close button: Tab stays on it.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await page.evaluate(inDialog), `focus in the shortcut sheet after ${key}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(opener).toBeFocused();
});

test('a pasted list’s offer and the bulk run’s view pass axe in both themes', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookupInput.fill('chat1777 2001 2002 hello 9999');
  await expect(inspector.hint).toContainText('5 identifiers');
  await scan(page, 'a list offered as a bulk run');
  await inspector.lookupInput.press('Enter');
  await expect(page.locator('#bulk-title')).toHaveText('Done: 3 found, 2 failed');
  await scan(page, 'a bulk run, done');
});

test('the overview passes axe in both themes: its figures, bars, filters and table, grouped, and its kept-copies state', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  await page.getByRole('button', { name: 'Overview' }).click();
  await expect(page.getByTestId('overview-fetched')).toBeVisible({ timeout: 20_000 });
  await scan(page, 'the overview');
  await page.getByRole('combobox', { name: 'Group the dialogs' }).selectOption('status');
  await page.locator('.overview-group').first().click();
  await expect(page.locator('.overview-group').first()).toHaveAttribute('aria-expanded', 'false');
  await scan(page, 'the overview, grouped by status, a group folded');
  harness.emulator.injectFault({ kind: 'reset' }, { times: 1_000 });
  await page.locator('section.overview').getByRole('button', { name: 'Refresh' }).click();
  await expect(page.locator('section.overview .note').first()).toBeVisible({ timeout: 20_000 });
  await scan(page, 'the overview, kept copies only');
  harness.emulator.clearFaults();
});

test('the Watching view passes axe in both themes: empty, and with a watched dialog whose change is unseen', async ({ inspector, page, harness }) => {
  // Held until the dialog has changed, so the watch's first request finds the change.
  harness.api.watch.pause();
  await inspector.openConnected();
  await page.locator('#watching-toggle').click();
  await expect(page.getByTestId('watch-empty')).toBeVisible();
  await scan(page, 'the Watching view, empty');
  await inspector.lookUp('chat1777');
  await page.locator('#watch-toggle').click();
  await expect(page.locator('#watch-toggle')).toHaveText('Stop watching');
  await scan(page, 'a watched dialog’s card', '.summary');
  harness.emulator.updateDialog(1777, { name: 'VIP: Green Guest' });
  harness.api.watch.resume();
  await expect(page.locator('#watching-toggle')).toHaveAccessibleName('Watching, 1 unseen change', { timeout: 15_000 });
  await page.locator('#watching-toggle').click();
  await expect(page.locator('.watch-row[data-unseen="1"]')).toBeVisible();
  await scan(page, 'the Watching view, a change unseen');
  // The rules dialog, with its own set and the minutes box refusing what was typed.
  await page.getByRole('button', { name: 'Notification rules for VIP: Green Guest' }).click();
  const rules = page.getByRole('dialog', { name: 'Notification rules' });
  await rules.getByRole('radio', { name: 'Its own rules' }).check();
  await rules.getByRole('radio', { name: 'Minutes' }).check();
  await rules.getByRole('textbox', { name: 'Minutes of waiting' }).fill('0');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByTestId('watch-rules-minutes-help')).toHaveText('The wait is from 1 to 1,440 minutes (a day).');
  await scan(page, 'the rules dialog of a watched dialog', '.modal.watch-rules');
});
