// The dialogs kept on this computer are searchable from the history panel, and
// a kept copy opens from a search hit or a history row without asking the portal.
import { DEMO_IDS } from '../../main/emulator/index';
import { InspectorStore } from '../../main/store/index';
import { test, expect } from './support/fixtures';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';
const MARKUP_NAME = '<img src=x onerror=alert(1)>';

test('search finds kept dialogs by id, name in any script and CRM binding; Enter opens the kept copy offline', async ({
  inspector,
  harness,
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await inspector.lookUp(String(DEMO_IDS.cyrillicChatId));
  await expect(inspector.dialogName).toContainText('Анна Смирнова');
  await inspector.lookUp(String(DEMO_IDS.rtlChatId));
  await expect(inspector.dialogName).toContainText('أحمد محمود');
  await inspector.lookUp(String(DEMO_IDS.markupChatId));
  await expect(inspector.dialogName).toContainText(MARKUP_NAME);

  const hits = inspector.dialogHits;
  const panel = inspector.historyPanel;

  // An id prefix: one hit, the match marked.
  await inspector.historySearch.fill('chat17');
  await expect(hits).toHaveCount(1);
  await expect(hits.locator('.dialog-id')).toHaveText(['chat1777']);
  await expect(hits.locator('.name')).toHaveText([DOCUMENTED_NAME]);
  await expect(hits.first().locator('mark').first()).toHaveText(/^chat1777$/i);
  await expect(hits.first().locator('time')).toHaveText(/^as of /);
  await expect(hits.first().locator('time')).toHaveAttribute('title', /\d{1,2}:\d{2}:\d{2}/);
  await expect(hits.first().locator('.name')).toHaveAttribute('dir', 'auto');
  // The lookups still narrow below the kept dialogs.
  await expect(panel.getByRole('heading', { name: 'Lookups' })).toBeVisible();
  await expect(inspector.historyRows.locator('.input')).toHaveText(['chat1777']);
  await inspector.screenshot('search');

  // A Cyrillic prefix of the name.
  await inspector.historySearch.fill('смир');
  await expect(hits.locator('.dialog-id')).toHaveText([`chat${DEMO_IDS.cyrillicChatId}`]);
  await expect(hits.first().locator('mark').first()).toHaveText(/^смир/i);

  // An Arabic name.
  await inspector.historySearch.fill('أحمد');
  await expect(hits.locator('.dialog-id')).toHaveText([`chat${DEMO_IDS.rtlChatId}`]);

  // A CRM binding.
  await inspector.historySearch.fill('lead 1209');
  await expect(hits.locator('.dialog-id')).toHaveText(['chat1777']);

  // Nothing kept matches.
  await inspector.historySearch.fill('zzqx-nothing');
  await expect(panel).toContainText('No kept dialog matches');
  await expect(hits).toHaveCount(0);

  // Markup in a name is text in the hits too.
  await inspector.historySearch.fill('onerror');
  await expect(hits.locator('.dialog-id')).toHaveText([`chat${DEMO_IDS.markupChatId}`]);
  await expect(hits.first().locator('.name')).toContainText(MARKUP_NAME);
  await expect(panel.locator('img, script')).toHaveCount(0);

  // Keyboard: ↓ from the search box onto the hit, Enter opens the kept copy; the portal is not asked.
  await inspector.historySearch.fill('chat17');
  await expect(hits.locator('.dialog-id')).toHaveText(['chat1777']);
  const requests = harness.emulator.requests.length;
  await inspector.historySearch.press('ArrowDown');
  await expect(hits.first().locator('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.offlineBanner).toBeVisible();
  await expect(inspector.offlineBanner).toContainText('Cached copy, as asked');
  await expect(inspector.announcer).toHaveText(/^Opened the kept copy of chat1777, as of /);
  expect(harness.emulator.requests.length).toBe(requests);
  await inspector.screenshot('search-opened');

  expect(dialogs).toEqual([]);
});

test('"Open kept copy" on a history row opens the copy without asking the portal, and says so when none is kept', async ({
  inspector,
  harness,
  page,
}) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await inspector.lookUp(String(DEMO_IDS.cyrillicChatId));
  await expect(inspector.dialogName).toContainText('Анна Смирнова');

  const rows = inspector.historyRows;
  await expect(rows).toHaveCount(2);
  const requests = harness.emulator.requests.length;

  // Keyboard: Tab from the row reaches its pin, its Watch, then its "Open kept copy".
  await inspector.historyEntry(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(inspector.historyEntry(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.historyEntry(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(rows.nth(1).getByRole('button', { name: /^Watch chat\d+$/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const openCopy = rows.nth(1).getByRole('button', { name: 'Open kept copy' });
  await expect(openCopy).toBeFocused();
  await page.keyboard.press('Enter');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.offlineBanner).toBeVisible();
  expect(harness.emulator.requests.length).toBe(requests);
  // The field names what is shown, not the Cyrillic dialog's id typed before.
  await expect(inspector.lookupInput).toHaveValue('chat1777');
  await expect(page.locator('.shown-for')).toHaveCount(0);
  // Opening a copy is not a lookup: the history is unchanged.
  await expect(rows).toHaveCount(2);

  // A lookup recorded by another run (the CLI, sharing the store) whose copy is not kept: the row says so.
  const store = await InspectorStore.open(harness.dataDir);
  try {
    store.recordLookup({
      account: new URL(harness.emulator.webhookUrl()).host,
      input: 'chat4242',
      param: 'CHAT_ID',
      value: '4242',
      at: new Date().toISOString(),
      outcome: 'ok',
      chatId: 4242,
      elapsedMs: 12,
      source: 'network',
    });
  } finally {
    store.close();
  }
  await page.getByRole('radio', { name: 'Errors' }).check();
  await page.getByRole('radio', { name: 'All', exact: true }).check();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).locator('.input')).toHaveText('chat4242');
  await rows.nth(0).hover();
  await rows.nth(0).getByRole('button', { name: 'Open kept copy' }).click();
  await expect(rows.nth(0)).toContainText('No copy of chat4242 is kept on this computer.');
  // The inspector keeps what it showed.
  await inspector.expectLoaded(DOCUMENTED_NAME);
  expect(harness.emulator.requests.length).toBe(requests);
  await inspector.screenshot('open-kept-copy');
});

test('search finds a kept dialog by the words of its conversation, shows the message, and Enter opens the kept copy', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  // The lookup brings the current session's transcript (343) and keeps it.
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded(DOCUMENTED_NAME);

  const hits = inspector.dialogHits;
  // Said by the operator in session 343, in no field of the dialog.
  await inspector.historySearch.fill('webhook key');
  await expect(hits).toHaveCount(1);
  await expect(hits.locator('.dialog-id')).toHaveText(['chat1777']);
  await expect(hits.locator('.name')).toHaveText([DOCUMENTED_NAME]);
  const hit = hits.first();
  await expect(hit.locator('.message-meta')).toContainText('In the conversation');
  await expect(hit.locator('.message-meta .author')).toHaveText('Samantha Johnson');
  await expect(hit.locator('.message-meta time')).toHaveAttribute('datetime', /^2026-03-16T18:4\d:\d\d\+01:00$/);
  await expect(hit.locator('.snippet')).toContainText('Please remove the webhook key before you paste it.');
  await expect(hit.locator('.snippet mark')).toHaveText(['webhook', 'key']);
  await expect(hit.locator('.snippet')).not.toContainText('[b]');
  await inspector.screenshot('search-messages');

  const requests = harness.emulator.requests.length;
  await inspector.historySearch.press('ArrowDown');
  await expect(hit.locator('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.offlineBanner).toContainText('Cached copy, as asked');
  expect(harness.emulator.requests.length).toBe(requests);
});
