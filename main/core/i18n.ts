// The interface language of what main writes (error envelopes, field labels,
// notices, the CLI's output): English or Russian, Bitrix24's two largest
// audiences. Each call into the main API runs in the language of the user's
// setting (or the OS's), carried by AsyncLocalStorage so that text made deep
// inside a lookup needs no language argument; outside any call, the process
// default applies (the CLI sets it from its environment).
import { AsyncLocalStorage } from 'node:async_hooks';
import { LANGUAGES, type Language, type LanguageSetting } from './language';

export { LANGUAGES, type Language };

const current = new AsyncLocalStorage<Language>();
let processDefault: Language = 'en';

export function language(): Language {
  return current.getStore() ?? processDefault;
}

export function inLanguage<T>(chosen: Language, run: () => T): T {
  return current.run(chosen, run);
}

export function setDefaultLanguage(chosen: Language): void {
  processDefault = chosen;
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The setting, or for 'system' the first of the OS's preferred languages we
 * speak ("ru-RU", "ru_RU.UTF-8", "uk-UA" → none): English when none is.
 */
export function resolveLanguage(setting: LanguageSetting, preferred: readonly string[]): Language {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const primary = tag.split(/[-_.@]/)[0]!.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The locale tag for Intl (dates, numbers, plural rules). */
export function localeOf(chosen: Language = language()): string {
  return chosen === 'ru' ? 'ru-RU' : 'en-GB';
}

/** The form of a count: English one/other; Russian one/few/many (1 диалог, 2 диалога, 5 диалогов). */
export function plural(count: number, forms: { one: string; few?: string; many?: string; other: string }): string {
  const rule = new Intl.PluralRules(localeOf()).select(count);
  return (rule === 'one' ? forms.one : rule === 'few' ? forms.few : rule === 'many' ? forms.many : undefined) ?? forms.other;
}
