// Every value is one click from the clipboard; the raw answer is one click away.
import { test, expect } from './support/fixtures';

test('copying a value sends exactly that value to the clipboard', async ({ inspector, harness }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');

  const sessionRow = inspector.row('entity_data_1[5]');
  await sessionRow.getByRole('button', { name: 'Copy Session id' }).click();
  await expect.poll(() => harness.clipboard).toEqual(['343']);
  await expect(sessionRow.getByText('Copied')).toBeVisible();
  await expect(inspector.announcer).toHaveText('Copied');

  // Dates are copied as the exact ISO value, not the local rendering.
  await inspector.row('date_create').getByRole('button', { name: /^Copy / }).click();
  await expect.poll(() => harness.clipboard.at(-1)).toBe('2026-03-13T16:50:15+01:00');
});

test('the raw JSON view shows the answer as sent and copies it', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');

  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('tab', { name: 'Raw JSON' })).toHaveAttribute('aria-selected', 'true');
  const pre = page.locator('#panel-raw pre');
  const text = (await pre.textContent()) ?? '';
  const parsed = JSON.parse(text) as { result: Record<string, unknown>; time: Record<string, unknown> };
  expect(parsed.result['dialog_id']).toBe('chat1777');
  expect(parsed.result['entity_data_1']).toBe('Y|LEAD|1209|N|N|343|1773682918|0|0|0');
  expect(parsed.time).toHaveProperty('start');
  expect(text).toBe(JSON.stringify(parsed, null, 2));

  await page.getByRole('button', { name: 'Copy raw JSON' }).click();
  await expect.poll(() => harness.clipboard).toEqual([text]);

  // Ctrl+F from the raw view goes back to the fields and their filter.
  await page.keyboard.press('Control+f');
  await expect(inspector.filterInput).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Fields' })).toHaveAttribute('aria-selected', 'true');
});
