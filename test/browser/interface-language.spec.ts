// The window in Russian: chosen in the settings, it switches at once (texts,
// aria names, html[lang], dates and relative times through Intl) and back;
// 'system' follows the language main resolved from the OS; the Russian
// catalogue is in place before the first screen is drawn, so no English
// flashes first. Texts made by main (section labels, errors) are main's to
// translate: the checks here look at the renderer's own chrome.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';

/** English words of the renderer's chrome that must not be left over in Russian. */
const ENGLISH_CHROME =
  /\b(History|Settings|Look(ing)? up|Chat id|Session id|Dialog id|Fields|Raw JSON|Filter|Channel|Line|Session|Responsible|Nobody|Not bound|Fetched|Copy|Dismiss|Search|Pinned|Found|Errors|Clear|Today|Yesterday|ago|Commands|Portals|Recent|Cancel|Save|Theme|Language|System|Light|Dark|Keep|Connect|Sign in|Demo portal|Show|Hide|Open|Close|Lookups|Kept)\b/;

/** Visible text plus the names and hints a screen reader or a tooltip gives, of every element matched. */
async function chromeText(root: Locator): Promise<string> {
  const texts = await root.evaluateAll((elements) =>
    elements.map((element) => {
      const own = (element as unknown as { innerText?: string }).innerText ?? '';
      const attributes = [...element.querySelectorAll('[aria-label], [title], [placeholder]'), element]
        .flatMap((node) => ['aria-label', 'title', 'placeholder'].map((name) => node.getAttribute(name) ?? ''))
        .filter((value) => value !== '');
      return [own, ...attributes].join('\n');
    }),
  );
  return texts.join('\n');
}

async function expectNoEnglish(root: Locator, what: string): Promise<void> {
  // The product's name stays as it is in every language.
  const text = (await chromeText(root)).replaceAll('Open Lines Inspector', '');
  expect(text.match(ENGLISH_CHROME)?.[0] ?? null, `English left over in ${what}:\n${text}`).toBeNull();
}

async function chooseLanguage(page: Page, name: 'Системный' | 'System' | 'English' | 'Русский'): Promise<void> {
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: /^(Settings|Настройки)$/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('group', { name: /^(Language|Язык)$/ }).getByRole('radio', { name, exact: true }).check();
  await dialog.getByRole('button', { name: /^(Save|Сохранить)$/ }).click();
  await expect(dialog).toBeHidden();
}

/** Opens the app connected to the test portal, when the window speaks Russian. */
async function openConnectedInRussian(inspector: InspectorPage): Promise<void> {
  await inspector.harness.connectWebhook();
  await inspector.open();
  await expect(inspector.page.getByRole('textbox', { name: 'Идентификатор диалога' })).toBeVisible();
}

async function expectRussianWorkspace(inspector: InspectorPage): Promise<void> {
  const { page } = inspector;
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('#history-toggle')).toHaveText('История');
  await expect(page.getByRole('button', { name: 'Настройки' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Идентификатор диалога' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Найти', exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'ID чата' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'ID сессии' })).toBeVisible();
  await expectNoEnglish(page.locator('header.app-header, form.lookup'), 'the header and the lookup bar');
}

test('the start screen is drawn in Russian from the first frame when Russian is saved', async ({ inspector, harness, page }) => {
  await harness.dispatch('settings:update', { language: 'ru' });
  // Every text the page ever showed, from the first node on: no English before the Russian.
  await page.addInitScript({
    content: `
      window.__shown = [];
      new MutationObserver(() => { if (document.body) window.__shown.push(document.body.innerText); })
        .observe(document, { subtree: true, childList: true, characterData: true });
    `,
  });
  await inspector.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { name: 'Подключение к Битрикс24' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Открыть демо-портал' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Войти…' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Адрес входящего вебхука' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Подключить', exact: true })).toBeVisible();
  await expectNoEnglish(page.locator('.app'), 'the start screen');
  const shown = (await page.evaluate('window.__shown')) as string[];
  expect(shown.filter((text) => /Settings|Starting|Connect to Bitrix24/.test(text))).toEqual([]);
  await inspector.screenshot('ru-connect');
});

