// Commands from main: a deep link that started the app waits in main's queue
// until the page takes it; later ones (a second launch, the application menu)
// are pushed while the page runs. Each does what its shortcut or palette entry
// does; a refused link is said in the window until dismissed.
import type { AppCommand } from '../../preload/api-contract';
import { test, expect } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';

/** What main's webContents.send would do; a string expression, as test/ is compiled without the DOM library. */
async function push(inspector: InspectorPage, command: AppCommand): Promise<void> {
  await inspector.page.evaluate(`window.__inspectorEmit('app:command', ${JSON.stringify(command)})`);
}

test('a link that started the app is looked up once the page loads, on the account it names', async ({ inspector, harness, page }) => {
  expect(await harness.dispatch('connection:use-webhook', { url: harness.emulator.webhookUrl(), name: 'Support hook' })).toMatchObject({ ok: true });
  // Main is on another portal (the demo) when the link arrives; the link names the saved account.
  expect(await harness.dispatch('connection:use-demo')).toMatchObject({ ok: true });
  await harness.api.openDeepLink('openlines-inspector://lookup/chat1777?account=support%20HOOK');

  await inspector.open();
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.accountMenuButton).toContainText('Support hook');
  await expect(inspector.lookupInput).toHaveValue('chat1777');
  await expect(inspector.lookupInput).toBeFocused();
  await expect(inspector.historyRows.locator('.input')).toHaveText(['chat1777']);
  // Handed over once: a reload does not look it up again.
  await page.reload();
  await expect(inspector.lookupInput).toBeVisible();
  await expect(inspector.lookupInput).toHaveValue('');
  await expect(inspector.historyRows).toHaveCount(1);
});

test('queued commands run in the order main queued them', async ({ inspector, harness }) => {
  await harness.connectWebhook();
  harness.api.commands.push({ kind: 'lookup', input: '2002' });
  harness.api.commands.push({ kind: 'toggle-history' });
  harness.api.commands.push({ kind: 'lookup', input: 'chat1777' });
  // Before the palette's code has loaded in the background: it is fetched for this.
  harness.api.commands.push({ kind: 'open-palette' });
  await inspector.open();
  await expect(inspector.page.getByRole('combobox', { name: 'Command, portal or lookup' })).toBeFocused();
  await inspector.page.keyboard.press('Escape');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.lookupInput).toBeFocused();
  await expect(inspector.historyPanel).toHaveCount(0);
  await inspector.historyToggle.click();
  await expect(inspector.historyRows.locator('.input')).toHaveText(['chat1777', '2002']);
});

test('a link pushed while the app runs switches the shown portal if main switched it, and replaces what was typed', async ({ inspector, harness, page }) => {
  expect(await harness.dispatch('connection:use-webhook', { url: harness.emulator.webhookUrl(), name: 'Support hook' })).toMatchObject({ ok: true });
  await inspector.open();
  await inspector.lookUp('2002');
  await inspector.lookupInput.fill('half-typed');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();

  // Main switched to the demo portal for the link, then pushed the lookup.
  expect(await harness.dispatch('connection:use-demo')).toMatchObject({ ok: true });
  await push(inspector, { kind: 'lookup', input: 'chat1777' });
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
  await expect(inspector.accountMenuButton).toContainText('Demo portal');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.lookupInput).toHaveValue('chat1777');
  expect(harness.demos).toHaveLength(1);
  // The dialog, then its conversation in a batch: both asked of the demo portal.
  expect(harness.demos[0]!.requests.map((request) => request.method).slice(-2)).toEqual(['imopenlines.dialog.get', 'batch']);
});

