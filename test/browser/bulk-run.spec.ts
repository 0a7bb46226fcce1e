// Issue "Many dialogs at once", the window: a pasted list is offered as a
// bulk run, not refused; the run's view shows where it stands, then a row per
// identifier with its outcome; a row opens its dialog; a run can be stopped;
// 5,000 rows scroll with few in the page. Real preload, main and emulator.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { rowEdges, worstSeam } from './support/row-edges';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';

const bulkView = (page: Page) => page.locator('section.bulk');
const bulkTitle = (page: Page) => page.locator('#bulk-title');
const bulkRows = (page: Page) => page.locator('[data-testid="bulk-rows"] .bulk-row');

test('a pasted list is offered as a run, and Enter looks each identifier up, in list order with its own outcome', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  const before = harness.emulator.requests.length;
  // As copied from a spreadsheet's column: one a line, typed into the one-line field as a paste would be.
  await inspector.lookupInput.focus();
  await page.keyboard.insertText('chat1777\n2001\n2002\nlivechat|22|1775|599\nhello\n9999\nchat1777\n2003');
  await expect(inspector.hint).toContainText('7 identifiers (1 not recognised, 1 repeat) — Enter looks them all up');
  await expect(inspector.hint.getByRole('button', { name: 'Look up all 7' })).toBeVisible();
  // Not the single identifier's refusal about spaces.
  await expect(inspector.hint).not.toContainText('without spaces');
  await expect(inspector.lookupInput).toHaveAttribute('aria-invalid', 'false');
  expect(harness.emulator.requests.length, 'nothing asked of the portal before Enter').toBe(before);
  await inspector.windowScreenshot('bulk-offer');

  await inspector.lookupInput.press('Enter');
  await expect(bulkTitle(page)).toHaveText('Done: 5 found, 2 failed');
  await expect(bulkView(page).locator('.stats')).toContainText('7 of 7');
  const rows = bulkRows(page);
  await expect(rows).toHaveCount(7);
  await expect(rows.locator('.input')).toHaveText(['chat1777', '2001', '2002', 'livechat|22|1775|599', 'hello', '9999', '2003']);
  await expect(rows.locator('.badge')).toHaveText(['Found', 'Found', 'Found', 'Found', 'Failed', 'Failed', 'Found']);
  await expect(rows.nth(0)).toContainText(DOCUMENTED_NAME);
  await expect(rows.nth(0)).toContainText('Samantha Johnson');
  await expect(rows.nth(0)).toContainText('Lead 1209');
  await expect(rows.nth(1).locator('.name bdi')).toContainText('Анна Смирнова');
  await expect(rows.nth(4)).toContainText('Not a dialog identifier');
  // A failed row is two lines, a found one one: each stacked on the one above, edge to edge.
  expect((await rows.nth(4).boundingBox())!.height).toBeGreaterThan((await rows.nth(3).boundingBox())!.height + 10);
  expect(worstSeam(await rowEdges(page.getByTestId('bulk-rows')))).toBeLessThan(0.5);
  await expect(page.getByRole('radio', { name: 'Failed 2' })).toBeVisible();
  await expect(inspector.announcer).toHaveText('Done: 5 found, 2 failed');
  await inspector.windowScreenshot('bulk-run');

  // The filter: only the failures, each with its reason.
  await page.getByRole('radio', { name: 'Failed 2' }).check();
  await expect(rows.locator('.input')).toHaveText(['hello', '9999']);
  await inspector.windowScreenshot('bulk-run-failed');

  // Copy as CSV: what is shown, quoted as RFC 4180 has it.
  await page.getByRole('button', { name: 'Copy as CSV' }).click();
  await expect.poll(() => harness.clipboard.length).toBe(1);
  const csv = harness.clipboard[0]!.split('\r\n');
  expect(csv[0]).toMatch(/^identifier,outcome,dialog,/);
  expect(csv.slice(1, 3).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['hello,Failed', '9999,Failed']);
  await page.getByRole('radio', { name: 'All 7' }).check();

  // A failed row's Enter puts its identifier in the field, to be corrected.
  await rows.nth(4).focus();
  await page.keyboard.press('Enter');
  await expect(inspector.lookupInput).toHaveValue('hello');
  await expect(inspector.lookupInput).toBeFocused();

  // The keys move through the rows; Enter on a found row looks it up and shows it in the inspector.
  await rows.nth(4).focus();
  await page.keyboard.press('Home');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(6)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(bulkView(page)).toHaveCount(0);
  await expect(inspector.lookupInput).toHaveValue('chat1777');

  // The run is still there, one click away; closed, the inspector comes back.
  const back = page.locator('.bulk-back');
  await expect(back).toContainText('The bulk run of 7 dialogs is still here.');
  await back.getByRole('button', { name: 'Show the run' }).click();
  await expect(bulkTitle(page)).toHaveText('Done: 5 found, 2 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(bulkView(page)).toHaveCount(0);
  await inspector.expectLoaded(DOCUMENTED_NAME);
});

