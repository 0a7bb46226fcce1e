// Several portals in the window: a webhook account and an OAuth sign-in
// (the test plays the system browser main opened), switching from the header
// menu, renaming and removing, and "sign in again" when the portal refuses
// the account's refresh token. No secret ever reaches the page.
import { DEMO_OAUTH_APP, DEMO_WEBHOOK } from '../../main/emulator/index';
import { get, openAuthorizePage } from '../integration/oauth-support';
import { test, expect } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';

async function playBrowser(inspector: InspectorPage): Promise<void> {
  const { harness } = inspector;
  await expect.poll(() => harness.opened.length).toBeGreaterThan(0);
  const callback = await openAuthorizePage(harness.opened.at(-1)!, harness.emulator.certificate);
  expect((await get(callback)).status).toBe(200);
}

test('a webhook and an OAuth account side by side: sign in, switch, rename, remove', async ({ inspector, harness, page }) => {
  await inspector.open();
  const host = new URL(harness.emulator.origin).host;
  await page.getByLabel('Inbound webhook URL').fill(harness.emulator.webhookUrl());
  await page.getByRole('article', { name: 'Connect your portal' }).getByLabel('Account name').fill('Support hook');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(inspector.accountMenuButton).toContainText('Support hook');

  // A second portal, by signing in with the local application.
  await inspector.accountMenuItem('Add or manage portals…');
  await page.getByRole('button', { name: 'Sign in…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in with your application' });
  await dialog.getByLabel('Portal address').fill(harness.emulator.origin);
  await dialog.getByLabel('Client id').fill(DEMO_OAUTH_APP.clientId);
  await dialog.getByLabel('Client secret').fill(DEMO_OAUTH_APP.clientSecret);
  await dialog.getByText('Sign-in server and port').click();
  await dialog.getByLabel('Sign-in server').fill(harness.emulator.oauth.serverOrigin);
  await dialog.getByLabel('Loopback port').fill('0');
  await expect(dialog).toContainText('http://127.0.0.1:0/oauth/callback');
  await inspector.screenshot('sign-in-form');
  await dialog.getByRole('button', { name: 'Continue in the browser' }).click();
  await expect(dialog).toContainText('Finish signing in in your browser.');
  await expect(dialog.getByLabel('Or paste the code, or the whole address the browser shows')).toBeFocused();
  expect(new URL(harness.opened.at(-1)!).origin).toBe(harness.emulator.origin);
  await inspector.screenshot('sign-in-pending');
  await playBrowser(inspector);
  await expect(dialog).toBeHidden();
  await expect(inspector.accountMenuButton).toContainText(host);
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  expect(harness.emulator.requests.at(-1)).toMatchObject({ auth: 'oauth' });

  // Switch back from the header's menu.
  await inspector.accountMenuButton.click();
  const menu = page.getByRole('menu', { name: 'Portals' });
  await expect(menu.getByRole('menuitemradio', { name: /OAuth/ })).toHaveAttribute('aria-checked', 'true');
  await expect(menu.getByRole('menuitemradio', { name: /Support hook/ })).toHaveAttribute('aria-checked', 'false');
  await inspector.screenshot('account-menu');
  await menu.getByRole('menuitemradio', { name: /Support hook/ }).click();
  await expect(inspector.accountMenuButton).toContainText('Support hook');
  await expect(inspector.lookupInput).toBeFocused();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  expect(harness.emulator.requests.at(-1)).toMatchObject({ auth: 'webhook' });

  // Rename the OAuth account, then remove the webhook one.
  await inspector.accountMenuItem('Add or manage portals…');
  const saved = page.getByRole('region', { name: 'Saved portals' });
  const oauthRow = saved.locator(`li[data-account="${host}"]`);
  await oauthRow.getByRole('button', { name: 'Rename' }).click();
  await oauthRow.getByLabel(`New name for ${host}`).fill('support HOOK');
  await oauthRow.getByRole('button', { name: 'Save' }).click();
  await expect(oauthRow.getByRole('alert')).toContainText('Another account is already called "support HOOK"');
  await oauthRow.getByLabel(`New name for ${host}`).fill('Sales');
  await oauthRow.getByRole('button', { name: 'Save' }).click();
  await expect(saved.locator('li[data-account="Sales"]')).toContainText('OAuth, application');
  await inspector.screenshot('saved-portals');

  const hookRow = saved.locator('li[data-account="Support hook"]');
  await hookRow.getByRole('button', { name: 'Remove' }).click();
  await hookRow.getByRole('group', { name: 'Confirm removing Support hook' }).getByRole('button', { name: 'Remove' }).click();
  await expect(saved.locator('li')).toHaveCount(1);
  // It was the one in use: nothing is connected now, and the other is one click away.
  await expect(page.getByRole('heading', { name: 'Connect to Bitrix24' })).toBeVisible();
  await saved.getByRole('button', { name: 'Use' }).click();
  await expect(inspector.accountMenuButton).toContainText('Sales');

  const secrets = [DEMO_WEBHOOK.key, DEMO_OAUTH_APP.clientSecret, ...harness.emulator.oauth.issuedTokens().flatMap((t) => [t.accessToken, t.refreshToken])];
  const html = await page.content();
  for (const secret of secrets) expect(html).not.toContain(secret);
});

test('an OAuth account the portal no longer accepts says "sign in again", and signs in again in one click', async ({ inspector, harness, page }) => {
  await inspector.open();
  // Signed in earlier, through main's own handlers.
  const pending = await harness.dispatch('oauth:begin', {
    portal: harness.emulator.origin,
    clientId: DEMO_OAUTH_APP.clientId,
    clientSecret: DEMO_OAUTH_APP.clientSecret,
    oauthServer: harness.emulator.oauth.serverOrigin,
    port: 0,
    name: 'Beta',
  });
  expect(pending).toMatchObject({ ok: true });
  const finished = harness.dispatch('oauth:finish');
  await playBrowser(inspector);
  expect(await finished).toMatchObject({ ok: true });
  await page.reload();
  await expect(inspector.accountMenuButton).toContainText('Beta');

  harness.emulator.oauth.expireAccessTokens();
  harness.emulator.oauth.expireRefreshTokens();
  await inspector.lookUp('chat1777');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'OAUTH_SIGN_IN_AGAIN');
  await expect(inspector.errorPanel).toContainText('Your history and kept dialogs are not affected');
  await expect(inspector.accountMenuButton).toContainText('Sign in again');
  await inspector.screenshot('sign-in-again');

  const opened = harness.opened.length;
  await inspector.errorPanel.getByRole('button', { name: 'Sign in again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to Beta again' });
  await expect(dialog).toContainText('Finish signing in in your browser.');
  expect(harness.opened.length).toBe(opened + 1);
  await playBrowser(inspector);
  await expect(dialog).toBeHidden();
  await expect(inspector.accountMenuButton).not.toContainText('Sign in again');
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
});
