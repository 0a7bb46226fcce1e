// A Bitrix24 link pasted while another portal is connected: the recognition
// line warns as it is typed, Enter is refused before anything is asked (no
// kept copy either: it is another portal's dialog), and when the link's
// portal is a saved account, one button switches to it and looks it up there.
import { test, expect } from './support/fixtures';

const linkTo = (host: string, dialog = 'chat1777') => `https://${host}/online/?IM_DIALOG=${dialog}`;

test('on the demo, a link to a saved portal is refused with a button that looks it up there', async ({ inspector, harness, page }) => {
  const host = new URL(harness.emulator.origin).host;
  expect(await harness.dispatch('connection:use-webhook', { url: harness.emulator.webhookUrl(), name: 'Support desk' })).toMatchObject({ ok: true });
  expect(await harness.dispatch('connection:use-demo')).toMatchObject({ ok: true });
  await inspector.open();
  await expect(inspector.accountMenuButton).toContainText('Demo');
  const before = harness.emulator.requests.length;

  await inspector.lookupInput.fill(linkTo(host));
  await expect(inspector.hint).toHaveText(`Dialog id chat1777 — a link to ${host}, but lookups go to the demo portal.`);

  await inspector.lookupInput.press('Enter');
  const panel = inspector.errorPanel;
  await expect(panel).toHaveAttribute('data-code', 'LINK_OTHER_PORTAL');
  await expect(panel.getByRole('heading')).toHaveText('Link to another portal');
  await expect(panel).toContainText(`This link is to a dialog on ${host}, but lookups go to the demo portal, where the same id may be another client’s dialog.`);
  await expect(panel).toContainText(`Look it up with "Support desk", your saved account for ${host}.`);
  await expect(inspector.announcer).toHaveText('Link to another portal');
  // Nothing is worth trying again as it is; nothing was asked of either portal.
  await expect(panel.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  expect(harness.emulator.requests.length).toBe(before);
  expect(harness.demos[0]!.requests.filter((request) => request.method === 'imopenlines.dialog.get')).toEqual([]);
  await inspector.screenshot('other-portal-link-offer');

  await panel.getByRole('button', { name: 'Look it up on Support desk' }).click();
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(inspector.accountMenuButton).toContainText('Support desk');
  await expect(inspector.lookupInput).toHaveValue(linkTo(host));
  // Now the link is to the connected portal: recognised as usual.
  await expect(inspector.hint).toHaveText('Dialog id chat1777');
  // The dialog, then its conversation.
  expect(harness.emulator.requests.slice(before).map((request) => request.method)).toEqual(['imopenlines.dialog.get', 'batch']);
  await expect(page.locator('.error-panel')).toHaveCount(0);
  await inspector.windowScreenshot('other-portal-link-switched');
});

test('a link to a portal with no saved account says how to add one, and shows no kept copy', async ({ inspector, harness }) => {
  await inspector.openConnected();
  // The connected portal's chat1777 is kept on this computer: it must not stand in for the link's.
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  const before = harness.emulator.requests.length;

  await inspector.lookupInput.fill(linkTo('Acme.Bitrix24.com'));
  await expect(inspector.hint).toContainText('a link to acme.bitrix24.com, but lookups go to');
  await inspector.lookupInput.press('Enter');
  const panel = inspector.errorPanel;
  await expect(panel).toHaveAttribute('data-code', 'LINK_OTHER_PORTAL');
  await expect(panel).toContainText('No account for acme.bitrix24.com is connected. Add it from the portal menu (Add or manage portals…)');
  await expect(panel.getByRole('button', { name: /^Look it up on/ })).toHaveCount(0);
  await expect(inspector.dialogName).toHaveCount(0);
  await expect(inspector.offlineBanner).toHaveCount(0);
  expect(harness.emulator.requests.length).toBe(before);
  await inspector.screenshot('other-portal-link-none');
});
