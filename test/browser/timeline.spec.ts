// Issue 13, a dialog's timeline in the window: every kept copy newest first,
// each with what changed since the one before, and any two compared; read
// from the store, the portal not asked. Real preload, main and emulator.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

const NAME = 'Green Guest #17 - Bitrix24 Documentation';
const copies = (page: Page) => page.getByTestId('timeline-copies').locator('li.copy');
const comparison = (page: Page) => page.getByTestId('timeline-comparison');

test('the timeline lists each kept copy with its changes, newest first, and compares any two', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(NAME);
  harness.emulator.updateDialog(1777, { name: 'VIP: Green Guest' });
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('VIP: Green Guest');
  harness.emulator.updateDialog(1777, { owner: 31 });
  await inspector.lookUp('chat1777');
  await expect(page.getByRole('region', { name: 'Changes since the previous lookup' })).toContainText('Responsible operator changed');

  const asked = harness.emulator.requests.length;
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(copies(page)).toHaveCount(3);
  await expect(page.locator('#panel-timeline')).toContainText('3 copies kept on this computer');
  // Newest first: the copy shown, the operator's change; then the rename; then the first copy.
  await expect(copies(page).nth(0)).toContainText('the copy shown');
  await expect(copies(page).nth(0)).toContainText('1 change since the copy before:');
  await expect(copies(page).nth(0).getByRole('listitem')).toContainText(/^Responsible operator changed: Samantha Johnson \(27\) → .+\(31\)$/);
  await expect(copies(page).nth(1).getByRole('listitem')).toHaveText(['Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP: Green Guest”']);
  await expect(copies(page).nth(2)).toContainText('The first copy kept.');
  await expect(copies(page).nth(2)).toContainText('Session 343');
  await expect(comparison(page)).toContainText('Choose two copies');

  // The first and the latest compared, picked newest first: read from the earlier to the later.
  await copies(page).nth(0).getByRole('button', { name: /^Compare the copy of / }).click();
  await expect(comparison(page)).toContainText('Choose one more copy');
  await copies(page).nth(2).getByRole('button', { name: /^Compare the copy of / }).press('Enter');
  await expect(copies(page).nth(2).getByRole('button', { name: /^Compare/ })).toHaveAttribute('aria-pressed', 'true');
  const said = comparison(page).getByRole('listitem');
  await expect(said).toHaveCount(2);
  await expect(said.filter({ hasText: 'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP: Green Guest”' })).toHaveCount(1);
  await expect(said.filter({ hasText: 'Responsible operator changed' })).toHaveCount(1);
  await expect(comparison(page).getByRole('heading')).toContainText(/^From the copy of .+ to the copy of .+$/);
  // The store answered: nothing was asked of the portal.
  expect(harness.emulator.requests.length).toBe(asked);
  await inspector.screenshot('timeline');

  await comparison(page).getByRole('button', { name: 'Clear the comparison' }).click();
  await expect(comparison(page)).toContainText('Choose two copies');
  await expect(copies(page).locator('[aria-pressed="true"]')).toHaveCount(0);

  // Every lookup keeps its copy: one that found nothing new says so, and is the one shown now.
  await inspector.lookUp('chat1777');
  await expect(copies(page)).toHaveCount(4);
  await expect(copies(page).nth(0)).toContainText('No change since the copy before.');
  await expect(copies(page).nth(0)).toContainText('the copy shown');
  await expect(copies(page).nth(1)).not.toContainText('the copy shown');
});

test('a dialog looked up once says its timeline has one copy so far; in Russian', async ({ inspector, harness, page }) => {
  await harness.dispatch('settings:update', { language: 'ru' });
  await harness.connectWebhook();
  await inspector.open();
  await page.locator('#lookup-input').fill('chat1777');
  await page.locator('#lookup-input').press('Enter');
  await expect(inspector.dialogName).toHaveText(NAME);
  await page.getByRole('tab', { name: 'Хронология' }).click();
  await expect(copies(page)).toHaveCount(1);
  await expect(page.locator('#panel-timeline')).toContainText('Копий на этом компьютере: 1');
  await expect(page.locator('#panel-timeline')).toContainText('Пока сохранена только одна копия');
  await expect(copies(page).first()).toContainText('Первая сохранённая копия.');
  await expect(copies(page).first().getByRole('button')).toHaveCount(0);
  await inspector.screenshot('timeline-ru');
});
