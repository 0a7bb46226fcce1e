// A lookup's history row, its search and the palette know the client: the name
// of the dialog it found, while that dialog is kept (shown as text, isolated);
// and a kept dialog is found by its session id.
import { DEMO_IDS } from '../../main/emulator/index';
import { test, expect } from './support/fixtures';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';
const MARKUP_NAME = '<img src=x onerror=alert(1)>';

test('history rows name the kept dialog, the history search and the palette find lookups by that name, and "343" finds chat 1777', async ({
  inspector,
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await inspector.openConnected();
  await inspector.lookUp('1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await inspector.lookUp(String(DEMO_IDS.rtlChatId));
  await expect(inspector.dialogName).toContainText('أحمد محمود');
  await inspector.lookUp(String(DEMO_IDS.markupChatId));
  await expect(inspector.dialogName).toContainText(MARKUP_NAME);
  // The emulator refuses a session id lookup (ACCESS_ERROR): a failed lookup, no chat.
  await inspector.lookUp('343');
  await expect(inspector.errorPanel).toHaveAttribute('data-code', 'ACCESS_ERROR');

  const rows = inspector.historyRows;
  await expect(rows.locator('.input')).toHaveText(['343', String(DEMO_IDS.markupChatId), String(DEMO_IDS.rtlChatId), '1777']);
  // The name first, then what was typed, then the chat: "Green Guest #17 … — 1777 → chat1777".
  await expect(rows.nth(3).locator('.name')).toHaveText(DOCUMENTED_NAME);
  await expect(rows.nth(3)).toContainText(/Green Guest #17 - Bitrix24 Documentation\s*—\s*1777\s*Found\s*→\s*chat1777/);
  await expect(rows.nth(3).locator('bdi.name')).toHaveAttribute('dir', 'auto');
  await expect(rows.nth(2).locator('.name')).toHaveText('أحمد محمود - خدمة العملاء');
  // Markup from the portal is text, never HTML.
  await expect(rows.nth(1).locator('.name')).toHaveText(`${MARKUP_NAME} - Website chat`);
  await expect(rows.nth(1).locator('.name img')).toHaveCount(0);
  // A failed lookup found no chat: no name.
  await expect(rows.nth(0).locator('.name')).toHaveCount(0);

  // The history search: a client's name finds their lookups as well as the kept dialog.
  await inspector.historySearch.fill('green guest');
  await expect(inspector.dialogHits.locator('.dialog-id')).toHaveText(['chat1777']);
  await expect(rows.locator('.input')).toHaveText(['1777']);
  await expect(inspector.historyPanel).not.toContainText('Nothing matches');
  await inspector.historySearch.fill('محمود');
  await expect(rows.locator('.input')).toHaveText([String(DEMO_IDS.rtlChatId)]);

  // The session id (343) finds the kept dialog.
  await inspector.historySearch.fill('343');
  await expect(inspector.dialogHits.locator('.dialog-id')).toHaveText(['chat1777']);
  await inspector.historySearch.press('Escape');
  await expect(rows).toHaveCount(4);

  // The palette finds the recent lookup by the client's name.
  await inspector.lookupInput.fill('');
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('green guest');
  const recent = dialog.getByRole('group', { name: 'Recent lookups' }).getByRole('option');
  await expect(recent.locator('.label')).toHaveText(['1777']);
  await expect(recent.first()).toContainText(DOCUMENTED_NAME);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(dialogs).toEqual([]);
});
