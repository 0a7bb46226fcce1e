// The window's shortcuts, from the keyboard only: Ctrl/Cmd+L the lookup field,
// Ctrl/Cmd+F the open dialog's field filter, "?" the shortcut sheet (not while
// typing), Esc closes what is on top and gives focus back; ⌘ on a Mac, Ctrl
// elsewhere; the letters work whatever the keyboard layout.
import { DEMO_OAUTH_APP } from '../../main/emulator/index';
import { get, openAuthorizePage } from '../integration/oauth-support';
import { test, expect } from './support/fixtures';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';

test('Ctrl+L selects the lookup field and Ctrl+F the field filter of the open dialog, from wherever focus is', async ({ inspector, page }) => {
  await inspector.openConnected();
  // No dialog yet: Ctrl+F has nothing to filter and goes to the lookup field.
  await inspector.historySearch.focus();
  await page.keyboard.press('Control+F');
  await expect(inspector.lookupInput).toBeFocused();

  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  // From the Raw JSON tab: back to the fields, the filter focused with its text selected.
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await page.keyboard.press('Control+F');
  await expect(inspector.filterInput).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Fields' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('session');
  await expect(inspector.filterCount).toHaveText(/^\d+ of \d+ fields$/);
  await inspector.historyEntry(0).focus();
  await page.keyboard.press('Control+F');
  await expect(inspector.filterInput).toBeFocused();
  expect(await page.evaluate('document.activeElement.selectionStart === 0 && document.activeElement.selectionEnd === 7')).toBe(true);
  // Esc in the filter clears it.
  await page.keyboard.press('Escape');
  await expect(inspector.filterInput).toHaveValue('');

  await page.keyboard.press('Control+L');
  await expect(inspector.lookupInput).toBeFocused();
  expect(await page.evaluate('document.activeElement.selectionEnd - document.activeElement.selectionStart')).toBe('chat1777'.length);

  // Ctrl+Shift+H, main's menu accelerator, hides and shows the history (shown, its search box takes focus).
  await page.keyboard.press('Control+Shift+H');
  await expect(inspector.historyPanel).toHaveCount(0);
  await expect(inspector.lookupInput).toBeFocused();
  await page.keyboard.press('Control+Shift+H');
  await expect(inspector.historySearch).toBeFocused();

  // From the Portals page, Ctrl+L goes back to the inspector's lookup field.
  await inspector.accountMenuItem('Add or manage portals…');
  await expect(page.getByRole('heading', { name: 'Portals', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+L');
  await expect(inspector.lookupInput).toBeFocused();
  await inspector.expectLoaded(DOCUMENTED_NAME);

  // With a Cyrillic layout the same keys send "л" and "к": the key's place counts.
  await inspector.historyEntry(0).focus();
  await page.evaluate("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'д', code: 'KeyL', ctrlKey: true, bubbles: true, cancelable: true }))");
  await expect(inspector.lookupInput).toBeFocused();
  await page.evaluate("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'л', code: 'KeyK', ctrlKey: true, bubbles: true, cancelable: true }))");
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
});

test('"?" outside a text box opens the shortcut sheet; Esc closes it and focus goes back', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);

  // In a text box, "?" is just a character.
  await inspector.lookupInput.fill('');
  await page.keyboard.type('?');
  await expect(inspector.lookupInput).toHaveValue('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeHidden();

  await page.getByRole('tab', { name: 'Fields' }).focus();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await expect(sheet).toHaveAccessibleDescription('Ctrl is the Control key; on a Mac it is ⌘ Command.');
  // Every shortcut is listed with its keys, Ctrl on this platform.
  const row = (what: string) => sheet.locator('.row').filter({ has: page.getByRole('term').getByText(what, { exact: true }) });
  await expect(row('Open the command palette').locator('kbd')).toHaveText(['Ctrl', 'K']);
  await expect(row('Go to the lookup field').locator('kbd')).toHaveText(['Ctrl', 'L']);
  await expect(row('Filter the fields of the open dialog; find in its conversation').locator('kbd')).toHaveText(['Ctrl', 'F']);
  await expect(row('Open settings').locator('kbd')).toHaveText(['Ctrl', ',']);
  await expect(row('Show or hide the history').locator('kbd')).toHaveText(['Ctrl', 'Shift', 'H']);
  await expect(row('Show these shortcuts (outside a text box)').locator('kbd')).toHaveText(['?']);
  await expect(row('Close a menu, dialog or panel; clear the field filter').locator('kbd')).toHaveText(['Esc']);
  await expect(row('Move to the next or previous item').locator('kbd')).toHaveText(['↓', '↑']);
  await expect(row('Remove a lookup from the history').locator('kbd')).toHaveText(['Delete']);
  await expect(row('Stop watching a dialog in the watch list').locator('kbd')).toHaveText(['Delete']);
  await expect(sheet.getByRole('heading', { level: 3 })).toHaveText([
    'Anywhere in the window',
    'Lists: history, kept dialogs, the watch list, menus, the palette',
    'Lookup and results',
  ]);
  await inspector.windowScreenshot('shortcut-sheet');

  // Focus stays in the sheet; Esc closes it and gives focus back to the tab.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate("document.activeElement?.closest('dialog')?.getAttribute('aria-labelledby')")).toBe('shortcuts-title');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Fields' })).toBeFocused();

  // The close button, and the palette's own entry, open and close it too.
  await page.keyboard.press('?');
  await sheet.getByRole('button', { name: 'Close keyboard shortcuts' }).press('Enter');
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Fields' })).toBeFocused();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('shortcuts');
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Fields' })).toBeFocused();
});

test('on a Mac the shortcuts are shown with ⌘ and work with it', async ({ inspector, page }) => {
  await page.addInitScript({
    content: "Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => ({ platform: 'macOS', brands: [], mobile: false }) });",
  });
  await inspector.openConnected();
  await expect(page.locator('.lookup kbd')).toHaveText('⌘L');
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toHaveAttribute('title', 'Settings (⌘,)');
  await page.keyboard.press('Meta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option', { name: 'Go to the lookup field' }).locator('kbd')).toHaveText(['⌘', 'L']);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'History', exact: true }).focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toHaveAccessibleDescription('On this Mac, ⌘ is the Command key.');
  await expect(sheet.locator('.row').first().locator('kbd')).toHaveText(['⌘', 'K']);
  await expect(sheet.locator('.row').filter({ hasText: 'Show or hide the history' }).locator('kbd')).toHaveText(['⇧', '⌘', 'H']);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Meta+L');
  await expect(inspector.lookupInput).toBeFocused();
});

