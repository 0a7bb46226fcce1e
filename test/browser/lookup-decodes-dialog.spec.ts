// The spine: paste an identifier, press Enter, read the decoded dialog.
import { resolve } from 'node:path';
import type { LookupResult } from '../../preload/api-contract';
import { test, expect } from './support/fixtures';
import { SCREENSHOT_DIR } from './support/inspector-page';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';

test('a pasted dialog id is recognised, looked up and decoded', async ({ inspector, harness, page }) => {
  await inspector.openConnected();

  // Whitespace around a paste is ignored.
  await inspector.lookupInput.fill('  chat1777 \n');
  await expect(inspector.hint).toContainText('Dialog id chat1777');
  await inspector.lookupInput.press('Enter');

  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.announcer).toHaveText('Loaded chat1777');

  // The header card.
  const card = page.locator('section.summary');
  await expect(card).toContainText('chat1777');
  await expect(card).toContainText('Live chat (website widget) livechat');
  // The line by its name, read with the conversation (imopenlines.config.list.get).
  await expect(card).toContainText('Bitrix24 Documentation (line 22)');
  await expect(card).toContainText('Samantha Johnson (user 27)');
  await expect(card.locator('dd .mono')).toHaveText('343');
  await expect(card).toContainText(`on ${new URL(harness.emulator.origin).host}`);

  // Every section, in the order main gave them.
  const direct = await harness.dispatch<LookupResult>('lookup:run', { input: 'chat1777', numberAs: 'chat' });
  if (!direct.ok) throw new Error(direct.error.code);
  const titles = direct.value.sections.filter((s) => s.rows.length > 0).map((s) => s.title);
  expect(titles.slice(0, 3)).toEqual(['Overview', 'Channel and client', 'Current session']);
  await expect(inspector.sections.locator('h2')).toHaveText(titles);

  // Dates in local time, with the exact value in the tooltip.
  const created = inspector.row('date_create').locator('time');
  await expect(created).toHaveAttribute('title', '2026-03-13T16:50:15+01:00');
  await expect(created).toHaveText(/13 Mar 2026/);

  // Rows that depend on the caller say so.
  await expect(inspector.row('role')).toContainText('depends on who asks');
  await expect(inspector.row('name')).not.toContainText('depends on who asks');

  // Hints are there on hover.
  await expect(inspector.row('entity_data_1[5]').locator('th')).toHaveAttribute('title', /SESSION_ID/);

  // The CRM link opens the portal's card in the system browser, not in the window.
  await card.getByRole('button', { name: 'Lead 1209' }).click();
  await expect.poll(() => harness.opened).toEqual([`${harness.emulator.origin}/crm/lead/details/1209/`]);
  await inspector.row('entity_data_2.LEAD').getByRole('button', { name: /1209/ }).click();
  await expect.poll(() => harness.opened.length).toBe(2);
  // So do the dialog itself and its operator's profile.
  await card.getByRole('button', { name: 'Open in Bitrix24' }).click();
  await expect.poll(() => harness.opened[2]).toBe(`${harness.emulator.origin}/online/?IM_DIALOG=chat1777`);
  await card.getByRole('button', { name: /\(user 27\)/ }).click();
  await expect.poll(() => harness.opened[3]).toBe(`${harness.emulator.origin}/company/personal/user/27/`);
  expect(page.url()).toBe(`${inspector.origin}/`);

  await inspector.screenshot('decoded');
  await inspector.viewportScreenshot(resolve(SCREENSHOT_DIR, 'decoded-window-light.png'));
});

test('a user code is recognised part by part and finds the same dialog', async ({ inspector }) => {
  await inspector.openConnected();
  await inspector.lookupInput.fill('livechat|22|1775|599');
  await expect(inspector.hint).toHaveText('User code: connector livechat, line 22, chat 1775 in the channel, client user 599');
  await inspector.lookupButton.click();
  await inspector.expectLoaded(DOCUMENTED_NAME);
});

test('Ctrl+L focuses the lookup field from anywhere', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await page.getByRole('tab', { name: 'Raw JSON' }).focus();
  await page.keyboard.press('Control+l');
  await expect(inspector.lookupInput).toBeFocused();
});

test('the inspector fits an 800 px wide window without sideways scrolling', async ({ inspector, page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await inspector.openConnected();
  await inspector.lookUp('livechat|22|1775|599');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
  await inspector.screenshot('decoded-800px');
});
