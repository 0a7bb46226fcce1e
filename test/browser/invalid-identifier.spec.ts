// What is not an identifier is explained as it is typed and never sent to the portal.
import { test, expect } from './support/fixtures';

test('an invalid identifier is refused before any request is made', async ({ inspector, harness }) => {
  await inspector.openConnected();
  const before = harness.emulator.requests.length;

  await inspector.lookupInput.fill('chat#1777');
  await expect(inspector.hint).toContainText('Write the dialog id without spaces or signs: chat1777.');

  // Spaces inside one identifier are a typo, not a list of two: the advice says how to write it.
  // Two identifiers or more are a list, offered as a bulk run (bulk-run.spec.ts).
  await inspector.lookupInput.fill('chat 1777');
  await expect(inspector.hint).toContainText('Write the dialog id without spaces or signs: chat1777.');
  await inspector.lookupInput.fill('chat1777 2001');
  await expect(inspector.hint).toContainText('2 identifiers — Enter looks them all up');
  await expect(inspector.lookupInput).toHaveAttribute('aria-invalid', 'false');

  await inspector.lookupInput.fill('hello');
  await expect(inspector.hint).toContainText('is not a chat id, dialog id, session id or user code');
  // The action lists every accepted form.
  await expect(inspector.hint).toContainText('a dialog id (chat1777)');
  await expect(inspector.hint).toContainText('livechat|1|1373|211');

  await inspector.lookupInput.press('Enter');
  await expect(inspector.lookupInput).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.announcer).toHaveText('Not a dialog identifier');
  await inspector.lookupButton.click();
  await inspector.screenshot('refused');

  await expect(inspector.dialogName).toHaveCount(0);
  await expect(inspector.errorPanel).toHaveCount(0);
  expect(harness.emulator.requests.length).toBe(before);

  // Fixing the text clears the refusal.
  await inspector.lookupInput.fill('chat1777');
  await expect(inspector.lookupInput).toHaveAttribute('aria-invalid', 'false');
  await expect(inspector.hint).toHaveText('Dialog id chat1777');
  expect(harness.emulator.requests.length).toBe(before);
});

test('after a refused Enter, the answer still shown says whose it is, and can be put back in the field', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  const shownFor = page.locator('.shown-for');
  await expect(shownFor).toHaveCount(0);

  await inspector.lookupInput.fill('chat-2009');
  await inspector.lookupInput.press('Enter');
  await expect(inspector.lookupInput).toHaveAttribute('aria-invalid', 'true');
  // The dialog below is chat1777's, and says so, instead of passing for what is typed.
  await expect(shownFor.locator('span')).toHaveText('Below is the answer for chat1777, not for what the field says now.');
  await inspector.windowScreenshot('shown-for-refused');

  await shownFor.getByRole('button', { name: 'Put chat1777 back' }).click();
  await expect(inspector.lookupInput).toHaveValue('chat1777');
  await expect(shownFor).toHaveCount(0);

  // The same for a failure: the error says which input it answered.
  await inspector.lookUp('9999');
  await expect(inspector.errorPanel).toBeVisible();
  await inspector.lookupInput.fill('chat1777');
  await expect(shownFor).toContainText('Below is the answer for 9999');
});
