// The README's pictures, taken by the browser tests so they show the window as
// it is today: the demo portal's documented dialog chat1777 and its
// conversation, light and dark, in a fixed window. Every run takes them into test-results/screenshots/ and
// compares nothing (fonts and clock differ between machines); only
//
//   npm run build && UPDATE_README_SCREENSHOTS=1 npx playwright test test/browser/readme-screenshots.spec.ts
//
// writes docs/screenshot-{light,dark}.png and docs/screenshot-conversation-{light,dark}.png,
// so that `npm test` never changes a committed file.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test, expect } from './support/fixtures';
import { SCREENSHOT_DIR } from './support/inspector-page';

const DOCS_DIR = resolve(import.meta.dirname, '../../docs');
const UPDATE = process.env.UPDATE_README_SCREENSHOTS === '1';

// What a laptop shows of a maximised window; 2x so that the picture stays
// sharp when GitHub scales it down to the README's width.
test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });

test('the README pictures: the demo dialog chat1777 and its conversation, light and dark', async ({ inspector, page }) => {
  await inspector.open();
  await page.getByRole('button', { name: 'Try the demo portal' }).click();
  await expect(inspector.lookupInput).toBeFocused();
  // A history with something in it, as after a few minutes of use (this also
  // warms the demo up, so that the time shown is a lookup's usual one).
  await inspector.lookUp('2006');
  await inspector.lookUp('2002');
  await expect(inspector.dialogName).toContainText('أحمد محمود');
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(inspector.historyRows).toHaveCount(3);

  // A picture at rest: no focus ring, nothing hovered, from the top.
  await page.evaluate('document.activeElement?.blur()');
  await page.mouse.move(0, 0);
  await page.evaluate('window.scrollTo(0, 0)');

  const dir = UPDATE ? DOCS_DIR : SCREENSHOT_DIR;
  await mkdir(dir, { recursive: true });
  const take = async (name: string) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.screenshot({ path: resolve(dir, UPDATE ? `screenshot${name}-${theme}.png` : `readme${name}-${theme}.png`), animations: 'disabled' });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };
  await take('');

  // The conversation: its timings, then the messages, the tabs at the top of the window.
  await page.getByRole('tab', { name: 'Conversation' }).click();
  await expect(page.getByRole('tabpanel').getByText('First response', { exact: true })).toBeVisible();
  await page.evaluate(`document.querySelector('[role="tablist"]').scrollIntoView({ block: 'start' }); window.scrollBy(0, -12)`);
  await page.evaluate('document.activeElement?.blur()');
  await page.mouse.move(0, 0);
  await take('-conversation');
});
