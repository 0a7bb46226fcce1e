// User preferences kept between runs. The store is electron-store in the app
// and its engine (conf) in the CLI and tests: the same file, the same keys.
import type { LanguageSetting, NumberAs, Settings, ThemeSetting } from '../../preload/api-contract';
import { SETTING_LIMITS, WATCH_NOTIFY_SETTINGS, WATCH_WAIT_MINUTES, type NumericSetting, type WatchWait } from '../core/setting-limits';

/** The part of electron-store / conf we use. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export const DEFAULT_SETTINGS: Settings = {
  numberAs: 'chat',
  historyMaxEntries: 10_000,
  historyMaxAgeDays: 180,
  snapshotsPerDialog: 10,
  // rest/portal-client.ts DEFAULT_MAX_ANSWER_BYTES, in megabytes.
  maxAnswerMb: 32,
  theme: 'system',
  language: 'system',
  checkForUpdates: true,
  fetchConversation: true,
  // 5 minutes; 25 % of 2 requests a second is one request every 2 s, 50 dialogs each (main/watch/watch-pace.ts).
  watchIntervalSeconds: 300,
  watchShareOfLimit: 25,
  watchNotify: 'important',
  watchQuiet: false,
  // Off: the wait rule is new, and nobody asked for it yet.
  watchWaitMinutes: 0,
  // Every 5 minutes within 20 % of the rate (a request every 2.5 s on the standard plan): a
  // demo-sized refresh, a dozen requests, uses a small part of it; the watch's 25 % beside it leaves the user more than half.
  overviewRefreshMinutes: 5,
  overviewShareOfLimit: 20,
};

export const THEME_SETTINGS = ['system', 'light', 'dark'] as const satisfies readonly ThemeSetting[];
export const LANGUAGE_SETTINGS = ['system', 'en', 'ru'] as const satisfies readonly LanguageSetting[];

function isNumberAs(value: unknown): value is NumberAs {
  return value === 'chat' || value === 'session';
}

function readChoice<T extends string>(store: Pick<KeyValueStore, 'get'>, key: string, choices: readonly T[], fallback: T): T {
  const value = store.get(`settings.${key}`);
  return choices.includes(value as T) ? (value as T) : fallback;
}

function readNumber(store: Pick<KeyValueStore, 'get'>, key: NumericSetting): number {
  const value = store.get(`settings.${key}`);
  const { min, max } = SETTING_LIMITS[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : DEFAULT_SETTINGS[key];
}

function readFlag(store: Pick<KeyValueStore, 'get'>, key: 'checkForUpdates' | 'fetchConversation' | 'watchQuiet'): boolean {
  const value = store.get(`settings.${key}`);
  return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[key];
}

function readWatchWait(store: Pick<KeyValueStore, 'get'>): WatchWait {
  const value = store.get('settings.watchWaitMinutes');
  if (value === 'kpi' || value === 0) return value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= WATCH_WAIT_MINUTES.min && value <= WATCH_WAIT_MINUTES.max ? value : DEFAULT_SETTINGS.watchWaitMinutes;
}

export function readSettings(store: Pick<KeyValueStore, 'get'>): Settings {
  const numberAs = store.get('settings.numberAs');
  // A hand-edited or older file never breaks start-up: bad values fall back.
  return {
    numberAs: isNumberAs(numberAs) ? numberAs : DEFAULT_SETTINGS.numberAs,
    historyMaxEntries: readNumber(store, 'historyMaxEntries'),
    historyMaxAgeDays: readNumber(store, 'historyMaxAgeDays'),
    snapshotsPerDialog: readNumber(store, 'snapshotsPerDialog'),
    maxAnswerMb: readNumber(store, 'maxAnswerMb'),
    theme: readChoice(store, 'theme', THEME_SETTINGS, DEFAULT_SETTINGS.theme),
    language: readChoice(store, 'language', LANGUAGE_SETTINGS, DEFAULT_SETTINGS.language),
    checkForUpdates: readFlag(store, 'checkForUpdates'),
    fetchConversation: readFlag(store, 'fetchConversation'),
    watchIntervalSeconds: readNumber(store, 'watchIntervalSeconds'),
    watchShareOfLimit: readNumber(store, 'watchShareOfLimit'),
    watchNotify: readChoice(store, 'watchNotify', WATCH_NOTIFY_SETTINGS, DEFAULT_SETTINGS.watchNotify),
    watchQuiet: readFlag(store, 'watchQuiet'),
    watchWaitMinutes: readWatchWait(store),
    overviewRefreshMinutes: readNumber(store, 'overviewRefreshMinutes'),
    overviewShareOfLimit: readNumber(store, 'overviewShareOfLimit'),
  };
}

/** `patch` is already validated (argument-schemas.ts); only the keys given change. */
export function updateSettings(store: KeyValueStore, patch: Partial<Settings>): Settings {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) store.set(`settings.${key}`, value);
  }
  return readSettings(store);
}