test('a kept row opens the copy kept on this computer when the portal cannot be reached', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  harness.emulator.injectFault({ kind: 'reset' }, { times: 20 });
  await inspector.lookupInput.fill('chat1777, 2002');
  await inspector.lookupInput.press('Enter');
  await expect(bulkTitle(page)).toHaveText('Done: 0 found, 1 kept copy, 1 failed');
  const rows = bulkRows(page);
  await expect(rows.locator('.badge')).toHaveText(['Kept copy', 'Failed']);
  await expect(rows.nth(0)).toContainText('Portal not reached');
  await inspector.windowScreenshot('bulk-run-kept');
  await rows.nth(0).click();
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.offlineBanner).toBeVisible();
});

test('a run can be stopped: it says so and keeps the rows answered', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  harness.emulator.injectFault({ kind: 'hang' }, { method: 'batch' });
  await inspector.lookupInput.fill('chat1777 2001 hello');
  await inspector.hint.getByRole('button', { name: 'Look up all 3' }).click();
  await expect(bulkTitle(page)).toHaveText('Looking up 3 dialogs');
  await expect(bulkView(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
  await expect(bulkView(page).locator('.stats')).toContainText('1 of 3');
  await inspector.windowScreenshot('bulk-running');
  await bulkView(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(bulkTitle(page)).toHaveText('Stopped: 0 found, 1 failed; 2 not looked up');
  await expect(bulkRows(page).locator('.input')).toHaveText(['hello']);
  await expect(bulkView(page).getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await inspector.windowScreenshot('bulk-stopped');
});

test('a run the portal slows says its pace and the time left as it goes, and its wait for the rate limit, then how long it took', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  // Three batches; the portal's bucket is full twice before the second and twice before the third:
  // each waits 1 s, then 2 s, and goes on at its third try.
  const full = { kind: 'error', code: 'QUERY_LIMIT_EXCEEDED', status: 503 } as const;
  harness.emulator.injectFault(full, { method: 'batch', after: 1, times: 2 });
  harness.emulator.injectFault(full, { method: 'batch', after: 1, times: 2 });
  const inputs = [...Array.from({ length: 149 }, (_, i) => `livechat|1|x${i}|1`), 'chat1777'];
  await inspector.lookupInput.fill(inputs.join('\n'));
  await inspector.lookupInput.press('Enter');
  const stats = bulkView(page).locator('.stats');
  await expect(stats).toHaveText(/^\d+ of 150 · [\d.]+\/s · (about )?\d+ s left$/, { timeout: 10_000 });
  const done = Number((await stats.textContent())!.split(' ')[0]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(150);
  await expect(bulkView(page)).toContainText(/Waiting for the portal's rate limit: \d s/);
  await inspector.windowScreenshot('bulk-paced');
  await expect(bulkTitle(page)).toHaveText('Done: 1 found, 149 failed', { timeout: 10_000 });
  await expect(stats).toHaveText(/^150 of 150 · in [\d.]+ s$/);
});

test('300 identifiers: every row answered, with few of them in the page however far it scrolls', async ({ inspector, page }) => {
  await inspector.openConnected();
  const inputs = [...Array.from({ length: 296 }, (_, i) => `livechat|1|x${i}|1`), 'chat1777', '2001', '2002', '2003'];
  await inspector.lookupInput.fill(inputs.join(' '));
  await expect(inspector.hint).toContainText('300 identifiers — Enter looks them all up');
  await inspector.lookupInput.press('Enter');
  await expect(bulkTitle(page)).toHaveText('Done: 4 found, 296 failed', { timeout: 20_000 });
  await expect(page.getByRole('radio', { name: 'All 300' })).toBeVisible();
  const rows = bulkRows(page);
  expect(await rows.count()).toBeLessThan(60);
  await rows.first().focus();
  await page.keyboard.press('End');
  await expect(page.locator('#bulk-row-299')).toBeFocused();
  await expect(page.locator('#bulk-row-299 .input')).toHaveText('2003');
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.locator('#bulk-row-0')).toHaveCount(0);
  await inspector.windowScreenshot('bulk-300');
});

test('a text file dropped on the window fills the field and is offered as a run; a file over 2 MB is refused', async ({ inspector, page }) => {
  await inspector.openConnected();
  // What the OS hands the page when a file is dropped on it: a drop event carrying the file.
  const drop = (name: string, content: string, type: string) =>
    page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(content)}], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    })()`);
  await drop('dialogs.txt', 'chat1777;2001\r\n2002\thello\r\n', 'text/plain');
  await expect(inspector.lookupInput).toHaveValue('chat1777 2001 2002 hello');
  await expect(inspector.hint).toContainText('4 identifiers (1 not recognised) — Enter looks them all up');
  // A CSV is read as a table: its first column, a note beside each identifier left out.
  await drop('dialogs.csv', 'chat1777;waiting since Monday, twice\r\n2002;"called; no answer"\r\n', 'text/csv');
  await expect(inspector.lookupInput).toHaveValue('chat1777 2002');

  await drop('huge.txt', 'x'.repeat(2_000_001), 'text/plain');
  await expect(page.locator('.notice.error')).toContainText('huge.txt is 2.1 MB: only lists of up to 2 MB can be dropped.');
  await drop('photo.png', 'PNG', 'image/png');
  await expect(page.locator('.notice.error')).toContainText('photo.png is not a text or CSV file.');
  await expect(inspector.lookupInput).toHaveValue('chat1777 2002');
});

test('“Open a list…” reads a CSV the user picks in the OS dialog: our own bulk export gives back its dialogs, offered as a run', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  // A bulk table as the app saves it: the dialog's id beside line, operator and session ids, which are no chats.
  const exported = join(harness.dataDir, 'bulk-2026-12-07-1012.csv');
  await writeFile(
    exported,
    '\uFEFFinput,outcome,chat_id,dialog_id,name,channel,line_id,line_name,operator_id,operator_name,client_user_id,crm,session_id,session_start,pinned,silent,blocked,error_code,error\r\n' +
      '1777,found,1777,chat1777,"Guest, the first",livechat,22,Site,7,Anna,1775,,343,2026-12-07T09:00:00Z,false,false,false,,\r\n' +
      'hello,failed,,,,,,,,,,,,,,,,INVALID_IDENTIFIER,Not recognised\r\n' +
      '2001,found,2001,chat2001,Second,telegrambot,3,Bot,9,Ivan,1800,,344,2026-12-07T10:00:00Z,false,false,false,,\r\n',
  );
  harness.filesToOpen.push(exported);
  const open = inspector.page.getByRole('button', { name: 'Open a list…' });
  await open.focus();
  await inspector.windowScreenshot('bulk-open-list');
  await page.keyboard.press('Enter');
  await expect(inspector.lookupInput).toHaveValue('chat1777 chat2001');
  await expect(inspector.lookupInput).toBeFocused();
  await expect(inspector.hint).toContainText('2 identifiers — Enter looks them all up');
  expect(harness.calls).toContain('list:open');

  // A file that is no list is said in words; the field keeps what it had. A closed dialog changes nothing.
  const binary = join(harness.dataDir, 'book.csv');
  await writeFile(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]));
  harness.filesToOpen.push(binary);
  await open.click();
  await expect(page.locator('.notice.error')).toContainText('List not opened: book.csv is not a text or CSV file');
  await open.click();
  await expect(inspector.lookupInput).toHaveValue('chat1777 chat2001');
});

test('a finished run is one history entry that reopens its table', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookupInput.focus();
  await page.keyboard.insertText('chat1777\n2001\nhello');
  await inspector.lookupInput.press('Enter');
  await expect(bulkTitle(page)).toHaveText('Done: 2 found, 1 failed');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(bulkView(page)).toHaveCount(0);

  if (!(await inspector.historyPanel.isVisible())) await inspector.historyToggle.click();
  const entry = inspector.historyRows.filter({ has: page.locator('[data-outcome="bulk"]') });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('chat1777, 2001, hello');
  await expect(entry).toContainText('3 identifiers: 2 found, 1 failed');
  await inspector.windowScreenshot('bulk-in-history');
  await entry.locator('button.list-button').click();
  await expect(bulkTitle(page)).toHaveText('Done: 2 found, 1 failed');
  await expect(bulkRows(page).locator('.input')).toHaveText(['chat1777', '2001', 'hello']);
});
