// The command palette (Ctrl/Cmd+K): a WAI-ARIA combobox over a grouped
// listbox of commands, saved portals and recent lookups, driven from the
// keyboard only: filtered as typed (any case, any accents), ↑/↓/Home/End
// move, Enter runs, Esc or a click outside closes and focus goes back.
import { test, expect } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';

const DOCUMENTED_NAME = 'Green Guest #17 - Bitrix24 Documentation';

function palette(inspector: InspectorPage) {
  const dialog = inspector.page.getByRole('dialog', { name: 'Command palette' });
  return {
    dialog,
    combobox: dialog.getByRole('combobox', { name: 'Command, portal or lookup' }),
    listbox: dialog.getByRole('listbox', { name: 'Commands, portals and recent lookups' }),
    options: dialog.getByRole('option'),
    group: (name: string) => dialog.getByRole('group', { name }),
  };
}

test('Ctrl+K opens a combobox of commands, portals and recent lookups that the keyboard filters, moves through and runs', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.lookUp('2002');
  await inspector.lookUp('chat1777');
  await expect(inspector.lookupInput).toBeFocused();

  await page.keyboard.press('Control+K');
  const { dialog, combobox, listbox, options, group } = palette(inspector);
  await expect(dialog).toBeVisible();
  await expect(combobox).toBeFocused();
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  await expect(combobox).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!);
  await expect(combobox).toHaveAttribute('aria-autocomplete', 'list');
  await expect(listbox.getByRole('group')).toHaveCount(3);
  await expect(group('Commands').getByRole('option').first()).toHaveAccessibleName('Go to the lookup field');
  await expect(group('Portals').getByRole('option')).toHaveCount(2);
  // The portal in use, named after its address (not said twice), then the demo.
  await expect(group('Portals').getByRole('option').locator('.label')).toHaveText([new URL(harness.emulator.origin).host, 'Demo portal']);
  await expect(group('Portals').getByRole('option').locator('.detail')).toHaveText(['webhook · in use', 'built in, sample dialogs']);
  // Each identifier once, newest first.
  await expect(group('Recent lookups').getByRole('option').locator('.label')).toHaveText(['chat1777', '2002']);
  await expect(group('Recent lookups').getByRole('option').first()).toContainText('Found → chat1777');

  // The first option is active, named by aria-activedescendant; only it is selected.
  const first = options.first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(combobox).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await expect(options.and(page.locator('[aria-selected="true"]'))).toHaveCount(1);
  await inspector.windowScreenshot('command-palette');

  // ↓ ↑ End Home move the active option, wrapping at the ends; focus stays in the text box.
  const activeName = async () => {
    const id = await combobox.getAttribute('aria-activedescendant');
    return (await page.locator(`#${id}`).locator('.label').textContent()) ?? '';
  };
  await page.keyboard.press('ArrowDown');
  expect(await activeName()).toBe('Filter the dialog’s fields');
  await page.keyboard.press('End');
  expect(await activeName()).toBe('2002');
  await page.keyboard.press('ArrowDown');
  expect(await activeName()).toBe('Go to the lookup field');
  await page.keyboard.press('ArrowUp');
  expect(await activeName()).toBe('2002');
  await page.keyboard.press('Home');
  expect(await activeName()).toBe('Go to the lookup field');
  await expect(combobox).toBeFocused();

  // Filtered as typed, without regard to case or accents; keywords count too.
  await page.keyboard.type('SÉTTINGS');
  await expect(options.locator('.label')).toHaveText(['Open settings']);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await combobox.fill('');
  await page.keyboard.type('preferences');
  await expect(options.locator('.label')).toHaveText(['Open settings']);
  await combobox.fill('');
  await page.keyboard.type('zzzz');
  await expect(options).toHaveCount(0);
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
  await expect(combobox).not.toHaveAttribute('aria-activedescendant');
  await expect(dialog).toContainText('Nothing matches “zzzz”.');
  await expect(dialog.getByRole('status')).toHaveText('No matches');

  // Esc closes and gives focus back to where it was.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(inspector.lookupInput).toBeFocused();

  // A recent lookup: Enter looks it up again.
  await inspector.lookupInput.fill('');
  await page.keyboard.press('Control+K');
  await page.keyboard.type('2002');
  await expect(group('Commands').getByRole('option').locator('.label')).toHaveText(['Look up “2002”']);
  await expect(group('Recent lookups').getByRole('option').locator('.label')).toHaveText(['2002']);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(inspector.lookupInput).toHaveValue('2002');
  await expect(inspector.lookupButton).toHaveText('Look up');
  await expect(inspector.historyRows.locator('.input')).toHaveText(['2002', 'chat1777', '2002', 'chat1777']);

  // Something new that looks like an identifier: looked up straight from the palette.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('chat1777');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await inspector.expectLoaded(DOCUMENTED_NAME);
  await expect(inspector.lookupInput).toHaveValue('chat1777');
});

test('the palette switches portals, opens what its commands name, and closes on a click outside or Ctrl+K', async ({ inspector, harness, page }) => {
  const answer = await harness.dispatch('connection:use-webhook', { url: harness.emulator.webhookUrl(), name: 'Support hook' });
  expect(answer).toMatchObject({ ok: true });
  await inspector.open();
  await expect(inspector.lookupInput).toBeFocused();
  const { dialog, combobox, options, group } = palette(inspector);

  // To the demo portal and back, by name.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('demo');
  await expect(group('Portals').getByRole('option')).toHaveAccessibleName('Demo portal built in, sample dialogs');
  await page.keyboard.press('Enter');
  await expect(inspector.accountMenuButton).toContainText('Demo portal');
  await expect(inspector.lookupInput).toBeFocused();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('support');
  await expect(options.locator('.label')).toHaveText(['Support hook']);
  await page.keyboard.press('Enter');
  await expect(inspector.accountMenuButton).toContainText('Support hook');
  await expect(inspector.lookupInput).toBeFocused();

  // Open settings: the settings dialog takes over, and Esc there gives focus back to the lookup field.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('open set');
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(inspector.lookupInput).toBeFocused();

  // Hide history, then show it again: its search box takes focus.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('hide history');
  await page.keyboard.press('Enter');
  await expect(inspector.historyPanel).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await page.keyboard.type('show hist');
  await page.keyboard.press('Enter');
  await expect(inspector.historyPanel).toBeVisible();
  await expect(inspector.historySearch).toBeFocused();

  // The Portals page, and back to the inspector.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('manage portals');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Portals', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('back');
  await page.keyboard.press('Enter');
  await expect(inspector.lookupInput).toBeFocused();

  // Ctrl+K again closes it; so does a click on the dimmed page around it.
  await page.keyboard.press('Control+K');
  await expect(combobox).toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(dialog).toBeHidden();
  await expect(inspector.lookupInput).toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(dialog).toBeVisible();
  await page.mouse.click(30, 780);
  await expect(dialog).toBeHidden();
  await expect(inspector.lookupInput).toBeFocused();
});

test('keys typed while the palette’s code is still on its way go to the palette, Enter included, not to the field that had focus', async ({ inspector, harness, page }) => {
  // Hold the palette's chunk back until the keys are typed, as a slow disk or a busy machine would.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/CommandPalette-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await inspector.openConnected();
  await expect(inspector.lookupInput).toBeFocused();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  release();
  await expect(inspector.accountMenuButton).toContainText('Demo portal');
  expect(harness.demos).toHaveLength(1);
  await expect(inspector.lookupInput).toHaveValue('');
  await expect(palette(inspector).dialog).toBeHidden();
});
