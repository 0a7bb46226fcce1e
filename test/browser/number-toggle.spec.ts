// "Number means: Chat id | Session id" decides how a bare number is read, and is remembered.
import { test, expect } from './support/fixtures';

test('a bare number is a chat id or a session id as the switch says, and the choice survives a reload', async ({
  inspector,
  harness,
  page,
}) => {
  await inspector.openConnected();
  await expect(inspector.numberAs('Chat id')).toBeChecked();

  // As a chat id, 343 is no open-line chat of this portal.
  await inspector.lookupInput.fill('343');
  await expect(inspector.hint).toHaveText('Chat id 343');
  await inspector.lookupInput.press('Enter');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'ACCESS_ERROR');
  await expect(inspector.errorPanel.getByRole('heading')).toHaveText('Dialog not found or no access');
  await expect(inspector.errorPanel).toContainText('Check the identifier (and the chat/session choice for a bare number)');
  await expect(inspector.errorPanel.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(inspector.announcer).toHaveText('Dialog not found or no access');

  // As a session id, it finds the chat that holds session 343.
  await inspector.numberAs('Session id').check();
  await expect(inspector.hint).toHaveText('Session id 343');
  await inspector.lookupButton.click();
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  // By session id: the dialog and that session's conversation, in one batch request.
  const last = harness.emulator.requests.at(-1);
  expect(last?.params['cmd']).toMatchObject({ dialog: 'imopenlines.dialog.get?SESSION_ID=343', history: 'imopenlines.session.history.get?SESSION_ID=343' });

  // Remembered by main, restored on start.
  await expect.poll(async () => harness.dispatch('settings:get')).toMatchObject({ ok: true, value: { numberAs: 'session' } });
  await page.reload();
  await expect(inspector.numberAs('Session id')).toBeChecked();
  await expect(inspector.numberAs('Chat id')).not.toBeChecked();

  // Arrow keys move the choice like any radio group.
  await inspector.numberAs('Session id').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(inspector.numberAs('Chat id')).toBeChecked();
  await expect.poll(async () => harness.dispatch('settings:get')).toMatchObject({ ok: true, value: { numberAs: 'chat' } });
});
