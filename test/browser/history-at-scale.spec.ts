// Thousands of lookups and kept dialogs: the history list keeps only what is
// on screen in the page (virtualised), loads older pages as it is scrolled,
// reaches any row from the keyboard, and search over the kept dialogs answers
// while typing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawDialog } from '../../main/core/dialog-types';
import { InspectorStore } from '../../main/store/index';
import { test, expect } from './support/fixtures';

const DIALOGS = 3_000;
const FIRST = ['Anna', 'Priya', 'José', 'Иван', 'Мария', 'محمد', '王小明', 'Olivia', 'Lukas', 'Chloé'];
const LAST = ['Smith', 'García', 'Петров', 'العلي', 'Müller', 'Sharma', 'Dubois'];
const LINES = ['Support', 'Sales', 'Refunds', 'VIP', 'Delivery'];

async function seed(dataDir: string, account: string): Promise<void> {
  const file = join(process.cwd(), 'main/emulator/data/documented-chat-1777.json');
  const template = (JSON.parse(await readFile(file, 'utf8')) as { result: RawDialog }).result;
  const store = InspectorStore.open(dataDir);
  const now = Date.now();
  try {
    for (let id = 1; id <= DIALOGS; id++) {
      const at = new Date(now - (DIALOGS - id) * 7 * 60_000).toISOString();
      const dialog: RawDialog = {
        ...template,
        id,
        dialog_id: `chat${id}`,
        name: `${FIRST[id % FIRST.length]} ${LAST[(id * 3) % LAST.length]} - ${LINES[id % LINES.length]}`,
        entity_id: `livechat|${id % 9}|${id + 7}|${id + 11}`,
        entity_data_1: `Y|LEAD|${id}|N|N|${100_000 + id}|1773682918|0|0|0`,
      };
      store.putDialog(account, dialog, null, at);
      store.recordLookup({ account, input: `chat${id}`, param: 'DIALOG_ID', value: `chat${id}`, at, outcome: 'ok', chatId: id, elapsedMs: 40, source: 'network' });
    }
  } finally {
    store.close();
  }
}

test('thousands of lookups scroll as one list that stays small in the page, and search answers as you type', async ({ inspector, harness, page }) => {
  test.setTimeout(90_000);
  await seed(harness.dataDir, new URL(harness.emulator.origin).host);
  await inspector.openConnected();
  const rows = inspector.historyRows;
  await expect(rows.first()).toContainText(`chat${DIALOGS}`);
  await expect(inspector.historyPanel.getByRole('heading', { level: 3 }).first()).toHaveText('Today');
  const list = inspector.historyPanel.locator('.list');

  // Scroll to the end again and again: older pages arrive by themselves.
  const oldest = inspector.historyPanel.locator('#history-entry-1');
  for (let i = 0; i < 200 && !(await oldest.isVisible()); i++) {
    await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.waitForTimeout(30);
  }
  await expect(oldest).toBeVisible();
  await expect(oldest).toContainText('chat1');
  // Every lookup is in the list, but only a screenful or so is in the page.
  expect(await rows.count()).toBeLessThan(60);
  await inspector.screenshot('history-at-scale-end');

  // Home and End reach rows that are not in the page yet.
  await oldest.focus();
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toContainText(`chat${DIALOGS}`);
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toContainText('chat1');
  await expect(page.locator(':focus')).toHaveId('history-entry-1');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveId('history-entry-2');

  // Search over the kept dialogs, typed a letter at a time.
  await inspector.historySearch.pressSequentially('Priya Sha', { delay: 40 });
  await expect(inspector.dialogHits.first()).toContainText('Priya Sharma');
  await expect(inspector.dialogHits).toHaveCount(30);
  await inspector.historySearch.fill('');
  await inspector.historySearch.pressSequentially('王小明', { delay: 40 });
  await expect(inspector.dialogHits.first()).toContainText('王小明');
  await inspector.historySearch.fill('chat2999');
  await expect(inspector.dialogHits.first()).toContainText('chat2999');
  await inspector.screenshot('history-at-scale-search');
});
