// Issue 13, the Watching view in the window: a dialog watched from its card,
// listed in the view with the watch's status, a change the background watch
// finds arriving by push (the row's last change and the header's count),
// opened in the inspector (its changes seen, the count gone), unwatched from
// the view; the palette's commands; the view in Russian. Real preload, main
// (its background watch held paused until the test has changed the dialog on
// the emulator, then let go) and emulator.
import type { Page } from '@playwright/test';
import type { WatchList, WatchStatus } from '../../preload/api-contract';
import { test, expect } from './support/fixtures';

const NAME = 'Green Guest #17 - Bitrix24 Documentation';
const view = (page: Page) => page.locator('section.watching');
const rows = (page: Page) => view(page).getByTestId('watch-rows').locator('.watch-row');
const watchingButton = (page: Page) => page.locator('#watching-toggle');
const cardButton = (page: Page) => page.locator('#watch-toggle');

test('a dialog watched from its card shows in the Watching view; its change arrives by push, is seen when opened, and it is unwatched', async ({ inspector, harness, page }) => {
  // Held until the dialog has changed on the portal, so the watch's first request finds the change.
  harness.api.watch.pause();
  await inspector.openConnected();
  await expect(watchingButton(page)).toHaveAccessibleName('Watching');

  // The empty view says how to watch a dialog.
  await watchingButton(page).click();
  await expect(view(page).getByTestId('watch-empty')).toContainText('press Watch on its card');
  await expect(watchingButton(page)).toHaveAttribute('aria-pressed', 'true');
  await inspector.screenshot('watching-empty');

  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(NAME);
  await expect(view(page)).toHaveCount(0);
  await expect(cardButton(page)).toHaveText('Watch');
  await cardButton(page).click();
  await expect(cardButton(page)).toHaveText('Stop watching');
  await expect(inspector.announcer).toHaveText('Watching this dialog: its changes show under Watching.');
  await inspector.windowScreenshot('watching-card');

  await watchingButton(page).click();
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).first();
  await expect(row).toHaveAttribute('data-chat', '1777');
  await expect(row.locator('.name')).toHaveText(NAME);
  await expect(row).toContainText('No change since it was watched.');
  await expect(view(page).getByTestId('watch-status')).toHaveAttribute('data-state', 'paused');
  await expect(view(page).getByTestId('watch-budget')).toContainText('Nothing sent yet; 25 % of the portal’s request rate allowed');
  await expect(view(page).getByTestId('watch-next')).toContainText('When it goes on');
  await inspector.screenshot('watching-paused');

  // The dialog changes on the portal; the watch goes on and finds it.
  harness.emulator.updateDialog(1777, { name: 'VIP: Green Guest' });
  harness.api.watch.resume();
  await expect(row.locator('.change')).toContainText('Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP: Green Guest”', { timeout: 15_000 });
  await expect(row).toHaveAttribute('data-unseen', '1');
  await expect(row.locator('.count')).toContainText('1 new');
  await expect(watchingButton(page)).toHaveAccessibleName('Watching, 1 unseen change');
  // The row's brief is read again after the push: the kept copy's new name.
  await expect(row.locator('.name')).toHaveText('VIP: Green Guest');
  expect(harness.pushed.some((one) => one.event === 'watchChange')).toBe(true);
  // The status came by push too: watching, and the budget against the setting's 25 %.
  await expect(view(page).getByTestId('watch-status')).toHaveAttribute('data-state', 'watching');
  await expect(view(page).getByTestId('watch-budget')).toContainText('25 % allowed');
  await expect(view(page).getByTestId('watch-cycle')).toContainText('1 dialog in 1 request, every 5 min');
  await expect(view(page).getByTestId('watch-next')).toContainText(/in \d+\s(s|min)/);
  await inspector.screenshot('watching');

  // A round in which the wait rule read a transcript and the lines, as main pushes it after the reads (the
  // watch's own pace is minutes apart here; the count itself is test/integration/watch-rules.test.ts's).
  const last = harness.pushed.filter((one) => one.event === 'watchStatus').at(-1)!.payload as WatchStatus;
  await page.evaluate(`window.__inspectorEmit('watch:status', ${JSON.stringify({ ...last, followUpRequests: 2, cycleSeconds: 900 })})`);
  await expect(view(page).getByTestId('watch-cycle').locator('.detail')).toHaveText('1 dialog in 1 request, plus 2 to check clients’ waits, every 15 min');
  await expect(view(page).getByTestId('watch-cycle')).toHaveAttribute('title', /2 requests in the last round, each at the watch’s pace/);
  await inspector.screenshot('watching-wait-reads');
  await page.evaluate(`window.__inspectorEmit('watch:status', ${JSON.stringify(last)})`);
  await expect(view(page).getByTestId('watch-cycle')).not.toContainText('clients’ waits');

  // Opened with the keyboard: the inspector shows it, and its changes are seen.
  await row.locator('button.open').focus();
  await page.keyboard.press('Enter');
  await expect(view(page)).toHaveCount(0);
  await inspector.expectLoaded('VIP: Green Guest');
  await expect(inspector.lookupInput).toHaveValue('chat1777');
  await expect(watchingButton(page)).toHaveAccessibleName('Watching');
  await expect(watchingButton(page).locator('.unseen')).toHaveCount(0);
  await expect.poll(async () => ((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows[0]?.unseen).toBe(0);

  // Back in the view (from the palette): unwatched from its row, the empty state comes back.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('watch list');
  await expect(palette.getByRole('option').first()).toContainText('Open the watch list');
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-unseen', '0');
  await view(page).getByRole('button', { name: 'Stop watching VIP: Green Guest' }).click();
  await expect(view(page).getByTestId('watch-empty')).toBeVisible();
  await expect(view(page).getByRole('button', { name: 'Close' })).toBeFocused();
  expect(((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows).toEqual([]);

  // The card says it is no longer watched.
  await view(page).getByRole('button', { name: 'Close' }).click();
  await expect(cardButton(page)).toHaveText('Watch');
});

test('the palette watches and stops watching the dialog shown; the view keys move through the rows and Delete unwatches', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  for (const chat of ['chat1777', 'chat2001']) {
    await inspector.lookUp(chat);
    await expect(inspector.dialogName).not.toBeEmpty();
    await page.keyboard.press('Control+k');
    await palette.getByRole('combobox').fill('watch this');
    await expect(palette.getByRole('option').first()).toContainText('Watch this dialog');
    await page.keyboard.press('Enter');
    await expect(cardButton(page)).toHaveText('Stop watching');
  }
  await page.keyboard.press('Control+k');
  await palette.getByRole('combobox').fill('watch this');
  await expect(palette.getByRole('option').first()).toContainText('Stop watching this dialog');
  await page.keyboard.press('Escape');

  await watchingButton(page).click();
  await expect(rows(page)).toHaveCount(2);
  // One Tab stop for the rows; ↓/Home/End move, Delete unwatches the one focused.
  await expect(view(page).locator('button.open[tabindex="0"]')).toHaveCount(1);
  await rows(page).first().locator('button.open').focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1).locator('button.open')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows(page).first().locator('button.open')).toBeFocused();
  const first = await rows(page).first().getAttribute('data-chat');
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).not.toHaveAttribute('data-chat', first!);
  await expect(rows(page).first().locator('button.open')).toBeFocused();
  const left = ((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows.map((one) => String(one.chatId));
  expect(left).toEqual([await rows(page).first().getAttribute('data-chat')]);
});

test('the Watching view in Russian: the status, the row and the header’s count', async ({ inspector, harness, page }) => {
  await harness.dispatch('settings:update', { language: 'ru' });
  harness.api.watch.pause();
  await harness.connectWebhook();
  await inspector.open();
  await page.locator('#lookup-input').fill('chat1777');
  await page.locator('#lookup-input').press('Enter');
  await expect(inspector.dialogName).toHaveText(NAME);
  await cardButton(page).click();
  await expect(cardButton(page)).toHaveText('Не наблюдать');
  harness.emulator.updateDialog(1777, { name: 'VIP: Green Guest' });
  harness.api.watch.resume();
  await expect(watchingButton(page)).toHaveAccessibleName(/^Наблюдение, \d+ непросмотренн/, { timeout: 15_000 });
  await watchingButton(page).click();
  await expect(view(page).getByRole('heading', { name: 'Наблюдение' })).toBeVisible();
  await expect(view(page).getByTestId('watch-status')).toContainText('Идёт');
  await expect(view(page).getByTestId('watch-budget')).toContainText('разрешено 25 %');
  await expect(rows(page).first()).toContainText('Последнее изменение');
  await expect(rows(page).first().locator('.name')).toHaveText('VIP: Green Guest');
  await inspector.screenshot('watching-ru');
});

test('a dialog the portal refuses says so on its row, and the watch goes on', async ({ inspector, harness, page }) => {
  harness.api.watch.pause();
  await inspector.openConnected();
  // No such chat on the portal: its answer in the batch is an error of its own.
  expect(await harness.dispatch('watch:add', { chatId: 987654 })).toMatchObject({ ok: true });
  await watchingButton(page).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Not asked for yet');
  harness.api.watch.resume();
  await expect(rows(page).first().getByTestId('watch-refused')).toContainText(/^The portal refused it on the last refresh: Dialog not found or no access \(ACCESS_ERROR\)\. It is asked again each round\.$/, { timeout: 15_000 });
  await expect(rows(page).first()).not.toContainText('Not asked for yet');
  await expect(rows(page).first().locator('.when')).toContainText('asked this minute');
  await expect(view(page).getByTestId('watch-trouble')).toHaveCount(0);
  await inspector.screenshot('watching-refused');
});

test('a portal out of reach puts the watch offline, and the view says why', async ({ inspector, harness, page }) => {
  harness.api.watch.pause();
  await inspector.openConnected();
  expect(await harness.dispatch('watch:add', { chatId: 1777 })).toMatchObject({ ok: true });
  await watchingButton(page).click();
  await expect(rows(page)).toHaveCount(1);
  harness.emulator.injectFault({ kind: 'reset' }, { times: 1_000 });
  harness.api.watch.resume();
  await expect(view(page).getByTestId('watch-status')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
  await expect(view(page).getByTestId('watch-status')).toContainText('The last request did not get through; it is tried again.');
  await expect(view(page).getByTestId('watch-trouble')).not.toBeEmpty();
  await expect(view(page).getByTestId('watch-next')).toContainText(/in \d+\s(s|min)$/);
  await inspector.screenshot('watching-offline');
  harness.emulator.clearFaults();
});

test('a dialog’s own rules are set from its row, said on the row and kept by main; back to the list’s the same way', async ({ inspector, harness, page }) => {
  harness.api.watch.pause();
  await inspector.openConnected();
  expect(await harness.dispatch('watch:add', { chatId: 1777 })).toMatchObject({ ok: true });
  await watchingButton(page).click();
  await expect(rows(page)).toHaveCount(1);
  // Not asked for yet (the watch is held): the row and the dialog name it by its chat.
  const row = rows(page).first();
  await expect(row.getByTestId('watch-rules')).toHaveText('follow the list');

  const opener = row.getByRole('button', { name: 'Notification rules for chat1777' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Notification rules' });
  await expect(dialog).toBeVisible();
  // Following the list, the boxes show the list's rules (the settings' "what matters"), greyed.
  await expect(dialog.getByRole('radio', { name: 'Follow the watch list' })).toBeFocused();
  await expect(dialog.getByRole('checkbox', { name: 'A new session starts' })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: 'A new session starts' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Anything at all changes' })).not.toBeChecked();

  await dialog.getByRole('radio', { name: 'Its own rules' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'A new session starts' })).toBeEnabled();
  for (const name of ['The client is now waiting', 'The operator changes', 'Replies are blocked']) await dialog.getByRole('checkbox', { name }).uncheck();
  await dialog.getByRole('radio', { name: 'Minutes' }).check();
  const minutes = dialog.getByRole('textbox', { name: 'Minutes of waiting' });
  await minutes.fill('1 500');
  await dialog.getByRole('button', { name: 'Save' }).click();
  // Refused in words, nothing sent, the box given focus.
  await expect(dialog.getByTestId('watch-rules-minutes-help')).toHaveText('The wait is from 1 to 1,440 minutes (a day).');
  await expect(minutes).toBeFocused();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await minutes.fill('15 min');
  await expect(dialog.getByTestId('watch-rules-minutes-help')).toHaveText('Minutes are a whole number, such as 15.');
  await minutes.fill('15');
  await expect(dialog.getByTestId('watch-rules-minutes-help')).toHaveText('From 1 to 1,440 minutes (a day).');
  await inspector.screenshot('watching-rules-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(inspector.announcer).toHaveText('Rules saved for chat1777.');
  await expect(row.getByTestId('watch-rules')).toHaveText('own rules — waits over 15 min, new session, closed');
  const kept = ((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows[0]!;
  expect(kept.ownRules).toEqual({ waitedLonger: 15, newSession: true, clientWaiting: false, operatorChanged: false, closed: true, blocked: false, anyChange: false });
  expect(kept.rules.own).toBe(true);
  await inspector.screenshot('watching-own-rules');

  // Reopened, the dialog shows the own set; following the list again clears it in main.
  await opener.click();
  await expect(dialog.getByRole('radio', { name: 'Its own rules' })).toBeChecked();
  await expect(dialog.getByRole('textbox', { name: 'Minutes of waiting' })).toHaveValue('15');
  await dialog.getByRole('radio', { name: 'Follow the watch list' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByTestId('watch-rules')).toHaveText('follow the list');
  expect(((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows[0]!.ownRules).toBeNull();
});

test('the rules dialog in Russian, the line’s target chosen', async ({ inspector, harness, page }) => {
  await harness.dispatch('settings:update', { language: 'ru' });
  harness.api.watch.pause();
  await harness.connectWebhook();
  expect(await harness.dispatch('watch:add', { chatId: 1777 })).toMatchObject({ ok: true });
  await inspector.open();
  await watchingButton(page).click();
  const row = rows(page).first();
  await expect(row.getByTestId('watch-rules')).toHaveText('по правилам списка');
  await row.getByRole('button', { name: 'Правила уведомлений для chat1777' }).click();
  const dialog = page.getByRole('dialog', { name: 'Правила уведомлений' });
  await dialog.getByRole('radio', { name: 'Свои правила' }).check();
  await dialog.getByRole('radio', { name: 'Норматива ответа линии' }).check();
  await inspector.screenshot('watching-rules-dialog-ru');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(row.getByTestId('watch-rules')).toHaveText(/^свои правила — ждёт дольше норматива линии, новая сессия/);
  await inspector.screenshot('watching-own-rules-ru');
});

test('a dialog is watched and unwatched from its history row, and a bulk run’s rows from the table or all found at once', async ({ inspector, harness, page }) => {
  harness.api.watch.pause();
  await inspector.openConnected();
  const watched = async () =>
    ((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows.map((one) => one.chatId).sort((a, b) => a - b);

  // The history's row: an eye among its actions, named for the chat.
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(NAME);
  const historyRow = page.locator('[data-history-id]').first();
  await historyRow.hover();
  await historyRow.getByRole('button', { name: 'Watch chat1777' }).click();
  await expect(historyRow.getByRole('button', { name: 'Stop watching chat1777' })).toHaveAttribute('data-watched', 'true');
  await expect(inspector.announcer).toHaveText('Watching this dialog: its changes show under Watching.');
  // The card agrees: one list, whoever changed it.
  await expect(cardButton(page)).toHaveText('Stop watching');
  expect(await watched()).toEqual([1777]);
  await inspector.windowScreenshot('watching-from-history');
  await historyRow.getByRole('button', { name: 'Stop watching chat1777' }).click();
  await expect(historyRow.getByRole('button', { name: 'Watch chat1777' })).toBeVisible();
  expect(await watched()).toEqual([]);

  // A bulk run: one row watched from the table, then every dialog found.
  await inspector.lookupInput.fill('');
  await inspector.lookupInput.focus();
  await page.keyboard.insertText('chat1777\n2001\nhello\n2002');
  await inspector.lookupInput.press('Enter');
  await expect(page.locator('#bulk-title')).toHaveText('Done: 3 found, 1 failed');
  const bulkLines = page.locator('[data-testid="bulk-rows"] .bulk-line');
  await expect(bulkLines).toHaveCount(4);
  // The failed row has nothing to watch.
  await expect(bulkLines.nth(2).getByRole('button', { name: /Watch/ })).toHaveCount(0);
  await bulkLines.nth(1).hover();
  await bulkLines.nth(1).getByRole('button', { name: 'Watch chat2001' }).click();
  await expect(bulkLines.nth(1).getByRole('button', { name: 'Stop watching chat2001' })).toBeVisible();
  expect(await watched()).toEqual([2001]);

  await page.getByTestId('bulk-watch-all').click();
  await expect(page.getByRole('alert').filter({ hasText: '2 dialogs added to the watch list; 1 already watched.' })).toBeVisible();
  expect(await watched()).toEqual([1777, 2001, 2002]);
  await expect(bulkLines.nth(0).getByRole('button', { name: 'Stop watching chat1777' })).toHaveAttribute('data-watched', 'true');
  await inspector.windowScreenshot('watching-from-bulk');

  // Again: nothing left to add, and it says so.
  await page.getByTestId('bulk-watch-all').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Every dialog found is already watched.' })).toBeVisible();

  await watchingButton(page).click();
  await expect(rows(page)).toHaveCount(3);
});

test('the rules dialog says why the line’s target cannot measure the wait, for a line with no target set', async ({ inspector, harness, page }) => {
  harness.api.watch.pause();
  await inspector.openConnected();
  // Chat 2013 is on line 9, whose answer-time targets are off; looked up, so its copy and the lines are known.
  await inspector.lookUp('chat2013');
  await expect(inspector.dialogName).toHaveText('Acme Ticket #4013 - Night shift');
  expect(await harness.dispatch('watch:add', { chatId: 2013 })).toMatchObject({ ok: true });
  const kpi = { waitedLonger: 'kpi', newSession: false, clientWaiting: false, operatorChanged: false, closed: false, blocked: false, anyChange: false };
  expect(await harness.dispatch('watch:rules', { chatId: 2013, rules: kpi })).toMatchObject({ ok: true, value: { rules: { kpiNote: expect.stringContaining('Line 9') } } });
  await watchingButton(page).click();
  const row = rows(page).first();
  await expect(row.getByTestId('watch-rules')).toHaveText('own rules — waits over the line’s target');
  // The row says it too, so the lead need not open the dialog to learn the wait is not measured.
  await expect(row.getByTestId('watch-kpi-note')).toHaveText('Line 9 has no answer-time target set (KPI_FIRST_ANSWER_TIME / KPI_FURTHER_ANSWER_TIME are off).');
  await row.getByRole('button', { name: /^Notification rules for / }).click();
  const dialog = page.getByRole('dialog', { name: 'Notification rules' });
  await expect(dialog.getByRole('radio', { name: 'The line’s answer-time target' })).toBeChecked();
  await expect(dialog.getByTestId('watch-rules-kpi-note')).toHaveText('About the line’s target: Line 9 has no answer-time target set (KPI_FIRST_ANSWER_TIME / KPI_FURTHER_ANSWER_TIME are off).');
  await inspector.screenshot('watching-rules-kpi-note');
});
