// Issue "Many dialogs at once", the overview in the window: opened from the
// header in place of the inspector, its figures agree with its rows, a column
// sorts, the filters and the search narrow, the keys move through the rows and
// Enter opens a dialog in the inspector; its schedule and budget as main pushes
// them, and the table grouped with counts. Real preload, main and emulator (the
// demo data's 300 live open-line dialogs).
import { existsSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { OverviewSchedule, WatchList } from '../../preload/api-contract';
import { startEmulator } from '../../main/emulator/index';
import { test, expect } from './support/fixtures';
import { rowEdges, worstSeam } from './support/row-edges';

const view = (page: Page) => page.locator('section.overview');
const rows = (page: Page) => page.locator('[data-testid="overview-rows"] .overview-row');
const shown = (page: Page) => page.getByTestId('overview-shown');
const figure = (page: Page, id: string) => page.getByTestId(id).locator('.figure-value');
const header = (page: Page, name: string) => view(page).getByRole('columnheader', { name });

/** "12 of 300 dialogs" → 12; "300 dialogs" → 300. */
async function shownCount(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  return Number(text.replace(/[^\d ].*$/, '').replace(/\D/g, ''));
}

async function openOverview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Overview' }).click();
  await expect(view(page).getByRole('heading', { name: 'Open lines overview' })).toBeVisible();
  await expect(page.getByTestId('overview-fetched')).toBeVisible({ timeout: 20_000 });
}