test('Русский in the settings turns the window Russian at once, and English turns it back', async ({ inspector, page }) => {
  await inspector.openConnected();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await chooseLanguage(page, 'Русский');
  await expectRussianWorkspace(inspector);
  await expect(page.getByRole('alert').filter({ hasText: 'Настройки сохранены' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Найти диалог' })).toBeVisible();
  await inspector.screenshot('ru-start');

  // The decoded dialog's chrome: tabs, filter, the summary card's facts, counts.
  await page.getByRole('textbox', { name: 'Идентификатор диалога' }).fill('chat1777');
  await page.keyboard.press('Enter');
  await expect(inspector.dialogName).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Поля' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Исходный JSON' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Фильтр полей' })).toBeVisible();
  await expect(inspector.filterCount).toHaveText(/^\d+ пол(е|я|ей)$/);
  for (const fact of ['Канал', 'Линия', 'Ответственный оператор', 'Сессия', 'CRM', 'Получено']) {
    await expect(page.locator('.summary dt', { hasText: fact })).toBeVisible();
  }
  await expectNoEnglish(page.locator('.summary dt, .toolbar, .summary .ids .muted'), 'the dialog chrome');
  await page.getByRole('searchbox', { name: 'Фильтр полей' }).fill('zzzz-nothing');
  await expect(page.getByText('Нет полей, подходящих под «zzzz-nothing»')).toBeVisible();
  await page.getByRole('button', { name: 'Сбросить фильтр' }).first().click();

  // The history panel: headings, filters, the day and the relative time through Intl in Russian.
  const panel = inspector.historyPanel;
  await expect(panel.getByRole('heading', { name: 'История' })).toBeVisible();
  await expect(panel.getByRole('searchbox', { name: 'Поиск по истории' })).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'Все', exact: true })).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'Этот портал' })).toBeVisible();
  await expect(panel.getByText('Сегодня')).toBeVisible();
  const justNow = (await page.evaluate("new Intl.RelativeTimeFormat('ru-RU', { numeric: 'auto' }).format(0, 'minute')")) as string;
  await expect(inspector.historyRows.first().locator('time')).toHaveText(justNow);
  await expect(inspector.historyRows.first().getByRole('button', { name: 'Удалить из истории' })).toBeVisible();
  await expectNoEnglish(panel, 'the history panel');
  await inspector.screenshot('ru-dialog');

  // Clearing asks first, in Russian.
  await panel.getByRole('button', { name: 'Очистить…' }).click();
  await expect(panel.getByRole('group', { name: 'Подтвердите очистку истории' })).toContainText('Закреплённые останутся.');
  await inspector.screenshot('ru-history-clear');
  await panel.getByRole('button', { name: 'Отмена' }).click();

  // The settings dialog in Russian, with each language named in its own.
  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Настройки' });
  await expect(settings.getByRole('group', { name: 'Язык' }).getByRole('radio', { name: 'Русский' })).toBeChecked();
  await expect(settings.getByRole('group', { name: 'Язык' }).getByRole('radio', { name: 'English' })).toBeVisible();
  await expect(settings.getByLabel('Хранить не более')).toHaveValue('10000');
  await expect(settings).toContainText('100–1 000 000.');
  await settings.getByLabel('Хранить не более').fill('5');
  await expect(settings).toContainText('Введите число от 100 до 1 000 000.');
  await expectNoEnglish(settings.locator('header, section, footer'), 'the settings dialog');
  await inspector.windowScreenshot('ru-settings');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // The palette: Russian commands and groups, matched in Russian.
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Палитра команд' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('group', { name: 'Команды' })).toBeVisible();
  await expect(palette.getByRole('group', { name: 'Порталы' })).toBeVisible();
  await expectNoEnglish(palette.locator('.group-title, .option .label, .help'), 'the palette');
  await inspector.windowScreenshot('ru-palette');
  await palette.getByRole('combobox').fill('настр');
  await expect(palette.getByRole('option').first()).toContainText('Открыть настройки');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // The shortcut sheet.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Сочетания клавиш' });
  await expect(sheet).toBeVisible();
  await expectNoEnglish(sheet.locator('h2, h3, dt, .or'), 'the shortcut sheet');
  await inspector.windowScreenshot('ru-shortcuts');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Back to English: the same window, the same texts the other specs know.
  await chooseLanguage(page, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(inspector.historyToggle).toHaveText('History');
  await expect(inspector.lookupInput).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Fields' })).toBeVisible();
  await expect(inspector.filterCount).toHaveText(/^\d+ fields$/);
  await expect(inspector.historyPanel.getByText('Today')).toBeVisible();
});

test('a relative time and a day further back are in Russian too', async ({ inspector, page }) => {
  // The page's clock three days ahead of main's: the lookups made now are three days old to it.
  await page.clock.install({ time: Date.now() + 3 * 24 * 3600 * 1000 + 5 * 60 * 1000 });
  await inspector.harness.dispatch('settings:update', { language: 'ru' });
  await openConnectedInRussian(inspector);
  await page.getByRole('textbox', { name: 'Идентификатор диалога' }).fill('chat1777');
  await page.keyboard.press('Enter');
  await expect(inspector.dialogName).toBeVisible();
  await expect(inspector.historyRows.first().locator('time')).toHaveText('3 дня назад');
  // The day heading: weekday and date from Intl in Russian, with a capital first letter.
  const day = inspector.historyPanel.locator('.day-label').first();
  await expect(day).toHaveText(/^[А-ЯЁ][а-яё]+, \d{1,2} [а-яё]+$/);
});

test.describe('with the OS in Russian', () => {
  test.use({ preferredLanguages: ['ru-RU', 'en-US'] });

  test("'system' follows the language main resolves from the OS", async ({ inspector, harness, page }) => {
    expect(await harness.dispatch('settings:get')).toMatchObject({ ok: true, value: { language: 'system', resolvedLanguage: 'ru' } });
    await openConnectedInRussian(inspector);
    await expectRussianWorkspace(inspector);

    await page.keyboard.press('Control+Comma');
    const settings = page.getByRole('dialog', { name: 'Настройки' });
    await expect(settings.getByRole('group', { name: 'Язык' }).getByRole('radio', { name: 'Системный' })).toBeChecked();
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();

    await chooseLanguage(page, 'English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(inspector.historyToggle).toHaveText('History');

    await chooseLanguage(page, 'System');
    await expectRussianWorkspace(inspector);
    expect(await harness.dispatch('settings:get')).toMatchObject({ ok: true, value: { language: 'system', resolvedLanguage: 'ru' } });
  });
});
