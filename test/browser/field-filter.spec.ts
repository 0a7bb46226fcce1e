// Ctrl+F narrows the decoded fields; Esc brings them all back.
import { test, expect } from './support/fixtures';

test('the filter narrows rows, highlights matches and says when nothing matches', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');

  const total = Number((await inspector.filterCount.textContent())?.match(/(\d+) fields/)?.[1]);
  expect(total).toBeGreaterThan(40);
  await expect(inspector.page.locator('tbody tr')).toHaveCount(total);

  await inspector.lookupInput.focus();
  await page.keyboard.press('Control+f');
  await expect(inspector.filterInput).toBeFocused();

  // Case-insensitive, on labels, paths and values.
  await page.keyboard.type('SESSION');
  const rows = page.locator('tbody tr');
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(2);
  expect(shown).toBeLessThan(total);
  await expect(inspector.filterCount).toHaveText(`${shown} of ${total} fields`);
  for (const row of await rows.all()) {
    await expect(row.locator('mark').first()).toHaveText(/^session$/i);
  }
  await expect(inspector.row('entity_data_1[5]')).toBeVisible();
  // Sections with no match are hidden.
  await expect(page.getByRole('heading', { name: 'Silent mode' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Current session' })).toBeVisible();

  // A value match: the session id.
  await inspector.filterInput.fill('343');
  await expect(inspector.row('entity_data_1[5]').locator('mark')).toHaveText('343');

  await inspector.filterInput.fill('session');
  await inspector.screenshot('filtered');

  await inspector.filterInput.fill('zzz-nothing');
  await expect(page.getByText('No fields match “zzz-nothing”')).toBeVisible();
  await expect(inspector.filterCount).toHaveText(`0 of ${total} fields`);
  await expect(rows).toHaveCount(0);

  await inspector.filterInput.press('Escape');
  await expect(inspector.filterInput).toHaveValue('');
  await expect(inspector.filterCount).toHaveText(`${total} fields`);
  await expect(rows).toHaveCount(total);
  await expect(page.locator('mark')).toHaveCount(0);
});