test('the overview opens from the header, its figures agree with its rows, saves as CSV, and a row opens in the inspector', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  await openOverview(page);
  await expect(page.getByRole('button', { name: 'Overview' })).toHaveAttribute('aria-pressed', 'true');

  // Every source the test webhook's scopes allow is used, and says how many it gave.
  const sources = page.getByTestId('overview-sources');
  await expect(sources.locator('[data-source="recent"]')).toHaveAttribute('data-state', 'used');
  await expect(sources.locator('[data-source="crm"]')).toHaveAttribute('data-state', 'used');

  const total = await shownCount(shown(page));
  expect(total).toBeGreaterThan(100);
  await expect(page.getByRole('radio', { name: `All ${total.toLocaleString('en-GB')}` })).toBeChecked();
  // Few rows are in the page, whatever the total.
  expect(await rows(page).count()).toBeLessThan(60);
  await expect(rows(page).and(page.locator('[tabindex="0"]'))).toHaveCount(1);

  // Waiting now is the number of rows whose client waits.
  const waiting = Number(await figure(page, 'overview-waiting').textContent());
  expect(waiting).toBeGreaterThan(0);
  await page.getByRole('radio', { name: /^Client waiting / }).check();
  await expect(shown(page)).toHaveText(new RegExp(`^${waiting} of `));
  await expect(rows(page).first()).toHaveAttribute('data-status', 'clientWaiting');

  // The longest wait is the first row's: the table starts with the longest wait.
  await expect(header(page, 'Waiting')).toHaveAttribute('aria-sort', 'ascending');
  const longest = (await page.getByTestId('overview-longest').locator('.figure-detail').textContent())!.trim();
  await expect(rows(page).first().locator('.client bdi')).toHaveText(longest);
  const longestWait = (await figure(page, 'overview-longest').textContent())!.trim();
  await expect(rows(page).first().locator('.wait')).toHaveText(new RegExp(`^${longestWait}`));
  // Waits of hours against lines' targets of minutes (imopenlines.config.list.get): past them, in words and with an icon, not by colour alone.
  const pastWait = rows(page).locator('.wait[data-past-target]').first();
  await expect(pastWait).toHaveAttribute('title', /The line’s answer target: \d+ min, passed .+ ago$/);
  await expect(pastWait.locator('.sr-only')).toHaveText(', past the line’s answer target');
  await expect(pastWait.locator('svg')).toHaveCount(1);
  await expect(page.getByTestId('overview-past-target')).toHaveText(/^\d+ past the line’s target$/);
  const pastCount = Number((await page.getByTestId('overview-past-target').textContent())!.split(' ')[0]);
  expect(pastCount).toBeGreaterThan(0);
  expect(pastCount).toBeLessThanOrEqual(waiting);
  await inspector.windowScreenshot('overview');

  // Saved as the refresh left it: one CSV record a dialog.
  await page.locator('section.overview').getByRole('button', { name: 'Save as CSV' }).click();
  await expect.poll(() => harness.savedFiles.length).toBe(1);
  await expect.poll(() => existsSync(harness.savedFiles[0]!) && readFileSync(harness.savedFiles[0]!, 'utf8').split('\r\n').length).toBe(total + 1);
  expect(readFileSync(harness.savedFiles[0]!, 'utf8')).toMatch(/^\uFEFFchat_id,dialog_id,name,status,/);

  // A channel's bar counts its open sessions: those waiting plus those answered.
  const bar = page.getByTestId('overview-by-channel').locator('.bar-row').first();
  const barCount = Number(await bar.locator('.count').textContent());
  await bar.click();
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  const waitingThere = await shownCount(shown(page));
  await page.getByRole('radio', { name: /^Answered / }).check();
  const answeredThere = await shownCount(shown(page));
  expect(waitingThere + answeredThere).toBe(barCount);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(shown(page)).toHaveText(`${total.toLocaleString('en-GB')} dialogs`);

  // Sorting by client: the header says so, and the rows are in the locale's order.
  await header(page, 'Client').getByRole('button').click();
  await expect(header(page, 'Client')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(page, 'Waiting')).toHaveAttribute('aria-sort', 'none');
  const names = await rows(page).locator('.client bdi').allTextContents();
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  expect(names.slice(0, 10)).toEqual([...names.slice(0, 10)].sort(collator.compare));
  await header(page, 'Client').getByRole('button').click();
  await expect(header(page, 'Client')).toHaveAttribute('aria-sort', 'descending');
  const backwards = await rows(page).locator('.client bdi').allTextContents();
  expect(collator.compare(backwards[0]!, names[0]!)).toBeGreaterThan(0);

  // The search narrows as it is typed, over client, dialog and operator names.
  const search = view(page).getByRole('searchbox', { name: 'Search' });
  await search.fill('Иван');
  const found = await shownCount(shown(page));
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(total);
  for (const text of await rows(page).allTextContents()) expect(text).toContain('Иван');
  await inspector.windowScreenshot('overview-search');

  // A line chosen in its select: every row shown is on it.
  await search.fill('');
  const lineSelect = view(page).getByRole('combobox', { name: 'Line' });
  const option = lineSelect.locator('option').nth(1);
  const lineName = (await option.textContent())!;
  await lineSelect.selectOption({ index: 1 });
  for (const cell of await rows(page).locator('.cell:nth-child(5)').allTextContents()) expect(cell).toBe(lineName);

  // The keys: one Tab stop, ↓ and End move, Enter opens the dialog in the inspector.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await header(page, 'Waiting').getByRole('button').click();
  await expect(header(page, 'Waiting')).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('radio', { name: /^Client waiting / }).check();
  await rows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows(page).last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows(page).first()).toBeFocused();
  const chat = await rows(page).first().getAttribute('data-chat');
  const client = (await rows(page).first().locator('.client bdi').textContent())!;
  await page.keyboard.press('Enter');
  await expect(view(page)).toHaveCount(0);
  await expect(inspector.lookupInput).toHaveValue(`chat${chat}`);
  await expect(inspector.dialogName).toContainText(client);
  await expect(page.getByRole('button', { name: 'Overview' })).toHaveAttribute('aria-pressed', 'false');

  // Opened again, the last refresh shows at once, filtered and sorted as it was left, on the row opened.
  await page.getByRole('button', { name: 'Overview' }).click();
  await expect(shown(page)).toHaveText(`${waiting} of ${total.toLocaleString('en-GB')} dialogs`);
  await expect(page.getByRole('radio', { name: /^Client waiting / })).toBeChecked();
  await expect(header(page, 'Waiting')).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows(page).and(page.locator('[tabindex="0"]'))).toHaveAttribute('data-chat', chat!);
  await view(page).getByRole('button', { name: 'Close' }).click();
  await expect(view(page)).toHaveCount(0);
  await expect(inspector.lookupInput).toHaveValue(`chat${chat}`);
});

