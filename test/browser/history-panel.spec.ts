// The history panel beside the inspector: every lookup listed newest first with
// its outcome, searchable and filterable, pinned entries kept by "Clear…",
// and any entry looked up again from the keyboard.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';

test('lookups appear newest first with their outcome, and search and the outcome filter narrow them', async ({
  inspector,
  harness,
  page,
}) => {
  await inspector.openConnected();
  await expect(inspector.historyToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(inspector.historyPanel).toContainText('No lookups yet');
  await expect(inspector.historyPanel).toContainText('They appear here as you look up dialogs.');

  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await inspector.lookUp('343');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'ACCESS_ERROR');
  // The portal drops the connection: the same dialog comes from the offline cache.
  harness.emulator.injectFault({ kind: 'reset' });
  await inspector.lookUp('livechat|22|1775|599');
  await expect(page.getByText(/Offline — showing the copy from/)).toBeVisible();

  const rows = inspector.historyRows;
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('.input')).toHaveText(['livechat|22|1775|599', '343', 'chat1777']);
  await expect(rows.locator('.badge')).toHaveText(['Offline copy', 'ACCESS_ERROR', 'Found']);
  await expect(rows.nth(0)).toContainText(/→\s*chat1777/);
  await expect(rows.nth(1)).not.toContainText('→');
  await expect(rows.nth(2)).toContainText(/→\s*chat1777/);
  await expect(inspector.historyPanel.getByRole('heading', { level: 3 })).toHaveText(['Today']);
  // Full text on hover, right-to-left safe; relative time with the exact local time on hover.
  await expect(rows.nth(0).locator('.input')).toHaveAttribute('title', 'livechat|22|1775|599');
  await expect(rows.nth(0).locator('.input')).toHaveAttribute('dir', 'auto');
  const time = rows.nth(0).locator('time');
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(time).toHaveAttribute('title', /\d{1,2}:\d{2}:\d{2}/);
  await expect(time).toHaveText(/now|minute|second/);
  await inspector.screenshot('history');

  // As-you-type search over what was typed or sent.
  await inspector.historySearch.fill('LIVECHAT|22');
  await expect(rows.locator('.input')).toHaveText(['livechat|22|1775|599']);
  await inspector.historySearch.fill('343');
  await expect(rows.locator('.input')).toHaveText(['343']);
  await inspector.historySearch.fill('no-such-lookup');
  await expect(inspector.historyPanel).toContainText('Nothing matches');
  await inspector.historySearch.press('Escape');
  await expect(inspector.historySearch).toHaveValue('');
  await expect(rows).toHaveCount(3);

  // Outcome: errors only, then found (the offline copy was found too).
  const panel = inspector.historyPanel;
  await panel.getByRole('radio', { name: 'Errors' }).check();
  await expect(rows.locator('.input')).toHaveText(['343']);
  await panel.getByRole('radio', { name: 'Found' }).check();
  await expect(rows.locator('.input')).toHaveText(['livechat|22|1775|599', 'chat1777']);
  await inspector.historySearch.fill('343');
  await expect(panel).toContainText('Nothing matches');
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);
  await expect(panel.getByRole('radio', { name: 'All', exact: true })).toBeChecked();

  // Every portal's lookups, each with its portal.
  await panel.getByRole('radio', { name: 'All portals' }).check();
  await expect(rows.locator('.account')).toHaveText(Array(3).fill(new URL(harness.emulator.webhookUrl()).host));
  await panel.getByRole('radio', { name: 'This portal' }).check();
  await expect(rows.locator('.account')).toHaveCount(0);

  // The panel folds away, and the choice holds for the session.
  await inspector.historyToggle.click();
  await expect(inspector.historyPanel).toHaveCount(0);
  await expect(inspector.historyToggle).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(inspector.lookupInput).toBeVisible();
  await expect(inspector.historyPanel).toHaveCount(0);
  await inspector.historyToggle.click();
  await expect(rows).toHaveCount(3);
});

