// The overview's client column at the window's usual width (1200 px, the
// history panel open): a client's name stays whole beside its marks (pinned,
// silent mode, replies blocked), which are drawn as icons named in their
// tooltips and for screen readers. Real preload, main and emulator (the demo
// data's live dialogs, some pinned or silent).
import { test, expect } from './support/fixtures';

test('at 1200 px a client’s name is not cut short by its marks, and each mark says what it is', async ({ inspector, page }) => {
  await page.setViewportSize({ width: 1200, height: 820 });
  await inspector.openConnected();
  if (!(await inspector.historyPanel.isVisible())) await inspector.historyToggle.click();
  await page.getByRole('button', { name: 'Overview' }).click();
  await expect(page.getByTestId('overview-fetched')).toBeVisible({ timeout: 20_000 });

  const marked = page.locator('[data-testid="overview-rows"] .overview-row').filter({ has: page.locator('.client .mark') });
  await expect(marked.first()).toBeVisible();
  const cells = await marked.locator('.client').evaluateAll((clients) =>
    clients.map((client) => {
      const name = client.querySelector('.client-name')!;
      return { name: name.textContent, scroll: name.scrollWidth, shown: name.clientWidth, cellScroll: client.scrollWidth, cellShown: client.clientWidth };
    }),
  );
  expect(cells.length).toBeGreaterThan(1);
  for (const cell of cells) {
    // Cut with …, a name is wider than the room it is shown in.
    expect(cell.scroll, `${cell.name} is cut short`).toBeLessThanOrEqual(cell.shown);
    expect(cell.cellScroll, `${cell.name}'s marks overflow the column`).toBeLessThanOrEqual(cell.cellShown);
  }

  // Nothing lost: each mark's words are its tooltip and part of the row's name.
  const mark = marked.first().locator('.client .mark').first();
  const words = await mark.getAttribute('title');
  expect(['Pinned', 'Silent mode', 'Replies blocked']).toContain(words);
  await expect(marked.first()).toHaveAccessibleName(new RegExp(words!));
  await inspector.windowScreenshot('overview-marks');
});