test('the overview opens from the command palette; without the portal it shows the kept copies, said as such, or once a refresh reached it, that refresh, stamped', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  // A dialog looked up is kept on this computer; then the portal stops answering, before any overview reached it.
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  harness.emulator.injectFault({ kind: 'reset' }, { times: 1_000 });
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('overview');
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(palette.getByRole('option').first()).toContainText('Open the overview');
  await page.keyboard.press('Enter');
  await expect(view(page)).toBeVisible();
  const kept = view(page).getByRole('button', { name: 'Show kept copies' });
  const note = view(page).locator('.note');
  await expect(kept.or(note.first())).toBeVisible({ timeout: 20_000 });
  if (await kept.isVisible()) await kept.click();
  await expect(note.filter({ hasText: /only the dialogs kept on this computer/i })).toBeVisible();
  // Kept copies say nothing of who waits now: not known, rather than nobody.
  await expect(page.getByTestId('overview-waiting')).toContainText('Not known without the portal');
  await expect(page.getByTestId('overview-by-line')).toContainText('Not known without the portal');
  await expect(rows(page).first().locator('.badge')).toHaveText('Not known');
  // Stamped as read from this computer, not as refreshed.
  await expect(page.getByTestId('overview-fetched')).toHaveText('Kept copies, read this minute');
  // The schedule tries again at once, and says so without claiming a refresh before it.
  await expect(page.getByTestId('overview-schedule-note')).toHaveText(/^The refresh on schedule did not reach the portal \(.+\), nor has any before it\. The next one tries again; check the connection, or press Refresh\.$/, { timeout: 20_000 });
  await inspector.windowScreenshot('overview-kept');

  // The portal back: a refresh reaches it.
  harness.emulator.clearFaults();
  await view(page).getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('overview-waiting')).not.toContainText('Not known', { timeout: 20_000 });
  const total = await shownCount(shown(page));
  expect(total).toBeGreaterThan(100);
  await expect(page.getByTestId('overview-fetched')).toHaveText('Refreshed this minute');
  const stamp = await page.getByTestId('overview-fetched').getAttribute('title');

  // A refresh the portal holds: said as going on, and Stop ends it, the rows shown before staying.
  harness.emulator.injectFault({ kind: 'hang' }, { times: 1 });
  await view(page).getByRole('button', { name: 'Refresh' }).click();
  await expect(view(page).getByRole('progressbar', { name: 'Refreshing the overview' })).toBeVisible();
  await expect(view(page).getByRole('button', { name: 'Refreshing…' })).toBeDisabled();
  await inspector.windowScreenshot('overview-refreshing');
  await view(page).getByRole('button', { name: 'Stop' }).click();
  await expect(view(page).getByRole('progressbar')).toHaveCount(0);
  await expect(view(page).getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(shown(page)).toHaveText(`${total} dialogs`);
  harness.emulator.clearFaults();

  // The portal gone again: the refresh shows the last one that reached it, with that one's stamp, and says why.
  harness.emulator.injectFault({ kind: 'reset' }, { times: 1_000 });
  await view(page).getByRole('button', { name: 'Refresh' }).click();
  const lastShown = page.getByTestId('overview-last-refresh');
  await expect(lastShown).toContainText(/^The portal could not be reached \(.+\): shown is the last refresh that reached it, of .+, with the statuses it found then\. Refresh once the portal answers again\.$/, { timeout: 20_000 });
  await expect(shown(page)).toHaveText(`${total} dialogs`);
  expect(await page.getByTestId('overview-fetched').getAttribute('title')).toBe(stamp);
  await expect(rows(page).first().locator('.badge')).not.toHaveText('Not known');
  await inspector.windowScreenshot('overview-last-refresh');
  harness.emulator.clearFaults();
});

