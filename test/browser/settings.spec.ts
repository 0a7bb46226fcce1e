// The settings dialog: opened from the title bar or with Ctrl+, ; values
// checked as typed; saved to main's settings file; Esc leaves nothing changed.
import { test, expect } from './support/fixtures';

test('settings change how long history is kept, refuse what cannot be saved, and keep focus in the dialog', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  const openButton = page.getByRole('button', { name: 'Settings' });
  await openButton.click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  const entries = dialog.getByLabel('Keep at most');
  const days = dialog.getByLabel('Keep lookups for');
  const copies = dialog.getByLabel('Keep', { exact: true });
  const answerCap = dialog.getByLabel('Read at most');
  await expect(answerCap).toHaveValue('32');
  await expect(entries).toHaveValue('10000');
  await expect(days).toHaveValue('180');
  await expect(copies).toHaveValue('10');
  await expect(entries).toBeFocused();

  // Too small: said next to the field, and Save waits.
  await entries.fill('50');
  await expect(entries).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Enter a number from 100 to 1,000,000.');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await days.fill('ninety');
  await expect(dialog).toContainText('Enter a whole number.');
  await inspector.screenshot('settings-invalid');

  await entries.fill('5,000');
  await days.fill('90');
  await copies.fill('3');
  await answerCap.fill('2000');
  await expect(dialog).toContainText('Enter a number from 1 to 1,024.');
  await answerCap.fill('64');
  // Where the log is, to attach to a report, copied as it is shown.
  const logFile = dialog.getByTestId('log-file');
  await expect(logFile).toHaveText(/logs[\\/]main\.log$/);
  await dialog.getByRole('button', { name: 'Copy the log file’s path' }).click();
  await expect.poll(() => harness.clipboard).toEqual([await logFile.textContent()]);
  await logFile.scrollIntoViewIfNeeded();
  await inspector.screenshot('settings-log');
  await dialog.getByRole('radio', { name: 'Session id' }).check();
  // The watch: every change notified, quiet for now, a minute between refreshes.
  await dialog.getByRole('radio', { name: 'Every change' }).check();
  await dialog.getByRole('checkbox', { name: /Quiet mode/ }).check();
  await dialog.getByLabel('Refresh watched dialogs every').fill('60');
  await dialog.getByLabel('Use at most').fill('90');
  await expect(dialog).toContainText('Enter a number from 5 to 80.');
  await dialog.getByLabel('Use at most').fill('40');
  // The list's wait rule: minutes checked in words before Save is offered.
  await expect(dialog).toContainText('“Notify me of: Nothing” silences the wait too');
  await dialog.getByRole('radio', { name: 'Minutes' }).check();
  const waitMinutes = dialog.getByRole('textbox', { name: 'Minutes of waiting' });
  await waitMinutes.fill('2000');
  await expect(dialog.getByTestId('watch-wait-problem')).toHaveText('The wait is from 1 to 1,440 minutes (a day).');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await waitMinutes.fill('20');
  await expect(dialog.getByTestId('watch-wait-problem')).toBeEmpty();
  // The overview's own refreshes: by hand only, and their share.
  await dialog.getByLabel('Refresh the overview every').fill('0');
  await dialog.getByLabel('Keep within').fill('90');
  await expect(dialog).toContainText('Enter a number from 5 to 80.');
  await dialog.getByLabel('Keep within').fill('30');
  await inspector.screenshot('settings');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toBeVisible();
  expect(await harness.dispatch('settings:get')).toEqual({
    ok: true,
    value: { numberAs: 'session', historyMaxEntries: 5000, historyMaxAgeDays: 90, snapshotsPerDialog: 3, maxAnswerMb: 64, theme: 'system', language: 'system', resolvedLanguage: 'en', checkForUpdates: true, fetchConversation: true, watchIntervalSeconds: 60, watchShareOfLimit: 40, watchNotify: 'all', watchQuiet: true, watchWaitMinutes: 20, overviewRefreshMinutes: 0, overviewShareOfLimit: 30 },
  });
  // The lookup bar follows the saved reading of bare numbers.
  await expect(page.getByRole('radio', { name: 'Session id' }).first()).toBeChecked();

  // Ctrl+, opens it again with what was saved; Esc closes without saving and gives focus back.
  await inspector.lookupInput.focus();
  await page.keyboard.press('Control+Comma');
  await expect(dialog).toBeVisible();
  await expect(entries).toHaveValue('5000');
  await entries.fill('200');
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate("document.activeElement?.closest('dialog') !== null")).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(inspector.lookupInput).toBeFocused();
  expect(await harness.dispatch('settings:get')).toMatchObject({ ok: true, value: { historyMaxEntries: 5000 } });
});

test('the theme and automatic update checks are saved, shown again, and left alone by Cancel', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const theme = dialog.getByRole('group', { name: 'Theme' });
  const updates = dialog.getByRole('checkbox', { name: 'Check for updates automatically' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(updates).toBeChecked();
  await expect(updates).toHaveAccessibleDescription(/installed copies/);
  await expect(dialog).toContainText('System follows your computer’s light or dark mode.');
  // The interface language: System by default, each language named in its own (interface-language.spec.ts switches it).
  await expect(dialog.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(dialog.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'Русский' })).toBeVisible();

  // From the keyboard: arrows choose within the theme group, Space unticks the box.
  await theme.getByRole('radio', { name: 'System' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await updates.focus();
  await page.keyboard.press('Space');
  await expect(updates).not.toBeChecked();
  await inspector.windowScreenshot('settings-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(await harness.dispatch('settings:get')).toMatchObject({ ok: true, value: { theme: 'dark', checkForUpdates: false } });

  // After a reload the dialog shows what was saved.
  await page.reload();
  await expect(inspector.lookupInput).toBeFocused();
  await page.keyboard.press('Control+Comma');
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(updates).not.toBeChecked();

  // Cancel keeps what was saved.
  await theme.getByRole('radio', { name: 'Light' }).check();
  await updates.check();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await harness.dispatch('settings:get')).toMatchObject({ ok: true, value: { theme: 'dark', checkForUpdates: false } });
});

test('the conversation can be left out of lookups: one request, and its tab says it was not fetched', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const fetch = dialog.getByRole('checkbox', { name: 'Fetch the conversation with each lookup' });
  await expect(fetch).toBeChecked();
  await expect(fetch).toHaveAccessibleDescription(/imopenlines\.session\.history\.get/);
  await fetch.uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const before = harness.emulator.requests.length;
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  expect(harness.emulator.requests.slice(before).map((request) => request.method)).toEqual(['imopenlines.dialog.get']);
  await page.getByRole('tab', { name: 'Conversation' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('turned off in Settings');
});
