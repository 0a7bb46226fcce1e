// First run: nothing is connected, and the demo portal is one click away.
import { test, expect } from './support/fixtures';

test('first run offers the demo portal, which then answers lookups', async ({ inspector, harness, page }) => {
  await inspector.open();
  await expect(page.getByRole('heading', { name: 'Connect to Bitrix24' })).toBeVisible();
  await expect(page.getByText('Developer resources → Other → Inbound webhook')).toBeVisible();
  await expect(inspector.lookupInput).toHaveCount(0);
  // The comments above the doctype (an electronegativity suppression) leave the page in standards mode.
  expect(await page.evaluate('document.compatMode')).toBe('CSS1Compat');
  await inspector.screenshot('welcome');

  await page.getByRole('button', { name: 'Try the demo portal' }).click();
  const connection = page.getByLabel('Connection');
  await expect(connection.getByText('Demo', { exact: true })).toBeVisible();
  await expect(inspector.lookupInput).toBeFocused();
  expect(harness.demos).toHaveLength(1);
  await inspector.screenshot('start');

  // Suggested demo lookups, then a right-to-left name.
  await page.getByRole('button', { name: 'chat1777' }).click();
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  // The card names the demo portal, not the loopback address it happens to run on.
  await expect(page.locator('section.summary')).toContainText('Looked up by dialog id chat1777 on the demo portal');
  await expect(page.locator('section.summary')).not.toContainText('127.0.0.1');
  await inspector.lookUp('2002');
  await expect(inspector.dialogName).toContainText('أحمد محمود');
  // The name is isolated (right to left inside it), so the card and the table keep their left-to-right layout.
  await expect(inspector.dialogName.locator('bdi')).toHaveText('أحمد محمود - خدمة العملاء');
  expect(await page.evaluate(`getComputedStyle(document.querySelector('tr[data-path="name"] td.value > *')).unicodeBidi`)).toBe('isolate');
  // Demo lookups go to the demo portal, not the test's webhook portal.
  expect(harness.emulator.requests).toHaveLength(0);
  expect(harness.demos[0]?.requests.length).toBeGreaterThan(0);

  // Disconnecting the demo goes back to the welcome panel.
  await inspector.accountMenuItem('Disconnect');
  await expect(page.getByRole('heading', { name: 'Connect to Bitrix24' })).toBeVisible();
  await expect.poll(async () => harness.dispatch('connection:get')).toMatchObject({ ok: true, value: { kind: 'none' } });
});