test('the overview in Russian: its words, the bars and the table', async ({ inspector, harness, page }) => {
  await harness.dispatch('settings:update', { language: 'ru' });
  await harness.connectWebhook();
  await inspector.open();
  await page.getByRole('button', { name: 'Обзор', exact: true }).click();
  await expect(view(page).getByRole('heading', { name: 'Обзор открытых линий' })).toBeVisible();
  await expect(page.getByTestId('overview-fetched')).toContainText('Обновлено', { timeout: 20_000 });
  await expect(page.getByTestId('overview-waiting')).toContainText('Ждут сейчас');
  await expect(page.getByTestId('overview-by-operator').getByRole('heading')).toHaveText('По операторам');
  await expect(header(page, 'Клиент')).toHaveAttribute('aria-sort', 'none');
  await expect(rows(page).first().locator('.badge')).toHaveText('Клиент ждёт');
  await inspector.windowScreenshot('overview-ru');
});

test('a webhook without the CRM scope: the overview says which scope would add the portal-wide source, and shows the rest', async ({ inspector, harness, page }) => {
  const limited = { userId: 1, key: 'no0crm0scope', scopes: ['imopenlines', 'im', 'user_brief'] };
  const portal = await startEmulator({ rateLimit: false, webhooks: [limited] });
  try {
    expect(await harness.dispatch('connection:use-webhook', { url: portal.webhookUrl(limited) })).toMatchObject({ ok: true });
    await inspector.open();
    await openOverview(page);
    const crm = page.getByTestId('overview-sources').locator('[data-source="crm"]');
    await expect(crm).toHaveAttribute('data-state', 'needsScope');
    await expect(crm).toHaveText('CRM session activities: needs the “crm” scope');
    await expect(crm).toHaveAttribute('title', 'Give the webhook or the application the “crm” scope in Bitrix24 to use this source');
    await expect(page.getByTestId('overview-sources').locator('[data-source="recent"]')).toHaveAttribute('data-state', 'used');
    expect(await shownCount(shown(page))).toBeGreaterThan(0);
  } finally {
    await portal.close();
  }
});

test('a portal with no open dialogs: the overview says so, with nobody waiting', async ({ inspector, harness, page }) => {
  const portal = await startEmulator({ rateLimit: false, dialogs: [] });
  try {
    expect(await harness.dispatch('connection:use-webhook', { url: portal.webhookUrl() })).toMatchObject({ ok: true });
    await inspector.open();
    await openOverview(page);
    await expect(view(page).locator('.empty')).toHaveText('No open dialogs: nobody is waiting and no session is open on the lines this account sees.');
    await expect(figure(page, 'overview-waiting')).toHaveText('0');
    await expect(page.getByTestId('overview-longest')).toContainText('Nobody is waiting');
    await expect(page.getByTestId('overview-by-channel')).toContainText('No open sessions.');
    await inspector.windowScreenshot('overview-empty');
  } finally {
    await portal.close();
  }
});