test('a refused link is said with its title, what happened and what to do, until dismissed', async ({ inspector, harness, page }) => {
  await harness.connectWebhook();
  await harness.api.openDeepLink('openlines-inspector://lookup/chat1777?account=Nobody');
  await inspector.open();
  const alert = page.getByRole('alert').filter({ hasText: 'A link to the app was not opened' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('heading', { level: 2 })).toHaveText('Link not opened');
  await expect(alert).toContainText('The link asks for the account "Nobody", and no saved account has that name.');
  await expect(alert).toContainText('What to do: Nothing was looked up.');
  // Nothing was looked up, and the lookup field kept the focus.
  await expect(inspector.lookupInput).toBeFocused();
  await expect(inspector.lookupInput).toHaveValue('');
  await expect(inspector.historyRows).toHaveCount(0);
  await inspector.windowScreenshot('link-refused');
  await page.keyboard.press('Escape');
  await expect(alert).toBeHidden();

  // One pushed later, with text from outside kept as text.
  await push(inspector, {
    kind: 'link-refused',
    error: { code: 'LINK_REFUSED', title: 'Link not opened', message: 'The link is <b>odd</b>.', action: 'Paste the id instead.', retryable: false },
  });
  await expect(alert).toContainText('The link is <b>odd</b>.');
  await expect(alert.locator('b')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});

test('a link with no portal connected says so instead of looking anything up', async ({ inspector, harness, page }) => {
  harness.api.commands.push({ kind: 'lookup', input: 'chat1777' });
  await inspector.open();
  const alert = page.getByRole('alert').filter({ hasText: 'A link to the app was not opened' });
  await expect(alert.getByRole('heading', { name: 'No portal connected' })).toBeVisible();
  await expect(alert).toContainText('A link asked to look up “chat1777”, but no portal is connected');
  await expect(alert).toContainText('What to do: Connect a portal (or open the demo portal), then open the link again.');
  await expect(page.getByRole('heading', { name: 'Connect to Bitrix24' })).toBeVisible();
});

test("a notification about another account's dialog opens its kept copy, asking no portal; one no longer kept is said", async ({ inspector, harness, page }) => {
  // The demo's chat 2002 kept, then the webhook's portal connected: the notification is the demo account's.
  expect(await harness.dispatch('connection:use-demo')).toMatchObject({ ok: true });
  expect(await harness.dispatch('lookup:run', { input: '2002', numberAs: 'chat' })).toMatchObject({ ok: true });
  await inspector.openConnected();
  const asked = harness.emulator.requests.length;

  await push(inspector, { kind: 'open-kept', account: 'demo', chatId: 2002 });
  await expect(inspector.offlineBanner).toContainText('Cached copy, as asked');
  await expect(inspector.lookupInput).toHaveValue('chat2002');
  expect(harness.emulator.requests.length).toBe(asked);
  await expect(inspector.accountMenuButton).not.toContainText('Demo');

  await push(inspector, { kind: 'open-kept', account: 'demo', chatId: 424242 });
  await expect(page.getByRole('status').filter({ hasText: 'No copy of chat424242 is kept on this computer.' })).toBeVisible();
  await expect(inspector.lookupInput).toHaveValue('chat2002');
});

test('menu commands do what their shortcuts do', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await page.getByRole('tab', { name: 'Raw JSON' }).click();

  await push(inspector, { kind: 'find-in-dialog' });
  await expect(inspector.filterInput).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Fields' })).toHaveAttribute('aria-selected', 'true');

  await push(inspector, { kind: 'focus-lookup' });
  await expect(inspector.lookupInput).toBeFocused();
  expect(await page.evaluate('document.activeElement.selectionEnd - document.activeElement.selectionStart')).toBe('chat1777'.length);

  await push(inspector, { kind: 'open-palette' });
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox')).toBeFocused();

  // One overlay gives way to the next.
  await push(inspector, { kind: 'show-shortcuts' });
  await expect(palette).toBeHidden();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await push(inspector, { kind: 'open-settings' });
  await expect(sheet).toBeHidden();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await push(inspector, { kind: 'toggle-history' });
  await expect(inspector.historyPanel).toHaveCount(0);
  await push(inspector, { kind: 'toggle-history' });
  await expect(inspector.historySearch).toBeFocused();

  await push(inspector, { kind: 'manage-portals' });
  await expect(page.getByRole('heading', { name: 'Portals', level: 1 })).toBeVisible();
  // From the Portals page, the history command brings the inspector back with the history shown.
  await push(inspector, { kind: 'toggle-history' });
  await expect(inspector.historySearch).toBeFocused();
  await expect(inspector.dialogName).toHaveText(DOCUMENTED_NAME);
});
