// The window's language: the catalogue every visible text comes from, and the
// locale dates and numbers are formatted in. Set from main's answer to
// getSettings (at start) and updateSettings (after a change): main resolves
// 'system' to the OS's language, so the window and main speak the same one.
// English is in the first bundle; Russian is a chunk of its own, fetched only
// when it is the language in use, and before the first screen is drawn.
import type { Language } from '../../../preload/api-contract';
import en, { type Messages } from './messages/en';

export type { Messages };

const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

function loadCatalogue(language: Language): Promise<Messages> {
  return language === 'ru' ? import('./messages/ru').then((module) => module.default) : Promise.resolve(en);
}

class I18n {
  language = $state<Language>('en');
  /** The texts of the language in use. */
  messages = $state.raw<Messages>(en);
  /** False until the language is known (or known to be unknowable): the window waits for it to draw. */
  ready = $state(false);
  #seq = 0;

  /** For Intl: 'en-GB' or 'ru-RU'. */
  get locale(): string {
    return LOCALES[this.language];
  }

  /** Switches the window to `language` once its catalogue is in; the newest call wins. */
  async use(language: Language | undefined): Promise<void> {
    const seq = ++this.#seq;
    const wanted: Language = language === 'ru' ? 'ru' : 'en';
    let messages = en;
    let chosen: Language = 'en';
    try {
      messages = await loadCatalogue(wanted);
      chosen = wanted;
    } catch {
      // The chunk could not be loaded: English rather than no window at all.
    }
    if (seq !== this.#seq) return;
    this.messages = messages;
    this.language = chosen;
    this.ready = true;
    document.documentElement.lang = chosen;
  }

  /** The language could not be asked for: English. */
  fallBack(): void {
    if (!this.ready) void this.use('en');
  }
}

export const i18n = new I18n();