test('the overview says its schedule and budget as main pushes it, by hand only at 0, and groups its table with counts, keys through headers and rows', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await openOverview(page);

  // The first refresh (by hand) starts the schedule: every 5 minutes, within 20 % of the limit, the budget it used.
  const schedule = page.getByTestId('overview-schedule');
  await expect(schedule).toHaveAttribute('data-state', 'waiting');
  await expect(schedule).toHaveText(/^Refreshes every 5 min · next at \d\d:\d\d · budget used \d+(\.\d)?% of 20%$/);
  const told = harness.pushed.filter((push) => push.event === 'overviewSchedule').at(-1)!.payload as OverviewSchedule;
  expect(told.requests).toBeGreaterThan(0);
  expect(Date.parse(told.nextAt!) - Date.parse(told.lastRefreshAt!)).toBeGreaterThan(4 * 60_000);
  await expect(schedule).toHaveAttribute('title', `The last refresh took ${told.requests} requests; the share is of the portal’s request limit, set in Settings`);

  // Set to 0 (as the Settings dialog saves it): main stops the schedule and says so, the window follows.
  expect(await harness.dispatch('settings:update', { overviewRefreshMinutes: 0 })).toMatchObject({ ok: true });
  await expect(schedule).toHaveText('Refreshes by hand only (set in Settings)');
  expect(await harness.dispatch('settings:update', { overviewRefreshMinutes: 15, overviewShareOfLimit: 40 })).toMatchObject({ ok: true });
  await expect(schedule).toHaveText(/^Refreshes every 15 min · next at \d\d:\d\d · budget used \d+(\.\d)?% of 40%$/);

  // Grouped by status: a header per status with its count, the waiting first, as many as the figure says.
  const waiting = Number(await figure(page, 'overview-waiting').textContent());
  await view(page).getByRole('combobox', { name: 'Group the dialogs' }).selectOption('status');
  const headers = view(page).locator('.overview-group');
  await expect(headers.first()).toContainText('Client waiting');
  await expect(headers.first().locator('.count')).toHaveText(String(waiting));
  await expect(headers.first()).toHaveAttribute('aria-expanded', 'true');
  await expect(rows(page).first()).toHaveAttribute('data-status', 'clientWaiting');
  await inspector.windowScreenshot('overview-grouped-by-status');

  // The keys go through headers and rows alike: ↓ from the header to its first row, Enter on a header folds it.
  await headers.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(headers.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(headers.first()).toHaveAttribute('aria-expanded', 'false');
  await expect(headers.first().locator('.count')).toHaveText(String(waiting));
  // Folded: the next line is the next status's header, and no waiting row is drawn.
  await page.keyboard.press('ArrowDown');
  await expect(headers.nth(1)).toBeFocused();
  await expect(headers.nth(1)).toContainText('Answered');
  await expect(rows(page).and(page.locator('[data-status="clientWaiting"]'))).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(headers.first()).toHaveAttribute('aria-expanded', 'true');

  // Grouped by line, under a filter: few lines are in the page still; every group folded, the counts add up to the dialogs shown.
  await page.getByRole('radio', { name: /^Client waiting / }).check();
  await view(page).getByRole('combobox', { name: 'Group the dialogs' }).selectOption('line');
  await expect(shown(page)).toHaveText(new RegExp(`^${waiting} of `));
  expect(await rows(page).count()).toBeLessThan(60);
  const open = headers.and(page.locator('[aria-expanded="true"]'));
  while ((await open.count()) > 0) await open.first().click();
  await expect(rows(page)).toHaveCount(0);
  const counts = (await headers.locator('.count').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
  expect(counts.length).toBeGreaterThan(1);
  expect(counts.reduce((sum, n) => sum + n, 0)).toBe(waiting);
  await inspector.windowScreenshot('overview-grouped-by-line');
});

test('a dialog is watched from its overview row and listed under Watching; the row says so, and unwatches', async ({ inspector, page, harness }) => {
  // Held, so the test sees the watch list as the row left it.
  harness.api.watch.pause();
  await inspector.openConnected();
  await openOverview(page);
  const row = rows(page).first();
  const chatId = Number(await row.getAttribute('data-chat'));
  const line = page.locator('.overview-line').filter({ has: page.locator(`.overview-row[data-chat="${chatId}"]`) });
  const eye = line.getByRole('button', { name: `Watch chat${chatId}` });
  await row.hover();
  await eye.click();
  await expect(line.getByRole('button', { name: `Stop watching chat${chatId}` })).toHaveAttribute('data-watched', 'true');
  await expect.poll(async () => ((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows.map((one) => one.chatId)).toEqual([chatId]);
  await inspector.windowScreenshot('overview-watched-row');

  await line.getByRole('button', { name: `Stop watching chat${chatId}` }).click();
  await expect(eye).toHaveAttribute('data-watched', 'false');
  await expect.poll(async () => ((await harness.dispatch<WatchList>('watch:list', {})) as { value: WatchList }).value.rows).toEqual([]);
});

test('a right-to-left name starts where its column’s other names do, read right to left in a cell of its own', async ({ inspector, page }) => {
  // Wide enough that the operator's column has room beside the name, so its alignment shows.
  await page.setViewportSize({ width: 1700, height: 900 });
  await inspector.openConnected();
  await openOverview(page);
  const cells = page.locator('[data-testid="overview-rows"] .overview-row > bdi.cell');
  const arabic = cells.filter({ hasText: 'فاطمة الزهراء' }).first();
  const latin = cells.filter({ hasText: 'Samantha Johnson' }).first();
  await expect(arabic).toBeVisible();
  await expect(latin).toBeVisible();
  expect(await arabic.evaluate((element) => element.matches(':dir(rtl)'))).toBe(true);
  expect(await latin.evaluate((element) => element.matches(':dir(ltr)'))).toBe(true);
  // Where the name's text begins and where its cell does: alike for both, in the same column.
  const edges = (cell: Locator) =>
    cell.evaluate((element) => {
      const range = element.ownerDocument.createRange();
      range.selectNodeContents(element);
      const [box, text] = [element.getBoundingClientRect(), range.getBoundingClientRect()];
      return { cell: box.left, text: text.left, room: box.width - text.width };
    });
  const [right, left] = [await edges(arabic), await edges(latin)];
  expect(right.cell).toBe(left.cell);
  // At the cell's start, in a cell with room to spare: aligned to its own start (the right), it would be `room` off.
  expect(right.room).toBeGreaterThan(20);
  expect(Math.abs(right.text - right.cell)).toBeLessThan(1);
  expect(Math.abs(left.text - left.cell)).toBeLessThan(1);
});

test('the table draws a screenful of its rows: they stack without gaps as it scrolls, the wheel never takes the focused row, End and Home reach the ends', async ({ inspector, page }) => {
  await inspector.openConnected();
  await openOverview(page);
  const box = page.getByTestId('overview-rows');
  expect(await shownCount(shown(page))).toBeGreaterThan(150);
  expect(await rows(page).count()).toBeLessThan(40);

  // The first row focused, then the table wheeled to its end: the focus stays on that row, drawn away from the view.
  const first = rows(page).first();
  const firstChat = (await first.getAttribute('data-chat'))!;
  await first.focus();
  await box.hover();
  const atEnd = (): Promise<boolean> => box.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1);
  for (let turn = 0; turn < 100 && !(await atEnd()); turn++) await page.mouse.wheel(0, 1500);
  expect(await atEnd()).toBe(true);
  await expect(page.locator(':focus')).toHaveAttribute('data-chat', firstChat);
  await expect(page.locator(':focus')).not.toBeInViewport();

  // Drawn: the focused row far above, then the rows in view, edge to edge, filling the view to the list's end;
  // none behind the view, which moved down: the first drawn is the one across its top edge.
  const drawn = await rowEdges(box);
  const frame = (await box.boundingBox())!;
  const [focused, ...run] = drawn;
  expect(focused![1]).toBeLessThan(run[0]![0] - frame.height);
  expect(worstSeam(run)).toBeLessThan(0.5);
  expect(run[0]![0]).toBeLessThanOrEqual(frame.y);
  expect(run[0]![1]).toBeGreaterThan(frame.y);
  expect(Math.abs(run.at(-1)![1] - (frame.y + frame.height))).toBeLessThan(1.5);

  // End from the focused row: the last row, in view; Home: the first again, in view.
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).not.toHaveAttribute('data-chat', firstChat);
  await expect(page.locator(':focus')).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toHaveAttribute('data-chat', firstChat);
  await expect(page.locator(':focus')).toBeInViewport();
  expect(await box.evaluate((element) => element.scrollTop)).toBe(0);
});
