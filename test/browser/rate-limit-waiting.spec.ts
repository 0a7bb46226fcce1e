// A lookup that has to wait for the portal's rate limit says so, counts
// down, and can be cancelled before it is ever sent. Each answer shows the
// account's operating time against the documented budget.
import { test, expect } from './support/fixtures';

// One request at once, then one every 6 s: connecting spends it, so the first lookup waits.
test.use({ clientRateLimit: { burst: 1, drainPerSecond: 1 / 6 } });

test('a lookup waiting for the rate limit says so, and Cancel stops it before it is sent', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  const sent = () => harness.emulator.requests.filter((request) => request.method === 'imopenlines.dialog.get').length;

  await inspector.lookupInput.fill('chat1777');
  await inspector.lookupInput.press('Enter');
  const waiting = page.locator('.waiting');
  await expect(waiting).toHaveAttribute('data-reason', 'rate-limit');
  await expect(waiting).toContainText("Waiting for the portal's rate limit: sent in about");
  await expect(page.getByRole('status').filter({ hasText: 'rate limit' })).toBeVisible();
  await inspector.screenshot('rate-limit-waiting');

  // Main pushed the wait once; the window counts it down without asking main again.
  expect(harness.pushed).toEqual([{ event: 'lookupProgress', payload: { requestId: expect.any(String), waiting: expect.objectContaining({ reason: 'rate-limit', attempt: 1 }) } }]);
  const seconds = async () => Number(/about (\d+)/.exec((await waiting.textContent()) ?? '')?.[1]);
  const before = await seconds();
  const callsBefore = harness.calls.length;
  await expect.poll(seconds, { timeout: 5_000 }).toBeLessThan(before);
  expect(harness.calls.slice(callsBefore)).toEqual([]);

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'CANCELLED');
  await expect(inspector.errorPanel).toContainText('The request was cancelled before the portal answered.');
  await expect(waiting).toHaveCount(0);
  expect(sent()).toBe(0);

  // Tried again, it waits its turn and is answered, with the operating time shown.
  await inspector.errorPanel.getByRole('button', { name: 'Try again' }).click();
  // It waits for the bucket again: up to a drain interval, plus the limiter's headroom.
  await expect(inspector.dialogName).toHaveText('Green Guest #17 - Bitrix24 Documentation', { timeout: 20_000 });
  expect(sent()).toBe(1);
  await expect(page.locator('.summary')).toContainText(/Operating time\s*[\d.]+ m?s of about 480 s per 10 min \(estimate\)/);
});