test('a pinned entry survives "Clear…", and one entry can be deleted', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  for (const identifier of ['chat1777', '2002', '2006']) await inspector.lookUp(identifier);
  const rows = inspector.historyRows;
  await expect(rows.locator('.input')).toHaveText(['2006', '2002', 'chat1777']);

  // Pin 2002 (the buttons show on hover and focus).
  await rows.nth(1).hover();
  await rows.nth(1).getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(rows.nth(1).getByRole('button', { name: 'Unpin', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows.nth(1).locator('.list-button')).toContainText('Pinned:');

  // The Pinned filter lists the pinned entries only; with none pinned it says how to pin.
  const outcome = inspector.historyPanel.getByRole('group', { name: 'Outcome' });
  await outcome.getByRole('radio', { name: 'Pinned' }).check();
  await expect(rows.locator('.input')).toHaveText(['2002']);
  await rows.nth(0).hover();
  await rows.nth(0).getByRole('button', { name: 'Unpin', exact: true }).click();
  await expect(inspector.historyPanel).toContainText('Nothing pinned');
  await inspector.screenshot('history-nothing-pinned');
  await inspector.historyPanel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows.locator('.input')).toHaveText(['2006', '2002', 'chat1777']);
  await rows.nth(1).hover();
  await rows.nth(1).getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(rows.nth(1).getByRole('button', { name: 'Unpin', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Delete 2006.
  await rows.nth(0).hover();
  await rows.nth(0).getByRole('button', { name: 'Delete from history' }).click();
  await expect(rows.locator('.input')).toHaveText(['2002', 'chat1777']);

  // Clear…: asks first, says pinned entries are kept, then says how many went.
  const panel = inspector.historyPanel;
  await panel.getByRole('button', { name: 'Clear…' }).click();
  const confirm = panel.getByRole('group', { name: 'Confirm clearing the history' });
  await expect(confirm).toContainText('Pinned entries are kept.');
  await expect(confirm).toContainText(new URL(harness.emulator.webhookUrl()).host);
  await expect(confirm.getByRole('button', { name: 'Clear history' })).toBeFocused();
  await inspector.screenshot('history-clear');
  await confirm.getByRole('button', { name: 'Clear history' }).click();
  await expect(panel.getByRole('status')).toHaveText('Removed 1 lookup. Pinned ones were kept.');
  await expect(rows.locator('.input')).toHaveText(['2002']);
  await expect(rows.nth(0).getByRole('button', { name: 'Unpin', exact: true })).toBeVisible();

  // Main agrees, and after a reload the pin is still there.
  const listed = await harness.dispatch<Array<{ input: string; pinned: boolean }>>('history:list', {});
  expect(listed.ok && listed.value.map(({ input, pinned }) => ({ input, pinned }))).toEqual([{ input: '2002', pinned: true }]);
  await page.reload();
  await expect(rows.locator('.input')).toHaveText(['2002']);
});

test('an entry is looked up again from the keyboard, with its chat/session reading', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.numberAs('Session id').check();
  await inspector.lookUp('343');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await inspector.numberAs('Chat id').check();
  await inspector.lookUp('2002');
  await expect(inspector.dialogName).toContainText('أحمد محمود');
  const rows = inspector.historyRows;
  await expect(rows.locator('.input')).toHaveText(['2002', '343', 'chat1777']);

  // From the search box, ↓ enters the list; ↓ again, then Enter re-runs 343 as a session id.
  await inspector.historySearch.focus();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.historyEntry(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.historyEntry(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector.lookupInput).toHaveValue('343');
  await expect(inspector.numberAs('Session id')).toBeChecked();
  await inspector.expectLoaded(DOCUMENTED_NAME);
  // By session id: the dialog and that session's conversation in one batch.
  expect(harness.emulator.requests.at(-1)?.params['cmd']).toMatchObject({ dialog: 'imopenlines.dialog.get?SESSION_ID=343' });
  // The new lookup is listed at the top; the focus stays on the entry that was re-run.
  await expect(rows.locator('.input')).toHaveText(['343', '2002', '343', 'chat1777']);
  await expect(inspector.historyEntry(2)).toBeFocused();

  // Home / End, and a chat-id entry flips the switch back.
  await page.keyboard.press('End');
  await expect(inspector.historyEntry(3)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(inspector.historyEntry(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(inspector.lookupInput).toHaveValue('2002');
  await expect(inspector.numberAs('Chat id')).toBeChecked();
  await expect(inspector.dialogName).toContainText('أحمد محمود');

  // Delete removes the focused entry and the focus moves to the next one.
  await expect(rows).toHaveCount(5);
  await expect(inspector.historyEntry(2)).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(rows.locator('.input')).toHaveText(['2002', '343', '343', 'chat1777']);
  await expect(inspector.historyEntry(2)).toBeFocused();
  await expect(inspector.historyEntry(2)).toContainText('343');
  // Tab from the row reaches its pin and delete buttons.
  await page.keyboard.press('Tab');
  await expect(rows.nth(2).getByRole('button', { name: 'Pin', exact: true })).toBeFocused();
  await expect(rows.nth(2).getByRole('button', { name: 'Pin', exact: true })).toBeVisible();
});

test('at 800 px the history opens over the inspector without sideways scrolling', async ({ inspector, page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await inspector.openConnected();
  await expect(inspector.historyPanel).toHaveCount(0);
  await inspector.lookUp('livechat|22|1775|599');
  await inspector.lookUp('343');
  await inspector.lookUp('a long identifier that the portal will never accept as anything at all');

  await inspector.historyToggle.click();
  await expect(inspector.historySearch).toBeFocused();
  await expect(inspector.historyRows).toHaveCount(2);
  expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
  // The overlay slides in: judge where it comes to rest, not a frame of the slide.
  await expect
    .poll(async () => {
      const box = await inspector.historyPanel.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 800;
    })
    .toBe(true);
  await inspector.screenshot('history-800px');

  // Escape closes it and gives the focus back to the toggle.
  await page.keyboard.press('Escape');
  await expect(inspector.historyPanel).toHaveCount(0);
  await expect(inspector.historyToggle).toBeFocused();

  // Re-running an entry closes the overlay and shows the dialog.
  await inspector.historyToggle.click();
  await inspector.historyEntry(1).click();
  await expect(inspector.historyPanel).toHaveCount(0);
  await expect(inspector.lookupInput).toHaveValue('livechat|22|1775|599');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);

  // From 1000 px on, the panel sits beside the inspector, and still nothing scrolls sideways.
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect(inspector.historyPanel).toBeVisible();
  await expect(inspector.historyPanel).not.toHaveClass(/overlay/);
  const beside = await inspector.historyPanel.boundingBox();
  const dialog = await inspector.dialogName.boundingBox();
  expect(beside && dialog && dialog.x > beside.x + beside.width).toBe(true);
  expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
  await inspector.screenshot('history-1000px');
});

test('when the history database cannot be opened, the panel says so and lookups still work', async ({ inspector, harness }) => {
  // A folder where the database file should be: it cannot be opened.
  await mkdir(join(harness.dataDir, 'openlines-inspector.db'));
  await inspector.openConnected();
  const error = inspector.historyPanel.getByRole('alert');
  await expect(error).toContainText('History unavailable.');
  await expect(error).toContainText('could not be opened');
  await expect(inspector.historyPanel).not.toContainText('No lookups yet');
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(error).toContainText('History unavailable.');
  await inspector.screenshot('history-unavailable');
});

test('a damaged history database is moved aside, and the panel says where the old file went', async ({ inspector, harness }) => {
  await writeFile(join(harness.dataDir, 'openlines-inspector.db'), 'not a database; a file damaged beyond SQLite’s header\n'.repeat(40));
  await inspector.openConnected();
  const notice = inspector.historyPanel.getByRole('alert').filter({ hasText: 'The history database could not be read.' });
  await expect(notice).toContainText('A new, empty one was started; the old file was kept as');
  await expect(notice.locator('code')).toHaveText(/openlines-inspector\.db\.corrupt-/);
  await expect(inspector.historyPanel).toContainText('No lookups yet');
  await expect(inspector.announcer).toHaveText('The history database could not be read and was replaced by a new one');
  await inspector.screenshot('history-recovered');

  // The new database works at once; the notice stays until dismissed.
  await inspector.lookUp('chat1777');
  await expect(inspector.historyRows).toHaveCount(1);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
