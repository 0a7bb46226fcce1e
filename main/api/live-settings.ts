// The settings every call reads (the language of its texts, the answer cap of
// each request), kept in memory instead of read from the settings file each
// time (the store reads the file on every get), and renewed by settings:update,
// the one place the app changes them.
import type { LanguageSetting, Settings } from '../../preload/api-contract';
import { resolveLanguage, type Language } from '../core/i18n';
import { readSettings, type KeyValueStore } from './settings';

export class LiveSettings {
  readonly #store: Pick<KeyValueStore, 'get'>;
  readonly #preferredLanguages: () => readonly string[];
  #language: LanguageSetting | null = null;
  #maxAnswerMb: number | null = null;
  #fetchConversation: boolean | null = null;

  /** `preferredLanguages`: the OS's, most preferred first, for the 'system' language. */
  constructor(store: Pick<KeyValueStore, 'get'>, preferredLanguages: () => readonly string[] = () => []) {
    this.#store = store;
    this.#preferredLanguages = preferredLanguages;
  }

  /** The language calls are answered in: the setting, or for 'system' the OS's first one we speak. */
  language(): Language {
    this.#language ??= readSettings(this.#store).language;
    return resolveLanguage(this.#language, this.#preferredLanguages());
  }

  /** The most of a portal's answer read, in bytes. */
  maxAnswerBytes(): number {
    this.#maxAnswerMb ??= readSettings(this.#store).maxAnswerMb;
    return this.#maxAnswerMb * 1024 * 1024;
  }

  /** Whether a lookup brings the current session's transcript. */
  fetchConversation(): boolean {
    this.#fetchConversation ??= readSettings(this.#store).fetchConversation;
    return this.#fetchConversation;
  }

  /** The settings as just saved. */
  changed(settings: Settings): void {
    this.#language = settings.language;
    this.#maxAnswerMb = settings.maxAnswerMb;
    this.#fetchConversation = settings.fetchConversation;
  }
}
