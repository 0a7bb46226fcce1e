// Another program holding the history database's write lock never costs a lookup:
// the dialog is shown, with a plain note that this lookup was not remembered.
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../main/store/index';
import { holdLock } from '../support/lock-holder';
import { test, expect } from './support/fixtures';

test('a lookup while the history database is locked shows the dialog and says it was not saved', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(page.locator('.store-warning')).toHaveCount(0);

  const holder = await holdLock(join(harness.dataDir, DATABASE_FILE_NAME), 'write');
  try {
    await inspector.lookUp('2002');
    const warning = page.locator('.store-warning');
    await expect(warning).toHaveAttribute('data-code', 'STORE_BUSY');
    await expect(warning).toContainText('Not saved to history.');
    await expect(warning).toContainText('in use by another program');
    await expect(inspector.dialogName).toContainText('أحمد محمود');
    await inspector.screenshot('history-locked');
  } finally {
    await holder.release();
  }

  // The lock gone, the next lookup is remembered again and the note goes.
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(page.locator('.store-warning')).toHaveCount(0);
  await expect(inspector.historyRows.first()).toContainText('chat1777');
});
