// Names are written by strangers: markup in them must show as characters and never run.
import { DEMO_IDS } from '../../main/emulator/index';
import { test, expect } from './support/fixtures';

test('a dialog name holding markup is shown as text and runs nothing', async ({ inspector, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await inspector.openConnected();
  await inspector.lookUp(String(DEMO_IDS.markupChatId));

  await expect(inspector.dialogName).toContainText('<img src=x onerror=alert(1)>');
  await expect(inspector.row('name')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main')).toContainText('<script>alert(2)</script>');
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.locator('main script')).toHaveCount(0);

  // The raw view is text as well.
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.locator('#panel-raw pre')).toContainText('"name": "<img src=x onerror=alert(1)>');
  await expect(page.locator('main img')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Fields' }).click();

  await inspector.screenshot('markup');
  expect(dialogs).toEqual([]);
});
