// Each failure gets its own explanation, a code to search for and, when it can help, "Try again".
import { DEFAULT_RETRY_POLICY } from '../../main/rest/retry-policy';
import { test, expect } from './support/fixtures';

test('a lookup still rate-limited after its retries explains the limit and succeeds on "Try again"', async ({ inspector, harness }) => {
  await inspector.openConnected();
  // Every try the client makes (DEFAULT_RETRY_POLICY) meets the limit.
  harness.emulator.injectFault(
    { kind: 'error', code: 'QUERY_LIMIT_EXCEEDED', status: 503, description: 'Too many requests' },
    { times: DEFAULT_RETRY_POLICY.maxAttempts },
  );

  await inspector.lookUp('chat1777');
  const panel = inspector.errorPanel;
  await expect(panel).toHaveAttribute('data-code', 'QUERY_LIMIT_EXCEEDED', { timeout: 15_000 });
  await expect(panel.getByRole('heading')).toHaveText('Too many requests');
  await expect(panel).toContainText('2 requests a second with a burst of 50');
  await expect(panel).toContainText('Wait a few seconds and try again.');
  await expect(panel.locator('code')).toHaveText('QUERY_LIMIT_EXCEEDED');
  await expect(panel).toContainText('HTTP 503');
  await expect(inspector.announcer).toHaveText('Too many requests');

  await inspector.screenshot('error');

  // The code is copyable as is.
  await panel.getByRole('button', { name: 'Copy error code' }).click();
  await expect.poll(() => harness.clipboard).toEqual(['QUERY_LIMIT_EXCEEDED']);

  await panel.getByRole('button', { name: 'Try again' }).click();
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(inspector.errorPanel).toHaveCount(0);
});

test('an HTML page instead of a REST answer is named as such', async ({ inspector, harness }) => {
  await inspector.openConnected();
  harness.emulator.injectFault({ kind: 'html', status: 502 });
  await inspector.lookUp('1777');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'NOT_BITRIX_JSON');
  await expect(inspector.errorPanel.getByRole('heading')).toHaveText('Not a Bitrix24 answer');
  await expect(inspector.errorPanel).toContainText('proxy');
  await expect(inspector.errorPanel.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a redirect to another host is refused and named, and the key goes nowhere', async ({ inspector, harness }) => {
  await inspector.openConnected();
  harness.emulator.injectFault({ kind: 'redirect', status: 307, location: 'https://login.hotel-wifi.example/portal?next=%2Frest' });
  await inspector.lookUp('chat1777');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'REDIRECT_REFUSED');
  await expect(inspector.errorPanel.getByRole('heading')).toHaveText('The portal sent us elsewhere');
  await expect(inspector.errorPanel).toContainText('a redirect to https://login.hotel-wifi.example.');
  // The target's path and query are not repeated: they could carry what was sent.
  await expect(inspector.errorPanel).not.toContainText('next=');
  await inspector.screenshot('error-redirect');
});

test("an unknown portal error shows the portal's own description as text", async ({ inspector, harness }) => {
  await inspector.openConnected();
  harness.emulator.injectFault({ kind: 'error', code: 'SOMETHING_NEW', status: 400, description: 'Feature <b>disabled</b> by admin' });
  await inspector.lookUp('chat1777');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'SOMETHING_NEW');
  await expect(inspector.errorPanel.locator('.portal-said')).toContainText('Feature <b>disabled</b> by admin');
  await expect(inspector.errorPanel.locator('b')).toHaveCount(0);
});

test('a dialog the webhook user may not open gives ACCESS_ERROR without "Try again"', async ({ inspector }) => {
  await inspector.openConnected();
  await inspector.lookUp('2999');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'ACCESS_ERROR');
  await expect(inspector.errorPanel.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(inspector.errorPanel).toContainText('ask your Bitrix24 administrator');
});

test.describe('a portal that does not answer', () => {
  test.use({ clientTimeoutMs: 1_500 });

  test('shows progress while waiting, then a timeout that can be retried', async ({ inspector, harness }) => {
    await inspector.openConnected();
    harness.emulator.injectFault({ kind: 'hang' });

    await inspector.lookupInput.fill('chat1777');
    await inspector.lookupInput.press('Enter');
    const host = new URL(harness.emulator.origin).host;
    await expect(inspector.lookupButton).toBeDisabled();
    await expect(inspector.lookupButton).toHaveText('Looking up…');
    await expect(inspector.page.getByText(`Looking up Dialog id chat1777 on ${host}…`)).toBeVisible();
    await expect(inspector.page.locator('main')).toHaveAttribute('aria-busy', 'true');

    await expect(inspector.errorPanel).toHaveAttribute('data-code', 'TIMEOUT');
    await expect(inspector.lookupButton).toBeEnabled();
    await inspector.errorPanel.getByRole('button', { name: 'Try again' }).click();
    await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  });
});
