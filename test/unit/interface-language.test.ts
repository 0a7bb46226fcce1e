// Which language main writes in: the setting, else the OS's (or the
// terminal's) first language we speak, else English; and the plural forms.
import { describe, expect, it } from 'vitest';
import { inLanguage, language, plural, resolveLanguage } from '../../main/core/i18n';
import { messages } from '../../main/core/messages/index';
import { terminalLanguage } from '../../main/cli/run-cli';

describe('resolveLanguage', () => {
  it.each([
    [['ru-RU', 'en-US'], 'ru'],
    [['en-US', 'ru-RU'], 'en'],
    [['uk-UA', 'ru-RU'], 'ru'],
    [['de-DE', 'fr-FR'], 'en'],
    [['ru_RU.UTF-8'], 'ru'],
    [['RU'], 'ru'],
    [[], 'en'],
    [['C.UTF-8'], 'en'],
  ] as const)('system with %j speaks %s', (preferred, expected) => {
    expect(resolveLanguage('system', preferred)).toBe(expected);
  });

  it('lets the setting override the OS', () => {
    expect(resolveLanguage('en', ['ru-RU'])).toBe('en');
    expect(resolveLanguage('ru', ['en-US'])).toBe('ru');
  });
});

describe('the language of a call', () => {
  it('holds across awaits inside the call and does not leak out of it', async () => {
    const seen = await inLanguage('ru', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [language(), messages().language.name];
    });
    expect(seen).toEqual(['ru', 'Русский']);
    expect(language()).toBe('en');
    expect(messages().language.name).toBe('English');
  });
});

describe('plural', () => {
  const dialogs = (count: number) => `${count} ${plural(count, { one: 'диалог', few: 'диалога', many: 'диалогов', other: 'диалога' })}`;

  it('uses the three Russian forms', () => {
    expect(inLanguage('ru', () => [1, 2, 5, 11, 21, 22, 25].map(dialogs))).toEqual([
      '1 диалог',
      '2 диалога',
      '5 диалогов',
      '11 диалогов',
      '21 диалог',
      '22 диалога',
      '25 диалогов',
    ]);
  });

  it('uses one and other in English', () => {
    expect([1, 2].map((count) => `${count} ${plural(count, { one: 'dialog', other: 'dialogs' })}`)).toEqual(['1 dialog', '2 dialogs']);
  });
});

describe('the terminal language of the CLI', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them', () => {
    expect(terminalLanguage({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(terminalLanguage({ LC_ALL: 'en_GB.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(terminalLanguage({ LC_ALL: '', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(terminalLanguage({})).toBe('en');
  });
});
