// A dialog seen once stays readable when the portal cannot be reached, and
// the inspector says plainly that it shows an older copy — and when the
// portal can be asked again.
import { test, expect } from './support/fixtures';

test('when the portal drops the connection, the cached copy is shown with an offline banner and a retry', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(inspector.offlineBanner).toHaveCount(0);
  await expect(page.locator('[data-path="counter"] .caller-badge')).toHaveText('depends on who asks');

  harness.emulator.injectFault({ kind: 'reset' });
  await inspector.lookUp('livechat|22|1775|599');
  const banner = inspector.offlineBanner;
  await expect(banner).toContainText('Offline — showing the copy from');
  await expect(banner).toContainText('Connection dropped');
  await expect(banner.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  // What depended on the caller is marked as of the copy's time, not as current.
  const badge = page.locator('[data-path="counter"] .caller-badge');
  await expect(badge).toHaveText(/^depends on who asks · as of /);
  await expect(badge).toHaveAttribute('title', /when this copy was kept .*may have changed since/);
  await inspector.screenshot('offline');

  // The portal is back: "Try the portal again" replaces the copy with a fresh answer.
  await banner.getByRole('button', { name: 'Try the portal again' }).click();
  await expect(inspector.offlineBanner).toHaveCount(0);
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(badge).toHaveText('depends on who asks');
});

test('the banner notices when the portal answers again, checking less often while it does not', async ({ inspector, harness, page }) => {
  await page.clock.install();
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  const probes = () => harness.emulator.requests.filter((request) => request.method === 'scope').length;
  const before = probes();

  harness.emulator.injectFault({ kind: 'reset' });
  await inspector.lookUp('chat1777');
  await expect(inspector.offlineBanner).toContainText('Offline — showing the copy from');

  // First check after 15 s: still down.
  harness.emulator.injectFault({ kind: 'reset' });
  await page.clock.fastForward(15_000);
  await expect.poll(probes).toBe(before + 1);
  await expect(inspector.offlineBanner).toContainText('Offline — showing the copy from');

  // The next check waits twice as long; nothing is asked before then.
  await page.clock.fastForward(20_000);
  expect(probes()).toBe(before + 1);
  await page.clock.fastForward(10_000);
  await expect(inspector.offlineBanner).toContainText('The portal answers again');
  expect(probes()).toBe(before + 1 + 1);
  await expect(inspector.announcer).toHaveText('The portal answers again: refresh for its current state');
  await inspector.screenshot('offline-back');

  await inspector.offlineBanner.getByRole('button', { name: 'Refresh from the portal' }).click();
  await expect(inspector.offlineBanner).toHaveCount(0);
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
});

test('the OS saying the network is back triggers a check at once', async ({ inspector, harness, page, context }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  harness.emulator.injectFault({ kind: 'reset' });
  await inspector.lookUp('chat1777');
  await expect(inspector.offlineBanner).toContainText('Offline — showing the copy from');

  await context.setOffline(true);
  await context.setOffline(false);
  await expect(inspector.offlineBanner).toContainText('The portal answers again');
  await expect(page.getByRole('button', { name: 'Refresh from the portal' })).toBeVisible();
});
