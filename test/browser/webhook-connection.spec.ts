// Connecting with an inbound webhook: refused URLs are explained inline, and
// the URL (it holds the key) is never kept or shown by the window.
import { DEMO_WEBHOOK } from '../../main/emulator/index';
import { test, expect } from './support/fixtures';

test('a webhook URL is checked, explained when refused, and never kept in the window', async ({ inspector, harness, page }) => {
  await inspector.open();
  const field = page.getByLabel('Inbound webhook URL');
  const connect = page.getByRole('button', { name: 'Connect', exact: true });

  // Not a webhook URL at all.
  await field.fill('http://example.bitrix24.com/rest/1/abc/');
  await connect.click();
  await expect(page.locator('#webhook-error')).toContainText('Not an inbound webhook URL');
  await expect(page.locator('#webhook-error')).toContainText('must start with https://');
  await expect(field).toHaveValue('');

  // A well-formed URL whose key the portal does not accept.
  await field.fill(harness.emulator.webhookUrl({ ...DEMO_WEBHOOK, key: 'wrongkey123' }));
  await field.press('Enter');
  await expect(page.locator('#webhook-error')).toContainText('Webhook or token not accepted');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();

  // The real one.
  await field.fill(harness.emulator.webhookUrl());
  await connect.click();
  const host = new URL(harness.emulator.origin).host;
  await expect(page.getByLabel('Connection')).toContainText(host);
  await expect(page.getByLabel('Connection').getByText('Demo', { exact: true })).toHaveCount(0);
  await expect(inspector.lookupInput).toBeVisible();
  expect(await page.content()).not.toContain(DEMO_WEBHOOK.key);

  // "Add or manage portals" shows the panel again with an empty field, and can be left.
  await inspector.accountMenuItem('Add or manage portals…');
  await expect(page.getByRole('heading', { name: 'Portals', exact: true })).toBeVisible();
  await expect(page.getByLabel('Inbound webhook URL')).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Saved portals' })).toContainText(host);
  expect(await page.content()).not.toContain(DEMO_WEBHOOK.key);
  await page.getByRole('button', { name: `Keep ${host}` }).click();
  await expect(inspector.lookupInput).toBeVisible();

  // Disconnecting keeps the account saved, ready to be used again.
  await inspector.accountMenuItem('Disconnect');
  await expect(page.getByRole('heading', { name: 'Connect to Bitrix24' })).toBeVisible();
  const saved = page.getByRole('region', { name: 'Saved portals' });
  await saved.getByRole('button', { name: 'Use' }).click();
  await expect(inspector.lookupInput).toBeFocused();
  await expect(page.getByLabel('Connection')).toContainText(host);
});
