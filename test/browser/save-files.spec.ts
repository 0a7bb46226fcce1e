// Issue "Many dialogs at once", export: the dialog, its transcript, the
// history and a bulk table saved as files. The window names what and in which
// format; main makes the file and asks where (here the user takes the offered
// name). Real preload, main and emulator.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test, expect } from './support/fixtures';

/** The n-th file saved, once main has written it (the save dialog answers before the file is there). */
async function savedText(files: string[], index: number): Promise<string> {
  await expect.poll(() => files[index] !== undefined && existsSync(files[index])).toBe(true);
  return readFileSync(files[index]!, 'utf8');
}

test('the dialog, its transcript, the history and a bulk table are saved where the user says, and the window says so', async ({ inspector, page, harness }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  const saveAs = (format: string) => page.getByRole('button', { name: `Save as ${format}` });

  // The Fields tab saves the dialog: Markdown with the card's sections.
  await saveAs('Markdown').click();
  await expect(page.locator('.notice')).toContainText('Saved as chat1777.md');
  const markdown = await savedText(harness.savedFiles, 0);
  expect(harness.savedFiles.map((file) => basename(file))).toEqual(['chat1777.md']);
  expect(markdown).toMatch(/^# Green Guest #17 - Bitrix24 Documentation \(chat1777\)/);
  expect(markdown).toContain('| Session id | `entity_data_1[5]` | 343 |');
  await inspector.windowScreenshot('save-dialog');

  // The Conversation tab saves the session's transcript, as text.
  await page.getByRole('tab', { name: 'Conversation' }).click();
  await saveAs('Text').click();
  expect(await savedText(harness.savedFiles, 1)).toContain('dialog.get works now');
  expect(basename(harness.savedFiles[1]!)).toBe('chat1777-session343.txt');

  // The history panel saves the lookups as CSV.
  if (!(await inspector.historyPanel.isVisible())) await inspector.historyToggle.click();
  await inspector.historyPanel.getByRole('button', { name: 'Save as CSV' }).click();
  const history = (await savedText(harness.savedFiles, 2)).split('\r\n');
  expect(history[0]).toBe('\uFEFFat,account,input,param,value,outcome,chat_id,name,source,elapsed_ms,pinned');
  expect(history[1]).toContain(',chat1777,DIALOG_ID,chat1777,ok,1777,');

  // A bulk table, once the run is done, as JSON.
  await inspector.lookupInput.fill('');
  await inspector.lookupInput.focus();
  await page.keyboard.insertText('1777\n2001\nhello');
  await inspector.lookupInput.press('Enter');
  await expect(page.locator('#bulk-title')).toHaveText('Done: 2 found, 1 failed');
  await page.locator('section.bulk').getByRole('button', { name: 'Save as JSON' }).click();
  const run = JSON.parse(await savedText(harness.savedFiles, 3));
  expect(run.rows.map((row: { input: string; outcome: string }) => `${row.input} ${row.outcome}`)).toEqual(['1777 found', '2001 found', 'hello failed']);
  await inspector.windowScreenshot('save-bulk');
});
