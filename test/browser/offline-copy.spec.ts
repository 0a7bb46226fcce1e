// A dialog seen once stays readable when the portal cannot be reached, and
// the inspector says plainly that it shows an older copy.
import { test, expect } from './support/fixtures';

test('when the portal drops the connection, the cached copy is shown with an offline banner and a retry', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(page.getByText(/Offline — showing the copy from/)).toHaveCount(0);

  harness.emulator.injectFault({ kind: 'reset' });
  await inspector.lookUp('livechat|22|1775|599');
  const banner = page.getByRole('status').filter({ hasText: 'Offline — showing the copy from' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Connection dropped');
  await expect(banner.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await inspector.screenshot('offline');

  // The portal is back: "Try the portal again" replaces the copy with a fresh answer.
  await banner.getByRole('button', { name: 'Try the portal again' }).click();
  await expect(page.getByText(/Offline — showing the copy from/)).toHaveCount(0);
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
});