test('Esc closes the history drawn over a narrow window, and shortcuts wait while settings are open', async ({ inspector, page }) => {
  await page.setViewportSize({ width: 800, height: 820 });
  await inspector.openConnected();
  await inspector.historyToggle.click();
  await expect(inspector.historySearch).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(inspector.historyPanel).toHaveCount(0);
  await expect(inspector.historyToggle).toBeFocused();

  // Opened again from the palette, it closes with Esc from anywhere in it.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('show history');
  await page.keyboard.press('Enter');
  await expect(inspector.historySearch).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(inspector.historyPanel).toHaveCount(0);

  // Shortcuts wait while a dialog the user works in is open.
  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
});

test('after signing in from the Portals page, focus is in the lookup field, not lost with the page that opened the dialog', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.accountMenuItem('Add or manage portals…');
  await page.getByRole('button', { name: 'Sign in…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in with your application' });
  await dialog.getByLabel('Portal address').fill(harness.emulator.origin);
  await dialog.getByLabel('Client id').fill(DEMO_OAUTH_APP.clientId);
  await dialog.getByLabel('Client secret').fill(DEMO_OAUTH_APP.clientSecret);
  await dialog.getByText('Sign-in server and port').click();
  await dialog.getByLabel('Sign-in server').fill(harness.emulator.oauth.serverOrigin);
  await dialog.getByLabel('Loopback port').fill('0');
  await dialog.getByRole('button', { name: 'Continue in the browser' }).click();
  await expect(dialog).toContainText('Finish signing in in your browser.');
  await expect.poll(() => harness.opened.length).toBeGreaterThan(0);
  const callback = await openAuthorizePage(harness.opened.at(-1)!, harness.emulator.certificate);
  expect((await get(callback)).status).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(inspector.lookupInput).toBeFocused();
});

test('in the history list, ↑ from the first lookup goes back to the search box, as ↓ from it came in', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.lookUp('2002');
  await inspector.historySearch.focus();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.historyEntry(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.historyEntry(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(inspector.historySearch).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.historyEntry(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector.lookupInput).toHaveValue('2002');
});
